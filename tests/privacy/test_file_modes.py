"""The data folder is 0700 and every file in it 0600, whatever the umask, end to end: the
app saving a session, the command line importing and exporting, settings, backups."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from content import load_catalog
from store import SessionStore
from tests.conftest import frozen_clock
from tests.privacy.walk import walk_flow
from tui.app import PartingApp

PARTING = [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]


def modes(folder: Path) -> dict[str, str]:
    """Every entry under `folder` (and the folder) with its permission bits, in octal."""
    found = {".": oct(stat.S_IMODE(folder.stat().st_mode))}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def assert_private(folder: Path) -> None:
    wrong = {name: mode for name, mode in modes(folder).items()
             if mode != ("0o700" if (folder / name).is_dir() else "0o600")}
    assert wrong == {}, f"not private: {wrong}"


def run_cli(args: list[str], umask: int, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([*PARTING, *args], env=env, capture_output=True, text=True,
                          preexec_fn=lambda: os.umask(umask), check=True, timeout=60)


@pytest.mark.parametrize("umask", [0o000, 0o022])
async def test_everything_parting_writes_is_private_whatever_the_umask(tmp_path, umask):
    data_dir = tmp_path / "data"
    env = {**os.environ, "PARTING_DATA_DIR": str(data_dir)}
    previous = os.umask(umask)
    try:
        store = SessionStore.open(data_dir, app_instance=True, clock=frozen_clock)
        app = PartingApp(store=store, catalog=load_catalog("en"), clock=frozen_clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("d")
            await pilot.pause()
            # A few steps save several times: session files, their backups, the index.
            await walk_flow(app, pilot, steps=3)
            app.theme = "textual-light" if app.theme != "textual-light" else "nord"  # settings
            await pilot.pause()
        store.close()
    finally:
        os.umask(previous)

    export = tmp_path / "backup.json"
    run_cli(["export", "--all", "-o", str(export)], umask, env)
    run_cli(["import", str(export)], umask, env)
    run_cli(["--lang", "pt", "due"], umask, env)  # remembers the language: settings again
    markdown = tmp_path / "md"
    run_cli(["export", "--all", "--format", "md", "-o", str(markdown)], umask, env)

    assert (data_dir / "sessions").is_dir() and list((data_dir / "sessions").iterdir())
    assert_private(data_dir)
    assert oct(stat.S_IMODE(export.stat().st_mode)) == "0o600"
    for page in markdown.rglob("*.md"):
        assert oct(stat.S_IMODE(page.stat().st_mode)) == "0o600", page


def test_a_data_folder_left_open_to_others_is_closed_again(tmp_path):
    data_dir = tmp_path / "data"
    (data_dir / "sessions").mkdir(parents=True)
    os.chmod(data_dir, 0o777)
    os.chmod(data_dir / "sessions", 0o755)
    env = {**os.environ, "PARTING_DATA_DIR": str(data_dir)}
    run_cli(["due"], 0o000, env)
    assert modes(data_dir)["."] == "0o700"
    assert modes(data_dir)["sessions"] == "0o700"
