"""Locked-folder tests: a cheap scrypt cost (the real one is checked on its own), and no key
carried over from one test to the next, as in separate processes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store import sealing

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
