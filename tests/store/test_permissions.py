"""Whatever the umask, nobody but the user can read what parting keeps."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from store import SessionStore
from store.settings import Settings, save_settings
from tests.store.conftest import sample


def test_every_folder_is_0700_and_every_file_0600_under_umask_000(tmp_path: Path) -> None:
    data_dir = tmp_path / "deep" / "data"
    old_umask = os.umask(0)
    try:
        with SessionStore.open(data_dir, app_instance=True) as store:
            session = sample()
            store.save(session)
            session.status = "done"
            store.save(session)  # leaves .bak copies of the session and the index
            store.import_sessions([sample(client="Imported")])
            (data_dir / "sessions" / f"{session.id}.json").write_bytes(b"")  # damaged later
        save_settings(data_dir, Settings(theme="nord"))
        save_settings(data_dir, Settings(theme="dracula"))
        (data_dir / "index.json").unlink()
        with SessionStore.open(data_dir) as store:
            assert store.notices  # the damaged file was set aside
    finally:
        os.umask(old_umask)
    folders = [data_dir, *[p for p in data_dir.rglob("*") if p.is_dir()]]
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in folders} == {
        p.name: 0o700 for p in folders}
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in files} == {
        p.name: 0o600 for p in files}
    names = {p.name for p in files}
    assert {"index.json", "app.lock", "sessions.lock", "settings.json",
            "settings.json.bak"} <= names
    assert any(".corrupt-" in n for n in names) and any(n.endswith(".json.bak") for n in names)


def test_existing_open_folder_is_made_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    SessionStore.open(data_dir).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
