"""The unlock screen: the app's calm first screen on a locked folder, in the user's language;
a wrong passphrase says so and changes nothing; "Remember on this computer" only where a
keyring can keep the key; once the passphrase is right, home shows the sessions."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input, Static

from content import load_catalog
from store import SessionStore, StoreError, keychain, sealing
from store.conversion import lock_folder
from tests.conftest import frozen_clock
from tests.locked.conftest import restart
from tests.locked.test_sealing import every_byte, filled
from tui.app import PartingApp
from tui.commands import commands_for
from tui.screens.home import HomeScreen
from tui.screens.unlock import UnlockScreen

SIZE = (80, 24)


def locked(tmp_path):
    filled(tmp_path, 2)
    lock_folder(tmp_path, "right one")
    restart(tmp_path)
    return tmp_path


def locked_app(folder, lang: str = "en", *, keyring: bool = False,
               monkeypatch: pytest.MonkeyPatch | None = None) -> PartingApp:
    """The app as `parting` starts it on a locked folder whose key it does not know."""
    if monkeypatch is not None:
        monkeypatch.setattr(keychain, "available", lambda: keyring)
    return PartingApp(data_dir=folder, locked=True, catalog=load_catalog(lang),
                      clock=frozen_clock)


async def type_and_submit(pilot, text: str) -> None:
    pilot.app.screen.query_one("#unlock-passphrase", Input).value = text
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
async def test_a_wrong_passphrase_is_named_in_the_users_language_and_changes_nothing(
        tmp_path, lang, monkeypatch):
    folder = locked(tmp_path)
    before = every_byte(folder)
    catalog = load_catalog(lang)
    app = locked_app(folder, lang, monkeypatch=monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert catalog.ui("lock.screen_title") in str(
            app.screen.query_one("#unlock-title", Static).render())
        await type_and_submit(pilot, "wrong one")
        message = str(app.screen.query_one("#unlock-message", Static).render())
        assert message == catalog.ui("lock.screen_wrong")
        assert app.screen.query_one("#unlock-passphrase", Input).value == ""
        assert isinstance(app.screen, UnlockScreen)
    assert every_byte(folder) == before
    assert sealing.key_for(folder) is None


async def test_the_right_passphrase_opens_home_with_the_sessions(tmp_path, monkeypatch):
    folder = locked(tmp_path)
    app = locked_app(folder, monkeypatch=monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_and_submit(pilot, "right one")
        assert isinstance(app.screen, HomeScreen)
        assert app.store.count() == 2
    assert not app.return_code


async def test_while_locked_the_palette_and_keys_offer_nothing_that_needs_the_sessions(
        tmp_path, monkeypatch):
    app = locked_app(locked(tmp_path), "ru", monkeypatch=monkeypatch)
    catalog = load_catalog("ru")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        offered = {command.title for command in commands_for(app, app.screen)}
        assert catalog.ui("commands.language") in offered
        assert catalog.ui("commands.quit") in offered
        for key in ("dropped", "drop", "history", "reminders", "insights"):
            assert catalog.ui(f"commands.{key}") not in offered
            assert not app.check_action(key, ())


async def test_a_folder_that_unlocks_but_cannot_open_says_why_and_ends(tmp_path, monkeypatch):
    app = locked_app(locked(tmp_path), monkeypatch=monkeypatch)

    def cannot(directory):
        raise StoreError("the folder cannot be used", code="no_data_folder",
                         params={"folder": str(directory), "detail": "Input/output error"})

    monkeypatch.setattr(app, "open_sessions", cannot)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_and_submit(pilot, "right one")
    assert app.return_code == 1


@pytest.mark.parametrize("lang", ["ru", "pt"])
async def test_choosing_another_language_on_the_unlock_screen_asks_again_in_it(
        tmp_path, monkeypatch, lang):
    app = locked_app(locked(tmp_path), "en", monkeypatch=monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.set_language(lang)
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        title = str(app.screen.query_one("#unlock-title", Static).render())
        assert title == load_catalog(lang).ui("lock.screen_title")
        await type_and_submit(pilot, "right one")
        assert isinstance(app.screen, HomeScreen)


async def test_remember_is_not_offered_without_a_keyring(tmp_path, monkeypatch):
    app = locked_app(locked(tmp_path), monkeypatch=monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query(Checkbox)


async def test_remember_keeps_the_key_so_the_next_start_asks_nothing(tmp_path, memory_keyring):
    folder = locked(tmp_path)
    assert keychain.available()
    app = locked_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#unlock-remember", Checkbox).value = True
        await type_and_submit(pilot, "right one")
        assert isinstance(app.screen, HomeScreen)
    restart(folder)
    assert keychain.recall(folder)
    assert memory_keyring.items and all("right one" not in v for v in memory_keyring.items.values())
    with SessionStore.open(folder) as store:
        assert store.count() == 2


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
def test_snapshot_unlock_screen(snap_compare, tmp_path, lang, monkeypatch):
    app = locked_app(locked(tmp_path), lang, keyring=True, monkeypatch=monkeypatch)
    assert snap_compare(app, terminal_size=SIZE)


def test_snapshot_unlock_screen_after_a_wrong_passphrase(snap_compare, tmp_path, monkeypatch):
    app = locked_app(locked(tmp_path), monkeypatch=monkeypatch)

    async def wrong(pilot) -> None:
        await type_and_submit(pilot, "nope")

    assert snap_compare(app, terminal_size=SIZE, run_before=wrong)


async def test_the_report_of_an_unexpected_error_shows_no_local_values(tmp_path, monkeypatch):
    app = locked_app(locked(tmp_path), monkeypatch=monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        try:
            typed = " ".join(["right", "one"])  # noqa: F841 - a local the report must not show
            raise RuntimeError("something unforeseen")
        except RuntimeError:
            app._fatal_error()
        report = "".join(segment.text for renderable in app._exit_renderables
                         for segment in renderable.segments)
    assert "something unforeseen" in report
    assert "right one" not in report


def test_a_conversion_stopped_by_a_full_disk_is_named_not_raised(tmp_path, monkeypatch):
    import errno

    from store import conversion

    folder = locked(tmp_path)
    document = sealing.read_seal_document(folder)
    key = sealing.unlock_with_passphrase(folder, "right one")
    conversion._write_seal(folder, sealing.with_state(document, key, sealing.SEALING))
    restart(folder)
    sealing.unlock_with_passphrase(folder, "right one")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(conversion, "_convert_all", full)
    with pytest.raises(StoreError) as raised:
        SessionStore.open(folder)
    assert raised.value.code == "convert_unfinished"
    assert "No space left" in load_catalog("ru").ui(
        "store.convert_unfinished", **raised.value.params) or raised.value.params["detail"]
