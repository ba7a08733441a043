"""A command that opens the folder while `parting lock` or `unlock` converts it waits, then
reads the files in their new form: nothing is set aside as damaged.

The conversion is played here under the folder's write lock, as `lock` and `unlock` hold
it, while a real `parting due` or `parting export` in another process waits for that lock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from store import SessionStore, sealing
from store.conversion import _finish_held, _write_seal, lock_folder
from store.locks import FileLock
from tests.locked.conftest import FAST_N, restart
from tests.locked.test_sealing import filled

ROOT = Path(__file__).resolve().parents[2]


def parting(folder: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = (f"import sys; from store import sealing; sealing.SCRYPT_N = {FAST_N}; "
            "from tui.cli import main; sys.exit(main())")
    return subprocess.Popen([sys.executable, "-c", code, "--data-dir", str(folder),
                             "--lang", "en", *args], env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def waiting_for(process: subprocess.Popen) -> str:
    """Wait until `process` says it is waiting for the folder's lock; that line."""
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(process.stderr.readline()),
                              daemon=True)
    reader.start()
    reader.join(30)
    assert line and "waiting" in line[0], (line, process.poll())
    return line[0]


def set_aside(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if ".corrupt-" in p.name)


def test_due_while_the_folder_is_being_locked_sets_nothing_aside(tmp_path):
    filled(tmp_path, 5)
    lock = FileLock(tmp_path / "sessions.lock")
    with lock.held(5):
        due = parting(tmp_path, "due")
        waiting_for(due)
        key = os.urandom(sealing.KEY_BYTES)
        _write_seal(tmp_path, sealing.new_seal_document("pw", key, sealing.SEALING))
        sealing.remember_key(tmp_path, key, sealing.SEALING)
        _finish_held(tmp_path)
    out, err = due.communicate(timeout=30)
    assert due.returncode == 0, err
    assert "locked" in out + err
    assert set_aside(tmp_path) == []
    restart(tmp_path)
    sealing.unlock_with_passphrase(tmp_path, "pw")
    with SessionStore.open(tmp_path) as store:
        assert store.count() == 5
        assert not [n for n in store.notices if n.kind == "damaged"]


def test_export_while_the_folder_is_being_unlocked_writes_every_session(tmp_path):
    filled(tmp_path, 5)
    lock_folder(tmp_path, "pw")
    out_file = tmp_path.parent / f"{tmp_path.name}-backup.json"
    lock = FileLock(tmp_path / "sessions.lock")
    with lock.held(5):
        export = parting(tmp_path, "export", "--all", "--passphrase-fd", "0", "-o",
                         str(out_file))
        export.stdin.write("pw\n")
        export.stdin.close()
        waiting_for(export)
        key = sealing.unlock_with_passphrase(tmp_path, "pw")
        document = sealing.read_seal_document(tmp_path)
        _write_seal(tmp_path, sealing.with_state(document, key, sealing.UNSEALING))
        sealing.remember_key(tmp_path, key, sealing.UNSEALING)
        _finish_held(tmp_path)
    export.stdin = None  # closed above, once the passphrase was given
    out, err = export.communicate(timeout=30)
    assert export.returncode == 0, err
    assert set_aside(tmp_path) == []
    assert len(json.loads(out_file.read_text())["sessions"]) == 5
