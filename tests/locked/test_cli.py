"""`parting lock/unlock/passphrase`, and `due`, `export`, `import` on a locked folder."""

from __future__ import annotations

import os

import orjson

from store import SessionStore, sealing
from tests.locked.conftest import restart
from tests.locked.test_sealing import WORD, every_byte, filled
from tui.cli import main


def fd_with(text: str) -> int:
    read, write = os.pipe()
    os.write(write, text.encode())
    os.close(write)
    return read


def run(tmp_path, *args: str) -> int:
    restart(tmp_path)
    return main(["--data-dir", str(tmp_path), "--lang", "en", *args])


def test_lock_then_unlock_through_the_commands(tmp_path, capsys):
    filled(tmp_path)
    assert run(tmp_path, "lock", "--passphrase-fd", str(fd_with("pw\n"))) == 0
    assert "locked now" in capsys.readouterr().out
    assert all(WORD.encode() not in data for _p, data in every_byte(tmp_path))
    assert run(tmp_path, "unlock", "--passphrase-fd", str(fd_with("nope\n"))) == 1
    assert "does not open" in capsys.readouterr().err
    assert run(tmp_path, "passphrase", "--passphrase-fd", str(fd_with("pw\nnew\n"))) == 0
    assert run(tmp_path, "unlock", "--passphrase-fd", str(fd_with("new\n"))) == 0
    assert not sealing.is_locked(tmp_path)


def test_due_without_a_terminal_prints_one_line_and_succeeds(tmp_path, capsys):
    filled(tmp_path)
    assert run(tmp_path, "lock", "--passphrase-fd", str(fd_with("pw\n"))) == 0
    capsys.readouterr()
    assert run(tmp_path, "due") == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "locked" in out


def test_export_from_a_locked_folder_is_plain_and_says_so(tmp_path, capsys):
    filled(tmp_path)
    run(tmp_path, "lock", "--passphrase-fd", str(fd_with("pw\n")))
    target = tmp_path.parent / "out.json"
    capsys.readouterr()
    assert run(tmp_path, "export", "--all", "-o", str(target),
               "--passphrase-fd", str(fd_with("pw\n"))) == 0
    assert "plain text" in capsys.readouterr().err
    assert WORD in target.read_text()


def test_import_reads_a_plain_backup_into_a_locked_folder(tmp_path, capsys):
    source = tmp_path / "plain"
    filled(source)
    backup = tmp_path / "backup.json"
    assert run(source, "export", "--all", "-o", str(backup)) == 0
    target = tmp_path / "locked"
    run(target, "lock", "--passphrase-fd", str(fd_with("pw\n")))
    assert run(target, "import", str(backup), "--passphrase-fd", str(fd_with("pw\n"))) == 0
    assert "3 added" in capsys.readouterr().out
    assert all(WORD.encode() not in data for _p, data in every_byte(target))
    restart(target)
    sealing.unlock_with_passphrase(target, "pw")
    with SessionStore.open(target) as store:
        assert store.count() == 3
    assert len(orjson.loads(backup.read_bytes())["sessions"]) == 3
