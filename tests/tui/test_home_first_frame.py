"""Home is drawn once at start, with its lists already in it."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from store import new_session
from tests.conftest import frozen_clock
from tui.screens.home import HomeScreen


async def test_home_lists_are_filled_before_the_screen_is_first_drawn(make_app, store,
                                                                      monkeypatch):
    session = new_session("dropped", client="Acme", clock=frozen_clock)
    session.reminders = [{"id": "r1", "due": "2026-11-20", "what": "Call Anna back",
                          "done": False, "kind": "call_back"}]
    store.save(session)
    at_mount: dict[str, str] = {}
    mounted = HomeScreen.on_mount

    def on_mount(self: HomeScreen) -> None:
        recent = self.query_one("#home-recent", OptionList)
        at_mount["recent"] = str(recent.get_option_at_index(0).prompt)
        at_mount["due"] = str(self.query_one("#home-due", Static).render())
        mounted(self)

    monkeypatch.setattr(HomeScreen, "on_mount", on_mount)
    async with make_app().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert "Acme" in at_mount["recent"]
    assert "Call Anna back" in at_mount["due"]
