"""A data folder on a read-only disk (a read-only bind mount, as a backup disk would be).

Commands that only read work and create nothing; commands that write say in one line why
they cannot; the app opens and shows the sessions.
"""

from __future__ import annotations

import json

import pytest

from store import SessionStore, new_session
from tests.conftest import frozen_clock
from tests.faults.real import mount_skip_reason, read_only_view
from tui.cli import main

pytestmark = pytest.mark.skipif(bool(mount_skip_reason()), reason=mount_skip_reason() or "")


@pytest.fixture
def folder(tmp_path):
    """A data folder with two sessions, one with an overdue reminder; no lock files in it."""
    data = tmp_path / "data"
    with SessionStore.open(data, clock=frozen_clock) as store:
        session = new_session("dropped", client="Acme", clock=frozen_clock)
        session.reminders = [{"id": "r", "due": "2025-01-02", "what": "send the invoice"}]
        store.save(session)
        store.save(new_session("drop", client="Beta", clock=frozen_clock))
    for lock in ("sessions.lock", "app.lock"):
        (data / lock).unlink(missing_ok=True)
    with read_only_view(data) as view:
        yield view


def test_due_and_export_work_on_a_read_only_folder_and_create_no_lock(folder, capsys):
    before = sorted(p.name for p in folder.rglob("*"))
    assert main(["--data-dir", str(folder), "due"]) == 0
    out = capsys.readouterr()
    assert "send the invoice" in out.out and out.err == ""
    assert main(["--data-dir", str(folder), "export", "--all"]) == 0
    assert len(json.loads(capsys.readouterr().out)["sessions"]) == 2
    assert main(["--data-dir", str(folder), "export", "--all", "--format", "ics"]) == 0
    assert "send the invoice" in capsys.readouterr().out
    assert sorted(p.name for p in folder.rglob("*")) == before, "nothing created"


def test_a_lock_left_on_the_read_only_folder_does_not_stop_a_reading_command(tmp_path, capsys):
    data = tmp_path / "data"
    with SessionStore.open(data, clock=frozen_clock) as store:
        store.save(new_session("drop", client="Beta", clock=frozen_clock))
    assert (data / "sessions.lock").exists()
    with read_only_view(data) as view:
        assert main(["--data-dir", str(view), "export", "--all"]) == 0
        assert len(json.loads(capsys.readouterr().out)["sessions"]) == 1


def test_import_into_a_read_only_folder_says_why_in_one_line(folder, tmp_path, capsys):
    backup = tmp_path / "backup.json"
    assert main(["--data-dir", str(folder), "export", "--all", "-o", str(backup)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "import", str(backup)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "Nothing was imported" in err and "EROFS" in err and "Traceback" not in err


def test_import_into_a_read_only_folder_is_refused_in_russian_too(folder, tmp_path, capsys):
    backup = tmp_path / "backup.json"
    main(["--data-dir", str(folder), "export", "--all", "-o", str(backup)])
    capsys.readouterr()
    assert main(["--lang", "ru", "--data-dir", str(folder), "import", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "ничего не загружено" in err and len(err.strip().splitlines()) == 1


async def test_the_app_opens_a_read_only_folder_and_shows_the_sessions(folder):
    from textual.widgets import OptionList

    from content import load_catalog
    from tui.app import PartingApp

    store = SessionStore.open(folder, app_instance=True, clock=frozen_clock)
    assert store.read_only
    app = PartingApp(store=store, catalog=load_catalog("en"), clock=frozen_clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            lists = " ".join(str(o.prompt) for w in app.screen.query(OptionList)
                             for o in w._options)
            assert "Acme" in lists and "Beta" in lists
            assert "cannot write in its data folder" in " ".join(
                str(n.message) for n in app._notifications)
    finally:
        store.close()
