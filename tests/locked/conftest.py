"""Locked-folder tests: a cheap scrypt cost (the real one is checked on its own), and no key
carried over from one test to the next, as in separate processes."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from store import sealing
from tests.locked.memory_backend import MemoryKeyring

FAST_N = 2 ** 10


@pytest.fixture(autouse=True)
def fast_scrypt_and_fresh_keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(sealing, "SCRYPT_N", FAST_N)
    sealing._keys.clear()
    sealing.forget_folder_state()
    yield
    sealing._keys.clear()
    sealing.forget_folder_state()


def restart(directory) -> None:
    """Forget every key, as a new process would."""
    sealing._keys.clear()
    sealing.forget_folder_state()


def watch_temp_files(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The bytes of every temporary file a save renames into place, from now on."""
    seen: list[bytes] = []
    real_replace = os.replace

    def watching(src, dst, *args, **kwargs):
        with open(src, "rb") as handle:
            seen.append(handle.read())
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", watching)
    return seen


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """keyring's backend is a MemoryKeyring, empty, for this test."""
    import keyring

    MemoryKeyring.items.clear()
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
    MemoryKeyring.items.clear()
