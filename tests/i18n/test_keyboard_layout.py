"""With the Russian keyboard layout on, the letter keys still do what the footer says."""

from __future__ import annotations

from textual.widgets import Footer

from tui.i18n import KEYBOARD_TWINS


def test_every_latin_letter_has_one_russian_twin():
    twins = KEYBOARD_TWINS["ru"]
    assert len(twins) == 26 and len(set(twins.values())) == 26


async def test_russian_letter_on_the_key_marked_h_opens_history(make_app):
    app = make_app(lang="ru")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("р")
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "HistoryScreen"


async def test_russian_letter_on_the_key_marked_d_starts_i_was_dropped(make_app):
    app = make_app(lang="ru")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("в")
        await pilot.pause(0.2)
        assert getattr(app.screen, "flow", None) is not None and app.screen.flow.name == "dropped"


async def test_footer_still_shows_the_latin_keys(make_app):
    app = make_app(lang="ru")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        keys = {key.key for key in app.screen.query_one(Footer).query("FooterKey")}
        assert {"d", "s", "h"} <= keys
        assert not keys & set(KEYBOARD_TWINS["ru"].values())


async def test_english_gets_no_extra_keys(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "р" not in {key for key, _ in app.screen._bindings}
