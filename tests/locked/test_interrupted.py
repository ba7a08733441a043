"""`parting lock`, `unlock` and `passphrase` stopped by the disk (full, read-only) or by a
file parting may not read: one line saying where the folder was left and how to finish,
exit 1, nothing lost; and `lock` never says "already locked" while locking is unfinished.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import orjson
import pytest

from store import SessionStore, new_session, sealing
from store.sealing import SEAL_FILE
from tests.conftest import frozen_clock
from tests.faults.real import Unprivileged, mount_skip_reason, read_only_view, small_disk
from tests.locked.conftest import restart
from tests.locked.test_cli import fd_with
from tui.cli import main

needs_mount = pytest.mark.skipif(bool(mount_skip_reason()), reason=mount_skip_reason() or "")


def run(directory: Path, *args: str, lang: str = "en") -> int:
    restart(directory)
    return main(["--data-dir", str(directory), "--lang", lang, *args])


def with_sessions(data: Path, count: int) -> list[str]:
    """`count` sessions of about 6 KB each (two pages of a tmpfs)."""
    ids = []
    with SessionStore.open(data, clock=frozen_clock) as store:
        for n in range(count):
            session = new_session("dropped", client=f"Client {n}", clock=frozen_clock)
            session.answers = {"what_happened": {"what": f"{n} " + "words they said " * 380}}
            store.save(session)
            ids.append(session.id)
    return ids


def leave_free(disk: Path, pages: int) -> Path:
    """Take all but `pages` pages of the disk."""
    filler = disk / "filler"
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with open(filler, "wb") as handle:
        handle.write(b"\0" * max(0, free - pages * 4096))
    return filler


def plain_files(data: Path) -> list[str]:
    return sorted(p.name for p in (data / "sessions").glob("*.json")
                  if not p.read_bytes().startswith(sealing.MAGIC))


def sealed_files(data: Path) -> list[str]:
    return sorted(p.name for p in (data / "sessions").glob("*.json")
                  if p.read_bytes().startswith(sealing.MAGIC))


@needs_mount
def test_a_lock_stopped_by_a_full_disk_says_so_and_lock_again_finishes_it(capsys):
    with small_disk("256k") as disk:
        data = disk / "data"
        ids = with_sessions(data, 8)
        filler = leave_free(disk, 2)
        assert run(data, "lock", "--passphrase-fd", str(fd_with("pw\n"))) == 1
        err = capsys.readouterr().err
        assert "Locking stopped part-way: the disk is full." in err, err
        assert "parting lock" in err and "Traceback" not in err
        assert (data / SEAL_FILE).exists() and plain_files(data)

        # Still full: the second run says the same, never "already locked".
        assert run(data, "lock", "--passphrase-fd", str(fd_with("pw\n"))) == 1
        err = capsys.readouterr().err
        assert "already locked" not in err and "stopped part-way" in err, err

        filler.unlink()
        assert run(data, "lock", "--passphrase-fd", str(fd_with("pw\n"))) == 0
        assert "locked now" in capsys.readouterr().out
        assert plain_files(data) == []
        assert run(data, "lock", "--passphrase-fd", str(fd_with("pw\n"))) == 1
        assert "already locked" in capsys.readouterr().err

        out = disk / "back.json"
        assert run(data, "export", "--all", "-o", str(out),
                   "--passphrase-fd", str(fd_with("pw\n"))) == 0
        assert sorted(s["id"] for s in orjson.loads(out.read_bytes())["sessions"]) == sorted(ids)


@needs_mount
def test_a_lock_with_no_room_for_its_key_file_locks_nothing_and_says_so(capsys):
    with small_disk("128k") as disk:
        data = disk / "data"
        with_sessions(data, 2)
        leave_free(disk, 0)
        assert run(data, "lock", "--passphrase-fd", str(fd_with("pw\n")), lang="ru") == 1
        err = capsys.readouterr().err
        assert "Ничего не зашифровано: диск заполнен." in err, err
        assert not (data / SEAL_FILE).exists() and len(plain_files(data)) == 2


def test_lock_on_a_folder_left_unlocking_points_to_unlock_instead(tmp_path, capsys, monkeypatch):
    with_sessions(tmp_path, 2)
    assert run(tmp_path, "lock", "--passphrase-fd", str(fd_with("pw\n"))) == 0
    from store import conversion

    real = conversion._convert_file

    def stops(path, key, to_sealed):
        if path.suffix == ".json" and path.parent.name == "sessions":
            raise OSError(errno.EIO, "Input/output error", str(path))
        return real(path, key, to_sealed)

    monkeypatch.setattr(conversion, "_convert_file", stops)
    assert run(tmp_path, "unlock", "--passphrase-fd", str(fd_with("pw\n"))) == 1
    err = capsys.readouterr().err
    assert "Unlocking stopped part-way: the disk reported an error (EIO)." in err, err
    monkeypatch.undo()
    assert run(tmp_path, "lock", "--passphrase-fd", str(fd_with("pw\n"))) == 1
    err = capsys.readouterr().err
    assert "already locked" not in err and "parting unlock" in err, err
    assert run(tmp_path, "unlock", "--passphrase-fd", str(fd_with("pw\n"))) == 0
    assert not (tmp_path / SEAL_FILE).exists() and sealed_files(tmp_path) == []


def files_and_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@needs_mount
def test_lock_unlock_and_passphrase_on_a_read_only_folder_say_nothing_changed(tmp_path, capsys):
    data = tmp_path / "data"
    with_sessions(data, 2)
    with read_only_view(data) as view:
        before = files_and_bytes(data)
        assert run(view, "lock", "--passphrase-fd", str(fd_with("pw\n"))) == 1
        err = capsys.readouterr().err
        assert "Nothing was locked: the data folder is on a read-only disk." in err, err
        assert files_and_bytes(data) == before
    assert run(data, "lock", "--passphrase-fd", str(fd_with("pw\n"))) == 0
    with read_only_view(data) as view:
        before = files_and_bytes(data)
        assert run(view, "unlock", "--passphrase-fd", str(fd_with("pw\n")), lang="pt") == 1
        err = capsys.readouterr().err
        assert "Nada foi destrancado: a pasta de dados está em um disco somente leitura." in err
        assert run(view, "passphrase", "--passphrase-fd", str(fd_with("pw\nnew\n"))) == 1
        err = capsys.readouterr().err
        assert "The passphrase was not changed: the data folder is on a read-only disk." in err
        assert "Traceback" not in err
        assert files_and_bytes(data) == before
    assert run(data, "unlock", "--passphrase-fd", str(fd_with("pw\n"))) == 0


@pytest.fixture
def user():
    person = Unprivileged()
    yield person
    person.cleanup()


def test_lock_and_unlock_stopped_by_an_unreadable_session_say_which_file(user):
    ids = with_sessions(user.data, 4)
    blocked = user.data / "sessions" / f"{ids[2]}.json"
    user.own()
    os.chmod(blocked, 0)
    done = user.parting("lock", "--passphrase-fd", "0", input="pw\n")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "Locking stopped part-way" in done.stderr and f"{ids[2]}.json (EACCES)" in done.stderr
    again = user.parting("lock", "--passphrase-fd", "0", input="pw\n")
    assert again.returncode == 1 and "already locked" not in again.stderr, again.stderr
    assert "stopped part-way" in again.stderr
    os.chmod(blocked, 0o600)
    finished = user.parting("lock", "--passphrase-fd", "0", input="pw\n")
    assert finished.returncode == 0, finished.stderr
    assert plain_files(user.data) == []

    os.chmod(blocked, 0)
    stopped = user.parting("unlock", "--passphrase-fd", "0", input="pw\n")
    assert stopped.returncode == 1 and "Traceback" not in stopped.stderr, stopped.stderr
    assert "Unlocking stopped part-way" in stopped.stderr
    os.chmod(blocked, 0o600)
    assert user.parting("unlock", "--passphrase-fd", "0", input="pw\n").returncode == 0
    assert not (user.data / SEAL_FILE).exists() and sealed_files(user.data) == []


# -- the passphrase from a descriptor ---------------------------------------------------------

def test_a_descriptor_that_is_not_open_gives_one_line_and_changes_nothing(tmp_path, capsys):
    with_sessions(tmp_path, 1)
    closed = os.open(os.devnull, os.O_RDONLY)
    os.close(closed)
    for fd in (str(closed), "-1"):
        assert run(tmp_path, "lock", "--passphrase-fd", fd) == 1
        err = capsys.readouterr().err
        assert "could not be read from file descriptor" in err and "(EBADF)" in err, err
    assert not (tmp_path / SEAL_FILE).exists()


def test_a_descriptor_on_a_folder_gives_one_line(tmp_path, capsys):
    with_sessions(tmp_path, 1)
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        assert run(tmp_path, "lock", "--passphrase-fd", str(fd), lang="ru") == 1
    finally:
        os.close(fd)
    err = capsys.readouterr().err
    assert "Не удалось прочитать пароль" in err and "(EISDIR)" in err, err


def test_bytes_that_are_not_utf8_are_refused_as_a_passphrase(tmp_path, capsys):
    with_sessions(tmp_path, 1)
    read, write = os.pipe()
    os.write(write, b"\xff\xfe\n")
    os.close(write)
    assert run(tmp_path, "lock", "--passphrase-fd", str(read)) == 1
    assert "not UTF-8 text" in capsys.readouterr().err
    assert not (tmp_path / SEAL_FILE).exists()


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x85"])
def test_a_passphrase_is_cut_only_at_a_newline(tmp_path, capsys, separator):
    with_sessions(tmp_path, 1)
    whole = f"pass{separator}word"
    assert run(tmp_path, "lock", "--passphrase-fd", str(fd_with(whole + "\r\n"))) == 0
    assert run(tmp_path, "unlock", "--passphrase-fd", str(fd_with("pass\n"))) == 1
    assert "does not open" in capsys.readouterr().err
    restart(tmp_path)
    sealing.unlock_with_passphrase(tmp_path, whole)  # the whole of it, without the \r
    assert run(tmp_path, "unlock", "--passphrase-fd", str(fd_with(whole + "\n"))) == 0
