"""The iCalendar export: calendar apps must be able to import it, and re-importing updates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import icalendar

from content import load_catalog
from content.calendar import escape_text, fold, reminders_ics

STAMP = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)


def session(sid: str, client: str, reminders: list[dict], flow: str = "dropped"):
    return SimpleNamespace(id=sid, flow=flow, client=client, reminders=reminders)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def test_open_reminders_become_all_day_events_a_parser_reads():
    sessions = [
        session("s1", "Acme", [{"id": "r1", "due": "2026-11-25", "what": "Call Anna back"},
                               {"id": "r2", "due": "2026-11-20", "what": "Old", "done": True}]),
        session("s2", "Bolt", [{"id": "checkin_30", "due": "2026-12-23", "what": "Check in",
                                "kind": "checkin"}], flow="drop"),
    ]
    cal = parse(reminders_ics(sessions, load_catalog("en"), stamp=STAMP))
    events = cal.walk("VEVENT")
    assert len(events) == 2
    first = events[0]
    assert first.decoded("DTSTART") == date(2026, 11, 25)
    assert first.decoded("DTEND") == date(2026, 11, 26)
    assert str(first["SUMMARY"]) == "Call Anna back (Acme)"
    assert first.decoded("DTSTAMP") == STAMP
    assert str(events[1]["UID"]) == "s2-checkin_30@parting"
    assert str(cal["VERSION"]) == "2.0"


def test_a_reminder_that_names_the_client_names_them_once_in_its_title():
    sessions = [session("s1", "Иван Петров", [
        {"id": "r1", "due": "2026-11-25", "text_key": "dropped.reminder_call_back",
         "text_values": {"name": "Иван Петров"}, "what": "x"}])]
    [event] = parse(reminders_ics(sessions, load_catalog("ru"), stamp=STAMP)).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Перезвонить, как обещали: Иван Петров"


def test_uid_is_stable_between_exports():
    sessions = [session("s1", "Acme", [{"id": "r1", "due": "2026-11-25", "what": "x"}])]
    catalog = load_catalog("en")
    one = parse(reminders_ics(sessions, catalog, stamp=STAMP)).walk("VEVENT")[0]["UID"]
    two = parse(reminders_ics(sessions, catalog)).walk("VEVENT")[0]["UID"]
    assert one == two


def test_special_characters_and_newlines_survive_escaping():
    what = 'Send invoice; ask about "scope", then\\relax\nsecond line'
    sessions = [session("s1", "Smith, Jones & Co", [{"id": "r", "due": "2026-12-01", "what": what}])]
    event = parse(reminders_ics(sessions, load_catalog("en"), stamp=STAMP)).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == f"{what} (Smith, Jones & Co)"


def test_long_lines_fold_at_75_octets_without_breaking_characters():
    what = "Позвонить клиенту и спросить, почему проект закрыли, и поблагодарить за работу " * 3
    sessions = [session("s1", "Ёлка", [{"id": "r", "due": "2026-12-01", "what": what}])]
    data = reminders_ics(sessions, load_catalog("en"), stamp=STAMP)
    assert data.endswith(b"\r\n")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # no character cut in two
    assert b"\n" not in data.replace(b"\r\n", b"")
    event = parse(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == f"{what} (Ёлка)"


def test_reminders_without_an_id_or_a_readable_date():
    sessions = [session("s1", "", [{"due": "2026-12-01", "what": "a"}, {"due": "soon", "what": "b"}])]
    events = parse(reminders_ics(sessions, load_catalog("en"), stamp=STAMP)).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == ["s1-r0@parting"]
    assert "the client" in str(events[0]["SUMMARY"])


def test_no_reminders_still_makes_a_valid_calendar():
    cal = parse(reminders_ics([], load_catalog("en"), stamp=STAMP))
    assert cal.walk("VEVENT") == []
    assert str(cal["PRODID"])


def test_escape_and_fold_helpers():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert fold("x" * 75) == b"x" * 75
    folded = fold("x" * 200).split(b"\r\n")
    assert [len(p) for p in folded] == [75, 75, 52]  # 75 + 74 + 51 characters, two with a leading space
    assert all(p.startswith(b" ") for p in folded[1:])
