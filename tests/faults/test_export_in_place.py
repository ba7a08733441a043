"""`parting export -o FILE` never destroys what was at FILE: it writes a temporary file
beside it, flushes it to the disk, and only then gives it the name. A path that is not an
ordinary file (a device, a pipe, a folder) is refused, and its mode is left alone.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from store import SessionStore, new_session
from tests.conftest import frozen_clock
from tests.faults.real import mount_skip_reason, small_disk
from tests.faults.test_full_disk import fill
from tui import exports
from tui.cli import main

needs_mount = pytest.mark.skipif(bool(mount_skip_reason()), reason=mount_skip_reason() or "")


def folder_with(data: Path, count: int, words: int = 300) -> None:
    with SessionStore.open(data, clock=frozen_clock) as store:
        for n in range(count):
            session = new_session("dropped", client=f"Client {n}", clock=frozen_clock)
            session.answers = {"what_happened": {"what": f"{n} " + "they said " * words}}
            store.save(session)


@needs_mount
def test_an_export_stopped_by_a_full_disk_leaves_the_earlier_backup_whole(tmp_path, capsys):
    data = tmp_path / "data"
    folder_with(data, 3)
    with small_disk("200k") as disk:
        backup = disk / "backup.json"
        assert main(["--data-dir", str(data), "--lang", "en", "export", "--all",
                     "-o", str(backup)]) == 0
        before = backup.read_bytes()
        folder_with(data, 40)  # now far more than the disk has room for
        fill(disk)
        capsys.readouterr()
        assert main(["--data-dir", str(data), "--lang", "en", "export", "--all",
                     "-o", str(backup)]) == 1
        err = capsys.readouterr().err
        assert "No space left" in err and "already there is left as it was" in err, err
        assert "Traceback" not in err
        assert backup.read_bytes() == before
        assert len(json.loads(before)["sessions"]) == 3
        assert sorted(p.name for p in disk.iterdir()) == ["backup.json", "filler"]


@needs_mount
def test_an_export_to_a_new_file_on_a_full_disk_says_only_that_it_failed(tmp_path, capsys):
    data = tmp_path / "data"
    folder_with(data, 3)
    with small_disk("64k") as disk:
        fill(disk)
        target = disk / "new.json"
        assert main(["--data-dir", str(data), "--lang", "ru", "export", "--all",
                     "-o", str(target)]) == 1
        err = capsys.readouterr().err
        assert "Не удалось записать" in err and "остался как был" not in err, err
        assert not target.exists()
        assert sorted(p.name for p in disk.iterdir()) == ["filler"], "no temporary file left"


def test_an_export_is_flushed_to_the_disk_before_it_takes_the_name(tmp_path, monkeypatch):
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    target = tmp_path / "backup.json"
    target.write_bytes(b"old")
    exports.write_private(target, b"new")
    assert target.read_bytes() == b"new"
    assert calls[:2] == ["fsync", "replace"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_write_that_fails_midway_keeps_the_file_that_was_there(tmp_path, monkeypatch):
    target = tmp_path / "backup.json"
    target.write_bytes(b"the good backup")

    def full(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError):
        exports.write_private(target, b"x" * 100_000)
    monkeypatch.undo()
    assert target.read_bytes() == b"the good backup"
    assert [p.name for p in tmp_path.iterdir()] == ["backup.json"]


def test_an_export_to_a_pipe_or_a_folder_is_refused_and_nothing_is_changed(tmp_path, capsys):
    data = tmp_path / "data"
    folder_with(data, 1, words=3)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o644)
    folder = tmp_path / "folder.json"
    folder.mkdir(mode=0o755)
    for target in (fifo, folder):
        mode = stat.S_IMODE(os.stat(target).st_mode)
        assert main(["--data-dir", str(data), "--lang", "pt", "export", "--all",
                     "-o", str(target)]) == 1
        err = capsys.readouterr().err
        assert "não é um arquivo comum" in err and "Traceback" not in err, err
        assert stat.S_IMODE(os.stat(target).st_mode) == mode
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
def test_an_export_to_a_device_is_refused_and_the_device_keeps_its_mode(tmp_path, capsys):
    data = tmp_path / "data"
    folder_with(data, 1, words=3)
    device = tmp_path / "nulldev"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    os.chmod(device, 0o666)
    assert main(["--data-dir", str(data), "--lang", "en", "export", "--all",
                 "-o", str(device)]) == 1
    err = capsys.readouterr().err
    assert "is not an ordinary file" in err and "Written" not in err, err
    assert stat.S_IMODE(os.stat(device).st_mode) == 0o666
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_an_export_through_a_link_replaces_the_file_it_names_not_the_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    exports.write_private(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
