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


async def test_home_is_the_only_screen_built_before_the_first_frame(make_app, monkeypatch):
    """Textual's own empty first screen is not built and laid out under home."""
    from textual.screen import Screen

    composed: list[str] = []
    compose = Screen._compose

    async def counting(self: Screen) -> None:
        composed.append(type(self).__name__)
        await compose(self)

    monkeypatch.setattr(Screen, "_compose", counting)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen_stack == [app.screen] and isinstance(app.screen, HomeScreen)
    assert composed == ["HomeScreen"]


async def test_a_footer_redrawn_on_a_shown_screen_restyles_no_key_afterwards(make_app):
    """Each key gets the footer's style before it is mounted, so none is restyled."""
    from textual.widgets._footer import FooterKey

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        restyled: list[str] = []
        update_styles = app.update_styles

        def counting(node=None, **kwargs) -> None:
            if isinstance(node, FooterKey):
                restyled.append(node.key)
            update_styles(node, **kwargs)

        app.update_styles = counting
        await pilot.press("h")  # History: its footer is drawn again once its keys are known
        await pilot.pause()
        await pilot.pause()
        keys = app.screen.query(FooterKey)
        assert keys and not any(key.has_class("-compact") for key in keys)
    assert restyled == []


async def test_home_made_larger_after_a_too_small_window_shows_its_top_again(make_app, store):
    from textual.containers import VerticalScroll

    for n in range(12):  # enough sessions and reminders for home to scroll at 100x30
        session = new_session("dropped", client=f"Client {n}", clock=frozen_clock)
        session.reminders = [{"id": "r1", "due": "2026-11-20", "what": f"Call {n} back",
                              "done": False, "kind": "call_back"}]
        store.save(session)
    app = make_app()
    async with app.run_test(size=(36, 10)) as pilot:
        await pilot.pause()
        body = app.screen_stack[0].query_one("#home-body", VerticalScroll)
        body.scroll_to(y=6, animate=False)  # where the flows kept in view had left it
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # the too-small note is lifted
        assert body.scroll_y == 0


async def test_home_footer_has_its_keys_before_the_screen_is_first_drawn(make_app,
                                                                         monkeypatch):
    """A browser tab that opens in the background (the app not focused) still shows them."""
    from textual.widgets._footer import FooterKey

    at_mount: list[str] = []
    mounted = HomeScreen.on_mount

    def on_mount(self: HomeScreen) -> None:
        at_mount.extend(str(key.description) for key in self.query(FooterKey))
        mounted(self)

    monkeypatch.setattr(HomeScreen, "on_mount", on_mount)
    app = make_app()
    app.set_reactive(type(app).app_focus, False)  # a tab opened in the background
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.app_focus
    assert "History" in at_mount and "Help" in at_mount
