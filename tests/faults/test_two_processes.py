"""The app and the command line on one data folder at the same time: nothing is lost, and
whoever has to wait is told so. (The store's own tests hammer the locks; these go through
the app and the real `parting` command.)"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

from content import load_catalog
from store import SessionStore, new_session
from store.exchange import dumps_document, export_document
from store.locks import FileLock
from tests.conftest import frozen_clock
from tui.app import PartingApp

PARTING = [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]


def export_file(path: Path, count: int) -> Path:
    sessions = []
    for n in range(count):
        session = new_session("dropped", client=f"Imported {n}", clock=frozen_clock)
        session.answers = {"what_happened": {"said": "They moved the budget elsewhere. " * 20}}
        sessions.append(session)
    path.write_bytes(dumps_document(export_document(sessions, clock=frozen_clock)))
    return path


def start_import(data_dir: Path, source: Path) -> subprocess.Popen:
    env = {**os.environ, "PARTING_DATA_DIR": str(data_dir)}
    return subprocess.Popen([*PARTING, "import", str(source)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def read_line(stream, timeout: float) -> str:
    ready, _, _ = select.select([stream], [], [], timeout)
    return stream.readline() if ready else ""


def test_command_that_must_wait_for_the_app_says_so_then_finishes(tmp_path):
    data_dir = tmp_path / "data"
    SessionStore.open(data_dir).close()
    source = export_file(tmp_path / "in.json", 5)
    busy = FileLock(data_dir / "sessions.lock")  # as the app holds it in the middle of a save
    busy.acquire(1)
    try:
        process = start_import(data_dir, source)
        told = read_line(process.stderr, 20)
        assert "waiting" in told, told
        time.sleep(0.3)
    finally:
        busy.close()
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "5 added" in out
    with SessionStore.open(data_dir) as store:
        assert store.count() == 5


async def test_app_saving_while_an_import_runs_loses_nothing_and_says_when_it_waits(tmp_path):
    data_dir = tmp_path / "data"
    source = export_file(tmp_path / "in.json", 2500)
    # A short wait, so a save that meets the import's write fails and the user is told.
    store = SessionStore.open(data_dir, app_instance=True, wait=0.1, clock=frozen_clock)
    app = PartingApp(store=store, catalog=load_catalog("en"), clock=frozen_clock,
                     start="dropped")
    probe = FileLock(data_dir / "sessions.lock")
    typed = ""
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        process = start_import(data_dir, source)
        met = False
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if not met and not probe.try_acquire():
                met = True  # the import is writing right now: save into it
            elif not met:
                probe.release()
            key = "abcdefghij"[len(typed) % 10]
            typed += key
            await pilot.press(key)
            if met:
                await pilot.press("ctrl+s")
            await pilot.pause(0.02)
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        await pilot.press("ctrl+s")
        await pilot.pause()
        session_id = app.screen.session.id
        told = "\n".join(n.message for n in app._notifications)
    probe.close()
    store.close()

    assert met, "the app never met the import's write; make the import larger"
    assert "busy in another parting process" in told
    assert "2500 added" in out
    with SessionStore.open(data_dir) as again:
        assert again.count() == 2501
        assert again.get(session_id).answers["what_happened"]["client"] == typed


def test_two_imports_at_once_both_land_whole(tmp_path):
    data_dir = tmp_path / "data"
    SessionStore.open(data_dir).close()
    first = export_file(tmp_path / "first.json", 400)
    second = export_file(tmp_path / "second.json", 400)
    processes = [start_import(data_dir, first), start_import(data_dir, second)]
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        assert "400 added" in out
    with SessionStore.open(data_dir) as store:
        assert store.count() == 800
        assert len({s.client for s in store.summaries()}) == 400  # each name twice, none lost
