"""Every screen in a terminal as small as 20x8 and as large as 250x80: no crash, and a calm
note instead of a broken layout when the window is too small to use."""

from __future__ import annotations

import pytest

from store import new_session
from tests.conftest import frozen_clock
from tui.screens.too_small import TooSmallScreen

SCREENS = ["home", "dropped", "drop", "breathe", "help", "history", "reminders", "insights",
           "session page"]


def finished_session(store) -> str:
    session = new_session("dropped", client="Acme", clock=frozen_clock)
    session.status = "done"
    session.answers = {"what_happened": {"client": "Acme", "said": "Budget cut."}}
    session.reminders = [{"id": "r1", "due": "2026-11-23", "what": "Call back", "done": False,
                          "kind": "call_back"}]
    store.save(session)
    return session.id


async def open_screen(app, pilot, name: str, session_id: str) -> type:
    """Open the named screen; return the class that must be on top afterwards."""
    if name in ("dropped", "drop"):
        app.start_flow(name, "Acme")
    elif name == "breathe":
        session = new_session("dropped", client="Acme", clock=frozen_clock)
        session.step = "breathe"
        app.open_session(session)
    elif name == "help":
        app.action_help()
    elif name == "history":
        app.action_history()
    elif name == "reminders":
        app.action_reminders()
    elif name == "insights":
        app.action_insights()
    elif name == "session page":
        app.open_session_read_only(app.store.get(session_id))
    await pilot.pause()
    return type(app.screen)


def note_shown(app) -> bool:
    return (isinstance(app.screen, TooSmallScreen)
            and "too small" in str(app.screen.query_one("#too-small-note").render()))


@pytest.mark.parametrize("name", SCREENS)
async def test_screen_survives_tiny_and_huge_terminals(make_app, store, name):
    session_id = finished_session(store)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        expected = await open_screen(app, pilot, name, session_id)

        await pilot.resize_terminal(20, 8)
        await pilot.pause()
        assert app.is_running and note_shown(app)

        await pilot.resize_terminal(250, 80)
        await pilot.pause()
        assert app.is_running and type(app.screen) is expected

        await pilot.resize_terminal(40, 12)  # the smallest size that is still usable
        await pilot.pause()
        assert app.is_running and type(app.screen) is expected


@pytest.mark.parametrize("start", ["home", "dropped"])
async def test_starting_in_a_tiny_terminal_shows_the_note_then_the_app(make_app, store, start):
    app = make_app(start=start)
    async with app.run_test(size=(20, 8)) as pilot:
        await pilot.pause()
        assert note_shown(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
