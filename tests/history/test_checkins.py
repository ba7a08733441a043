"""Check-ins after a finished session, like a decision journal."""

from __future__ import annotations

from datetime import date

from content import load_catalog
from content.checkins import add_checkins, checkin_markdown, open_checkins, record_checkin
from store import new_session

CATALOG = load_catalog("en")


def finished(flow: str):
    session = new_session(flow, client="Acme")
    session.status = "done"
    return session


def test_a_finished_drop_session_gets_checkins_at_30_and_90_days():
    session = finished("drop")
    added = add_checkins(session, CATALOG, date(2026, 11, 23))
    assert [(r["id"], r["due"], r["kind"]) for r in added] == [
        ("checkin_30", "2026-12-23", "checkin"), ("checkin_90", "2027-02-21", "checkin")]
    assert "right call" in added[0]["what"]


def test_a_finished_dropped_session_gets_one_checkin_four_months_later():
    session = finished("dropped")
    added = add_checkins(session, CATALOG, date(2026, 11, 23))
    assert [(r["id"], r["due"]) for r in added] == [("checkin_4m", "2027-03-23")]


def test_checkins_are_added_once_and_never_to_unfinished_sessions():
    session = finished("drop")
    add_checkins(session, CATALOG, date(2026, 11, 23))
    assert add_checkins(session, CATALOG, date(2027, 1, 1)) == []
    assert len(session.reminders) == 2
    open_one = new_session("drop")
    assert add_checkins(open_one, CATALOG, date(2026, 11, 23)) == []


def test_answering_a_checkin_keeps_answers_and_marks_it_done():
    session = finished("drop")
    add_checkins(session, CATALOG, date(2026, 10, 1))
    assert [r["id"] for r in open_checkins(session, date(2026, 11, 23))] == ["checkin_30"]
    record_checkin(session, "checkin_30", {"right_call": "yes", "what_happened": "Calm.\nMore time.",
                                           "extra": ""}, date(2026, 11, 23))
    assert session.answers["checkin_30"] == {"right_call": "yes", "what_happened": "Calm.\nMore time.",
                                             "answered_on": "2026-11-23"}
    assert open_checkins(session, date(2026, 11, 23)) == []
    text = checkin_markdown(session.to_record(), CATALOG)
    assert "## Check-in after 30 days" in text
    assert "**Was it the right call?** Yes" in text
    assert "> Calm.\n> More time." in text


def test_checkin_markdown_is_empty_without_answers():
    assert checkin_markdown(finished("dropped").to_record(), CATALOG) == ""
    assert checkin_markdown({"flow": "other"}, CATALOG) == ""
