"""The reminders screen: one list from every session; done, snooze, check-ins, calendar file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
import pytest
from textual.widgets import Input, RadioSet, Static, TextArea

from store import SessionStore, new_session
from tests.conftest import frozen_clock
from tui.screens.checkin import CheckinModal
from tui.screens.export import ExportModal
from tui.screens.reminders import RemindersScreen, SnoozeModal, reminder_rows
from tui.screens.session_view import SessionViewScreen
from tui.widgets.paged_table import PagedTable

SIZE = (100, 30)
TODAY = date(2026, 11, 23)


def seed(store: SessionStore):
    """Three sessions: an overdue call, a reminder due today, a due check-in, one done."""
    acme = new_session("dropped", client="Acme", clock=frozen_clock)
    acme.status = "done"
    acme.reminders = [
        {"id": "dropped.callback", "due": "2026-11-20", "what": "Call Anna back", "done": False},
        {"id": "dropped.old", "due": "2026-11-01", "what": "Send thanks", "done": True},
    ]
    bolt = new_session("drop", client="Bolt", clock=frozen_clock)
    bolt.status = "done"
    bolt.outcome = "part"
    bolt.reminders = [{"id": "checkin_30", "due": "2026-11-23", "what": "Was it right?",
                       "done": False, "kind": "checkin"}]
    cedar = new_session("drop", client="Cedar", clock=frozen_clock)
    cedar.reminders = [{"id": "drop.review", "due": "2026-12-05", "what": "Review the plan",
                        "done": False}]
    for session in (acme, bolt, cedar):
        store.save(session)
    return acme, bolt, cedar


def rows(app) -> list[tuple[str, str]]:
    table = app.screen.query_one("#reminders-table", PagedTable)
    return [(r.state, r.reminder["what"]) for r in table.items]


def test_rows_are_grouped_overdue_today_upcoming_done(store):
    seed(store)
    found = reminder_rows(store.summaries(), TODAY)
    assert [(r.state, r.reminder["what"]) for r in found] == [
        ("overdue", "Call Anna back"), ("today", "Was it right?"),
        ("upcoming", "Review the plan"), ("done", "Send thanks")]


async def test_every_reminder_in_one_list_and_marking_one_done(store, make_app):
    acme, *_ = seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, RemindersScreen)
        assert rows(app)[0] == ("overdue", "Call Anna back")
        counts = str(app.screen.query_one("#reminders-counts").render())
        assert counts == "1 overdue · 1 due today · 1 upcoming · 1 done"
        await pilot.press("space")
        await pilot.pause()
        assert store.get(acme.id).reminders[0]["done"] is True
        assert ("done", "Call Anna back") in rows(app)
        await pilot.press("a")  # hide done
        assert all(state != "done" for state, _ in rows(app))


async def test_snooze_reads_words_like_in_3_days(store, make_app):
    acme, *_ = seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "z")
        assert isinstance(app.screen, SnoozeModal)
        await pilot.press(*"yesterday", "enter")
        assert isinstance(app.screen, SnoozeModal)  # a past day is refused
        app.screen.query_one("#snooze-when", Input).value = ""
        await pilot.press(*"in 3 days")
        assert "26 November 2026" in str(app.screen.query_one("#snooze-echo").render())
        await pilot.press("enter")
        await pilot.pause()
        assert store.get(acme.id).reminders[0]["due"] == "2026-11-26"
        await pilot.press("z", *"next monday", "enter")
        await pilot.pause()
        moved = {r["what"]: r["due"] for r in store.get(acme.id).reminders}
        assert moved["Call Anna back"] in ("2026-11-30", "2026-11-26")


async def test_a_due_checkin_opens_its_questions_and_saves_the_answers(store, make_app):
    _, bolt, _ = seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "down", "enter")
        assert isinstance(app.screen, CheckinModal)
        app.screen.query_one("#checkin-right_call-yes").value = True
        app.screen.query_one("#checkin-what_happened", TextArea).text = "Calmer weeks."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RemindersScreen)
    saved = store.get(bolt.id)
    assert saved.answers["checkin_30"] == {"right_call": "yes", "what_happened": "Calmer weeks.",
                                           "answered_on": "2026-11-23"}
    assert saved.reminders[0]["done"] is True


async def test_open_session_from_a_reminder(store, make_app):
    acme, *_ = seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionViewScreen)
        assert app.screen.session.id == acme.id


async def test_export_reminders_as_an_ics_file(store, make_app, tmp_path: Path):
    seed(store)
    target = tmp_path / "reminders.ics"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "e")
        assert isinstance(app.screen, ExportModal)
        assert "3 open reminders" in str(app.screen.query_one(".modal-lead").render())
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT")) == [
        "Call Anna back (Acme)", "Review the plan (Cedar)", "Was it right? (Bolt)"]


async def test_no_reminders_explains_where_they_come_from(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert "Sessions add them" in str(app.screen.query_one("#reminders-empty").render())
        await pilot.press("space", "z", "enter", "o")
        assert isinstance(app.screen, RemindersScreen)


async def test_checkin_from_the_session_page(store, make_app):
    _, bolt, _ = seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_session_read_only(store.get(bolt.id))
        await pilot.pause()
        assert app.screen.query_one("#view-notice").display
        await pilot.press("c")
        assert isinstance(app.screen, CheckinModal)
        radios = app.screen.query_one("#checkin-right_call", RadioSet)
        assert radios.has_focus
        await pilot.press("down", "enter", "ctrl+s")  # "No", chosen and saved by keyboard
        await pilot.pause()
        assert isinstance(app.screen, SessionViewScreen)
        assert "Check-in after 30 days" in app.screen.query_one("#view-page").source
    assert store.get(bolt.id).answers["checkin_30"]["right_call"] == "no"


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
async def test_every_column_of_reminders_fits_at_80_columns_and_a_cut_one_shows_whole(
        store, make_app, lang):
    long = new_session("drop", client="Padaria Pão Quente Comércio de Alimentos Ltda.",
                       clock=frozen_clock)
    long.reminders = [{"id": "drop.confirm", "due": "2026-09-28", "what": "?", "done": False,
                       "text_key": "drop.reminder_confirm_letter", "text_values": {}}]
    store.save(long)
    seed(store)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        table = app.screen.query_one("#reminders-table", PagedTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        whole = app.screen.query_one("#reminders-whole", Static)
        assert whole.display  # the first row, cut in the list, is shown whole under it
        what = app.catalog.ui("drop.reminder_confirm_letter")
        assert str(whole.render()) == f"{what} · Padaria Pão Quente Comércio de Alimentos Ltda."
        await pilot.press("down")  # "Call Anna back" · Acme fits its row
        await pilot.pause()
        assert not whole.display
