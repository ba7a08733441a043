"""What the screens of past sessions look like, with a frozen clock and a generated store."""

from __future__ import annotations

from textual.widgets import Input

SIZE = (100, 30)


async def settle(pilot) -> None:
    """Let what was just typed be handled, the answers it made History read in the
    background be read, and their rows be drawn. Waiting for the workers before the
    typing was handled found none started yet, and the picture missed the rows the
    answers add."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_snapshot_history_with_hundreds_of_sessions(snap_compare, filled, make_app):
    assert snap_compare(make_app(start="history"), terminal_size=SIZE)


def test_snapshot_history_small_terminal(snap_compare, filled, make_app):
    assert snap_compare(make_app(start="history"), terminal_size=(60, 20))


def test_snapshot_history_filtered_by_client(snap_compare, filled, make_app):
    async def filter_by_client(pilot) -> None:
        pilot.app.screen.query_one("#history-filter", Input).value = "harbor"
        await settle(pilot)

    assert snap_compare(make_app(start="history"), terminal_size=SIZE,
                        run_before=filter_by_client)


def test_snapshot_history_empty(snap_compare, make_app):
    assert snap_compare(make_app(start="history"), terminal_size=SIZE)


def test_snapshot_session_page(snap_compare, filled, make_app):
    assert snap_compare(make_app(start="history"), terminal_size=SIZE, press=["down", "enter"])


def test_snapshot_confirm_delete(snap_compare, filled, make_app):
    assert snap_compare(make_app(start="history"), terminal_size=SIZE, press=["x"])


def test_snapshot_reminders(snap_compare, filled, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["r"])


def test_snapshot_snooze(snap_compare, filled, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["r", "z", *"in 3 days"])


def test_snapshot_checkin_questions(snap_compare, filled, make_app):
    async def open_checkin(pilot) -> None:
        from content.checkins import open_checkins
        from tui.screens.checkin import CheckinModal

        app = pilot.app
        session = next(s for s in app.store.sessions()
                       if s.flow == "drop" and open_checkins(s, app.today()))
        app.push_screen(CheckinModal(session, str(open_checkins(session, app.today())[0]["id"])))
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_checkin)


def test_snapshot_insights(snap_compare, filled, make_app):
    async def open_insights(pilot) -> None:
        await pilot.press("i")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_insights)


def test_snapshot_insights_scrolled_to_outcomes(snap_compare, filled, make_app):
    async def open_insights(pilot) -> None:
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("end")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_insights)
