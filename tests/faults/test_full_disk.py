"""`parting import` onto a disk that fills up: a real tmpfs of a few hundred kilobytes.

The command says so in its own words (not the app's "kept on screen"), and either every
session of the file is in, or it lists exactly which ones are.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from store import SessionStore, new_session
from store.exchange import dumps_document, export_document
from tests.conftest import frozen_clock
from tests.faults.real import mount_skip_reason, small_disk
from tui.cli import main

pytestmark = pytest.mark.skipif(bool(mount_skip_reason()), reason=mount_skip_reason() or "")

SESSIONS = 60


def big_export(folder: Path, count: int = SESSIONS) -> tuple[Path, list[str]]:
    """An export of `count` sessions of about 6 KB each: far more than the small disk holds."""
    sessions = []
    for n in range(count):
        session = new_session("dropped", client=f"Client {n}", clock=frozen_clock)
        session.id = f"sess-{n:04d}"
        session.answers = {"what_happened": {"what": f"{n} " + "words they said " * 380}}
        sessions.append(session)
    path = folder / "backup.json"
    path.write_bytes(dumps_document(export_document(sessions)))
    return path, [s.id for s in sessions]


def fill(disk: Path) -> Path:
    """Take every free block of `disk`."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def test_an_import_stopped_by_a_full_disk_lists_exactly_what_it_wrote(tmp_path, capsys):
    backup, ids = big_export(tmp_path)
    with small_disk("256k") as disk:
        data = disk / "data"
        SessionStore.open(data).close()
        assert main(["--data-dir", str(data), "import", str(backup)]) == 1
        err = capsys.readouterr().err
        assert "disk is full" in err and "kept on screen" not in err, err
        assert "Traceback" not in err and "stopped part-way" in err
        listed = err.split("sessions were written: ", 1)[1].split(". ", 1)[0].split(", ")
        assert 0 < len(listed) < SESSIONS
        on_disk = sorted(p.name[:-5] for p in (data / "sessions").glob("*.json"))
        assert on_disk == sorted(listed), "every session written is listed, and no other"
        assert not [p for p in (data / "sessions").iterdir() if ".tmp-" in p.name]
        with SessionStore.open(data) as store:  # still full: the store opens and reads
            assert sorted(s.id for s in store.summaries()) == sorted(listed)
            for session_id in listed:
                assert store.get(session_id).client.startswith("Client ")
    assert set(listed) <= set(ids)


def test_an_import_onto_a_disk_with_no_room_at_all_writes_nothing_and_says_so(tmp_path, capsys):
    backup, _ids = big_export(tmp_path, count=3)
    with small_disk("128k") as disk:
        data = disk / "data"
        SessionStore.open(data).close()
        filler = fill(disk)
        assert main(["--data-dir", str(data), "import", str(backup)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("Nothing was imported: the disk is full."), err
        assert list((data / "sessions").iterdir()) == []
        os.unlink(filler)  # room again: the same import now goes through
        assert main(["--data-dir", str(data), "import", str(backup)]) == 0
        assert "3 added" in capsys.readouterr().out


def test_the_full_disk_message_is_the_commands_own_in_russian(tmp_path, capsys):
    backup, _ids = big_export(tmp_path, count=3)
    with small_disk("128k") as disk:
        data = disk / "data"
        SessionStore.open(data).close()
        fill(disk)
        assert main(["--lang", "ru", "--data-dir", str(data), "import", str(backup)]) == 1
        err = capsys.readouterr().err
        assert "Ничего не загружено: диск заполнен." in err and "на экране" not in err
