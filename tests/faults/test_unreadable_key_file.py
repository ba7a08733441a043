"""A key file (seal.json) the user may not read, and a data folder parting may not look
into: `export`, `import`, `unlock`, `passphrase`, `lock` and `due` say so in one line and
exit 1; nothing is changed. Run as user 65534 without root's capabilities (tests/faults/real.py).
"""

from __future__ import annotations

import json
import os

import pytest

from store import SessionStore, new_session
from tests.conftest import frozen_clock
from tests.faults.real import Unprivileged


@pytest.fixture
def user():
    person = Unprivileged()
    yield person
    person.cleanup()


@pytest.fixture
def locked(user):
    """A locked folder of two sessions whose seal.json the user may not read."""
    with SessionStore.open(user.data, clock=frozen_clock) as store:
        for name in ("Acme", "Beta"):
            store.save(new_session("drop", client=name, clock=frozen_clock))
    done = user.parting("lock", "--passphrase-fd", "0", input="pw\n")
    assert done.returncode == 0, done.stderr
    os.chmod(user.data / "seal.json", 0)
    return user


def files_and_bytes(user) -> dict[str, bytes]:
    os.chmod(user.data / "seal.json", 0o600)
    try:
        return {str(p): p.read_bytes() for p in sorted(user.data.rglob("*")) if p.is_file()}
    finally:
        os.chmod(user.data / "seal.json", 0)


@pytest.mark.parametrize("command", [["export", "--all"], ["import", "BACKUP"], ["unlock"],
                                     ["passphrase"], ["lock"]])
def test_an_unreadable_key_file_is_named_in_one_line_and_nothing_changes(locked, command):
    backup = locked.base / "backup.json"
    backup.write_text(json.dumps({"format": "parting", "version": 1,
                                  "exported_at": "2025-01-01T00:00:00+00:00", "sessions": []}))
    args = [str(backup) if a == "BACKUP" else a for a in command]
    before = files_and_bytes(locked)
    done = locked.parting(*args, "--passphrase-fd", "0", input="pw\nnew\n")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert "seal.json) cannot be read (EACCES); nothing was changed" in done.stderr
    assert files_and_bytes(locked) == before


def test_due_on_a_folder_parting_may_not_enter_says_so_in_one_line(user):
    closed = user.base / "closed"
    closed.mkdir()
    user.own()
    os.chmod(closed, 0)
    user.data = closed / "data"
    for command in (["due"], ["export", "--all"], ["--lang", "pt", "due"]):
        done = user.parting(*command)
        assert done.returncode == 1 and done.stdout == "", done
        assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
        assert "(EACCES)" in done.stderr and str(closed / "data") in done.stderr
