"""The unlock screen: calm, in the user's language; a wrong passphrase says so and changes
nothing; "Remember on this computer" only where a keyring can keep the key."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input, Static

from content import load_catalog
from store import SessionStore, keychain, sealing
from store.conversion import lock_folder
from tests.locked.conftest import restart
from tests.locked.test_sealing import every_byte, filled
from tui.screens.unlock import UnlockApp

SIZE = (80, 24)


def locked(tmp_path):
    filled(tmp_path, 2)
    lock_folder(tmp_path, "right one")
    restart(tmp_path)
    return tmp_path


async def type_and_submit(pilot, text: str) -> None:
    pilot.app.query_one("#unlock-passphrase", Input).value = text
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
async def test_a_wrong_passphrase_is_named_in_the_users_language_and_changes_nothing(
        tmp_path, lang):
    folder = locked(tmp_path)
    before = every_byte(folder)
    catalog = load_catalog(lang)
    app = UnlockApp(folder, catalog, keyring_usable=False)
    async with app.run_test(size=SIZE) as pilot:
        assert catalog.ui("lock.screen_title") in str(
            app.query_one("#unlock-title", Static).render())
        await type_and_submit(pilot, "wrong one")
        message = str(app.query_one("#unlock-message", Static).render())
        assert message == catalog.ui("lock.screen_wrong")
        assert app.query_one("#unlock-passphrase", Input).value == ""
        assert app.is_running
    assert every_byte(folder) == before
    assert sealing.key_for(folder) is None


async def test_the_right_passphrase_opens_the_sessions(tmp_path):
    folder = locked(tmp_path)
    app = UnlockApp(folder, load_catalog("en"), keyring_usable=False)
    async with app.run_test(size=SIZE) as pilot:
        await type_and_submit(pilot, "right one")
    assert app.return_value is True
    with SessionStore.open(folder) as store:
        assert store.count() == 2


async def test_remember_is_not_offered_without_a_keyring(tmp_path):
    app = UnlockApp(locked(tmp_path), load_catalog("en"), keyring_usable=False)
    async with app.run_test(size=SIZE):
        assert not app.query(Checkbox)


class MemoryKeyring:
    """A keyring held in memory, standing in for the system's."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}


@pytest.fixture
def memory_keyring(monkeypatch):
    import keyring
    from keyring.backend import KeyringBackend

    class Backend(KeyringBackend):
        priority = 1
        items: dict = {}

        def get_password(self, service, username):
            return self.items.get((service, username))

        def set_password(self, service, username, password):
            self.items[(service, username)] = password

        def delete_password(self, service, username):
            self.items.pop((service, username), None)

    backend = Backend()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


async def test_remember_keeps_the_key_so_the_next_start_asks_nothing(tmp_path, memory_keyring):
    folder = locked(tmp_path)
    assert keychain.available()
    app = UnlockApp(folder, load_catalog("en"))
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#unlock-remember", Checkbox).value = True
        await type_and_submit(pilot, "right one")
    assert app.return_value is True
    restart(folder)
    assert keychain.recall(folder)
    assert memory_keyring.items and all("right one" not in v for v in memory_keyring.items.values())
    with SessionStore.open(folder) as store:
        assert store.count() == 2


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
def test_snapshot_unlock_screen(snap_compare, tmp_path, lang):
    app = UnlockApp(locked(tmp_path), load_catalog(lang), keyring_usable=True)
    assert snap_compare(app, terminal_size=SIZE)


def test_snapshot_unlock_screen_after_a_wrong_passphrase(snap_compare, tmp_path):
    app = UnlockApp(locked(tmp_path), load_catalog("en"), keyring_usable=False)

    async def wrong(pilot) -> None:
        await type_and_submit(pilot, "nope")

    assert snap_compare(app, terminal_size=SIZE, run_before=wrong)
