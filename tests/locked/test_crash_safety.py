"""A crash at any moment of lock, unlock or a passphrase change leaves a folder that opens
with the right passphrase, finishes converting, and has lost nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store import SessionStore, sealing
from store.conversion import change_passphrase, lock_folder, unlock_folder
from tests.locked.conftest import restart
from tests.locked.test_sealing import filled
from tests.store.test_crash_injection import Crash, Dying


def crash_at(k: int, action, *args) -> bool:
    """Run `action` with the k-th filesystem call failing for good; True if it finished."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        dying = Dying(monkeypatch, k)
        try:
            action(*args)
            return True
        except Crash:
            return False
        finally:
            del dying


def reopened(directory: Path, passphrases: tuple[str, ...]) -> list[str]:
    """Open as a new process would, with whichever passphrase is in force; the clients."""
    restart(directory)
    if sealing.is_locked(directory):
        for passphrase in passphrases:
            try:
                sealing.unlock_with_passphrase(directory, passphrase)
                break
            except sealing.WrongPassphrase:
                continue
        else:
            raise AssertionError("no passphrase opens the folder")
    with SessionStore.open(directory) as store:
        clients = sorted(s.client for s in store.summaries())
        assert store.notices == [], store.notices
        for summary in store.summaries():
            store.get(summary.id)
    # Converting finished on that open: every file is of one kind now.
    locked = sealing.is_locked(directory)
    for path in directory.rglob("*.json*"):
        if path.name not in sealing.PLAIN_NAMES:
            assert sealing.is_sealed(path.read_bytes()) == locked, path
    return clients


@pytest.mark.parametrize("conversion", ["lock", "unlock", "passphrase"])
def test_a_crash_at_each_filesystem_call_of_a_conversion_loses_nothing(tmp_path, conversion):
    expected = None
    k = 1
    while True:
        folder = tmp_path / f"k{k}"
        filled(folder, 2)
        if conversion != "lock":
            lock_folder(folder, "one")
            restart(folder)
        if expected is None:
            with SessionStore.open(folder) if conversion == "lock" else _unlocked(folder) as s:
                expected = sorted(x.client for x in s.summaries())
        action, args = {"lock": (lock_folder, ("one",)),
                        "unlock": (unlock_folder, ("one",)),
                        "passphrase": (change_passphrase, ("one", "two"))}[conversion]
        finished = crash_at(k, action, folder, *args)
        assert reopened(folder, ("one", "two")) == expected, k
        if finished:
            break
        k += 1
    assert k > 5


def _unlocked(folder: Path) -> SessionStore:
    sealing.unlock_with_passphrase(folder, "one")
    store = SessionStore.open(folder)
    return store


def test_a_save_crashed_at_each_call_in_a_locked_folder_keeps_the_old_or_new_state(tmp_path):
    k = 1
    while True:
        folder = tmp_path / f"k{k}"
        ids = filled(folder, 1)
        lock_folder(folder, "pw")
        store = SessionStore.open(folder)
        session = store.get(ids[0])
        session.answers["new"] = "typed just now"
        finished = crash_at(k, store.save, session)
        from tests.store.test_crash_injection import abandon
        abandon(store)
        restart(folder)
        sealing.unlock_with_passphrase(folder, "pw")
        with SessionStore.open(folder) as again:
            answers = again.get(ids[0]).answers
            assert answers.get("new") in (None, "typed just now")
            if finished:
                assert answers["new"] == "typed just now"
        if finished:
            break
        k += 1


# What each command reads from its passphrase descriptor, and whether it starts locked.
KILLED = {"lock": (b"pw\n", False), "unlock": (b"pw\n", True),
          "passphrase": (b"pw\nnew\n", True)}


@pytest.mark.parametrize("command", list(KILLED))
def test_a_command_killed_at_random_moments_always_opens_with_a_passphrase_in_force(
        tmp_path, command):
    """SIGKILL of a real `parting lock`, `unlock` or `passphrase` process, at spread-out
    moments of its work: the folder opens with the old or the new passphrase (or none),
    finishes converting, and holds every session."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    script = ("import sys; from store import sealing; sealing.SCRYPT_N = 2 ** 10; "
              "from tui.cli import main; sys.exit(main(sys.argv[1:]))")
    given, starts_locked = KILLED[command]
    for attempt in range(8):
        folder = tmp_path / f"a{attempt}"
        filled(folder, 20)
        restart(folder)
        with SessionStore.open(folder) as store:
            expected = sorted(s.client for s in store.summaries())
        if starts_locked:
            with pytest.MonkeyPatch.context() as monkeypatch:
                monkeypatch.setattr(sealing, "SCRYPT_N", 2 ** 10)
                lock_folder(folder, "pw")
            restart(folder)
        read, write = os.pipe()
        os.write(write, given)
        os.close(write)
        proc = subprocess.Popen([sys.executable, "-c", script, "--data-dir", str(folder),
                                 command, "--passphrase-fd", str(read)], env=env,
                                pass_fds=(read,), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        os.close(read)
        time.sleep(0.3 + attempt * 0.08)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert reopened(folder, ("pw", "new")) == expected, attempt
