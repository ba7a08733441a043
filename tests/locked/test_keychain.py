"""A remembered key is read from the keyring backend that took it, by name, without letting
`keyring` load every backend it knows; an empty or unusable mark falls back to that choice."""

from __future__ import annotations

import keyring
import pytest

from store import keychain
from tests.locked.conftest import restart
from tests.locked.memory_backend import MemoryKeyring
from tests.locked.test_unlock_screen import locked

NAME = "tests.locked.memory_backend.MemoryKeyring"


def remembered_folder(tmp_path):
    folder = locked(tmp_path)
    assert keychain.recall(folder) is False  # not remembered yet
    from store import sealing

    sealing.unlock_with_passphrase(folder, "right one")
    assert keychain.remember(folder)
    restart(folder)
    return folder


def no_backend_search(monkeypatch) -> None:
    """From here on, keyring's choice of a backend fails the test if it is asked for."""
    def searched() -> None:
        raise AssertionError("keyring was asked to choose a backend")

    monkeypatch.setattr(keyring, "get_keyring", searched)
    monkeypatch.setattr(keyring.core, "get_keyring", searched)


def test_remember_names_the_backend_that_took_the_key_and_nothing_secret(tmp_path,
                                                                        memory_keyring):
    folder = remembered_folder(tmp_path)
    assert (folder / keychain.MARK).read_text() == NAME
    assert memory_keyring.items  # the key went to the backend, not to the mark


def test_a_remembered_key_is_read_from_its_backend_without_a_search_of_every_backend(
        tmp_path, memory_keyring, monkeypatch):
    folder = remembered_folder(tmp_path)
    no_backend_search(monkeypatch)
    assert keychain.recall(folder)


@pytest.mark.parametrize("mark", ["", "no.such.module.Keyring", "os.path.join",
                                  "keyring.backends.fail.Keyring", "../../evil"])
def test_an_empty_or_unusable_mark_falls_back_to_keyrings_own_choice(tmp_path, memory_keyring,
                                                                      mark):
    folder = remembered_folder(tmp_path)
    (folder / keychain.MARK).write_text(mark)
    assert keychain.recall(folder)


def test_a_key_missing_from_the_named_backend_is_looked_for_in_keyrings_choice(
        tmp_path, memory_keyring):
    folder = remembered_folder(tmp_path)
    key = dict(memory_keyring.items)
    memory_keyring.items.clear()

    class Other(MemoryKeyring):
        items = key

    keyring.set_keyring(Other())
    assert keychain.recall(folder)
