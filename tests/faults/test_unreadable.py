"""Files that are there but cannot be read: a session file, the index, the journal.

A file parting may not read is not an absent file. The permission cases run `parting` as
an ordinary user (user 65534, see `tests.faults.real`); a folder in a file's place and an
I/O error need no other user.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from store import SaveFailed, SessionStore, SessionUnreadable, StoreError, new_session
from store.exchange import dumps_document, export_document
from tests.conftest import frozen_clock
from tests.faults.real import Unprivileged


@pytest.fixture
def nobody():
    user = Unprivileged()
    yield user
    user.cleanup()


def backup_file(folder: Path, ids: list[str], *, updated: str = "2025-01-05T10:00:00+00:00",
                text: str = "the newer text") -> Path:
    """An export holding a session for each id, each with a reminder long overdue."""
    sessions = []
    for n, session_id in enumerate(ids, 1):
        session = new_session("dropped", client=f"Client {n}", clock=frozen_clock)
        session.id, session.updated_at, session.status = session_id, updated, "done"
        session.answers = {"what_happened": {"what": text}}
        session.reminders = [{"id": f"r{n}", "due": "2025-01-02", "what": f"call client {n}"}]
        sessions.append(session)
    path = folder / f"backup-{updated[:10]}-{len(ids)}.json"
    path.write_bytes(dumps_document(export_document(sessions)))
    os.chmod(path, 0o644)
    return path


IDS = {
    "sess ids, index rebuilt": (["sess-0001", "sess-0002", "sess-0003"], True),
    "uuid ids, index kept": ([f"7b1c1e5e-0000-4000-8000-00000000000{n}" for n in (1, 2, 3)],
                             False),
}


@pytest.mark.parametrize("case", IDS)
def test_a_session_file_the_user_may_not_read_is_reported_and_never_replaced(nobody, case):
    ids, rebuilt = IDS[case]
    assert nobody.parting("import", str(backup_file(nobody.base, ids))).returncode == 0
    sessions = nobody.data / "sessions"
    if rebuilt:  # the sessions copied back from a backup folder, without the index
        for name in ("index.json", "index.json.bak", "index.log"):
            (nobody.data / name).unlink(missing_ok=True)
    locked = sessions / f"{ids[1]}.json"
    newer = locked.read_bytes()
    locked.chmod(0)

    due = nobody.parting("due")
    assert due.returncode == 0, due.stderr
    assert "call client 1" in due.stdout and "call client 3" in due.stdout
    if rebuilt:  # its reminders are unknown, and the user is told why
        assert locked.name in due.stderr and "EACCES" in due.stderr

    export = nobody.parting("export", "--all", "-o", str(nobody.base / "all.json"))
    assert export.returncode == 1, "an export without one of the sessions is not a success"
    assert locked.name in export.stderr and "incomplete" in export.stderr
    exported = json.loads((nobody.base / "all.json").read_bytes())["sessions"]
    assert sorted(s["id"] for s in exported) == [ids[0], ids[2]]

    older = backup_file(nobody.base, ids[1:2], updated="2025-01-04T10:00:00+00:00",
                        text="the older text")
    for _attempt in range(2):  # a second import must not do what the first did not
        refused = nobody.parting("import", str(older))
        assert refused.returncode == 1
        assert "Nothing was imported" in refused.stderr and locked.name in refused.stderr
        assert stat.S_IMODE(locked.lstat().st_mode) == 0
        locked.chmod(0o600)
        assert locked.read_bytes() == newer
        locked.chmod(0)
        assert not list(sessions.glob(f"{ids[1]}.json.*")), "nothing renamed aside or backed up"

    locked.chmod(0o600)  # readable again: now parting can compare, and the newer copy wins
    merged = nobody.parting("import", str(older))
    assert merged.returncode == 0 and "1 unchanged" in merged.stdout
    assert locked.read_bytes() == newer


def test_a_folder_where_a_session_file_should_be_is_kept_and_nothing_writes_over_it(data_dir):
    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        session = new_session("drop", client="Acme", clock=frozen_clock)
        store.save(session)
    path = data_dir / "sessions" / f"{session.id}.json"
    path.unlink()
    path.mkdir()
    (path / "keep.txt").write_text("someone's notes")

    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        assert [s.id for s in store.summaries()] == [session.id], "not counted as missing"
        with pytest.raises(SessionUnreadable) as caught:
            store.get(session.id)
        assert caught.value.params["detail"] == "EISDIR"
        assert any(n.code == "file_unreadable" for n in store.notices)
        session.answers["x"] = "typed later"
        with pytest.raises(SaveFailed) as refused:
            store.save(session)
        assert refused.value.code == "unreadable_kept" and "kept on screen" in str(refused.value)
        with pytest.raises(StoreError) as import_refused:
            store.import_sessions([session])
        assert import_refused.value.code == "import_unreadable"
    assert path.is_dir() and (path / "keep.txt").read_text() == "someone's notes"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_session_file_the_disk_fails_to_read_is_reported_and_kept(data_dir, monkeypatch):
    # An I/O error cannot be made on demand without a failing device: injected at os.read.
    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        session = new_session("dropped", client="Acme", clock=frozen_clock)
        store.save(session)
    path = data_dir / "sessions" / f"{session.id}.json"
    before = path.read_bytes()
    real_read, real_open = os.read, open

    def failing_read(fd, n):
        if os.path.samefile(f"/proc/self/fd/{fd}", path):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_read(fd, n)

    class FailingFile:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def fileno(self):
            return self.handle.fileno()

        def read(self, *args):
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    def failing_open(file, *args, **kwargs):
        handle = real_open(file, *args, **kwargs)
        return FailingFile(handle) if Path(file) == path else handle

    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        monkeypatch.setattr(os, "read", failing_read)
        monkeypatch.setattr("builtins.open", failing_open)
        with pytest.raises(SessionUnreadable):
            store.get(session.id)
        with pytest.raises(SaveFailed) as refused:
            store.save(session)
        assert refused.value.code == "unreadable_kept" and refused.value.params["detail"] == "EIO"
        monkeypatch.undo()
    assert path.read_bytes() == before
    assert not path.with_name(path.name + ".bak").exists()


def test_an_index_the_user_may_not_read_is_said_and_the_commands_work_from_the_sessions(
        nobody):
    ids = ["sess-0001", "sess-0002"]
    assert nobody.parting("import", str(backup_file(nobody.base, ids))).returncode == 0
    (nobody.data / "index.json").chmod(0)
    due = nobody.parting("due")
    assert due.returncode == 0, due.stderr
    assert "call client 1" in due.stdout and "call client 2" in due.stdout
    assert "list of your sessions" in due.stderr and "EACCES" in due.stderr
    assert "Traceback" not in due.stderr
    export = nobody.parting("export", "--all")
    assert export.returncode == 0, export.stderr
    assert len(json.loads(export.stdout)["sessions"]) == 2


@pytest.mark.parametrize("name", ["index.json", "index.log"])
def test_a_folder_in_place_of_the_index_or_journal_leaves_every_command_working(
        data_dir, name, capsys):
    from tui.cli import main

    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        first = new_session("dropped", client="Acme", clock=frozen_clock)
        first.reminders = [{"id": "r", "due": "2025-01-02", "what": "send the invoice"}]
        store.save(first)
        store.save(new_session("drop", client="Beta", clock=frozen_clock))
    blocked = data_dir / name
    blocked.unlink(missing_ok=True)
    blocked.mkdir()

    assert main(["--data-dir", str(data_dir), "due"]) == 0
    out = capsys.readouterr()
    assert "send the invoice" in out.out
    assert f"list of your sessions ({name})" in out.err and "EISDIR" in out.err
    assert main(["--data-dir", str(data_dir), "export", "--all"]) == 0
    assert len(json.loads(capsys.readouterr().out)["sessions"]) == 2

    with SessionStore.open(data_dir, app_instance=True, clock=frozen_clock) as store:
        assert {s.client for s in store.summaries()} == {"Acme", "Beta"}
        third = new_session("drop", client="Gamma", clock=frozen_clock)
        store.save(third)  # saving still works: the session file is the truth
        assert len(store.summaries()) == 3
    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        assert {s.client for s in store.summaries()} == {"Acme", "Beta", "Gamma"}
    assert blocked.is_dir(), "left as it is"


async def test_the_app_starts_and_lists_the_sessions_when_the_index_is_a_folder(data_dir):
    from textual.widgets import OptionList

    from content import load_catalog
    from tui.app import PartingApp

    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        store.save(new_session("dropped", client="Acme", clock=frozen_clock))
    (data_dir / "index.json").unlink()
    (data_dir / "index.json").mkdir()
    store = SessionStore.open(data_dir, app_instance=True, clock=frozen_clock)
    app = PartingApp(store=store, catalog=load_catalog("en"), clock=frozen_clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            told = " ".join(str(n.message) for n in app._notifications)
            assert "list of your sessions (index.json) cannot be read" in told
            lists = " ".join(str(o.prompt) for w in app.screen.query(OptionList)
                             for o in w._options)
            assert "Acme" in lists
    finally:
        store.close()
    shutil.rmtree(data_dir)


def test_random_damage_including_unreadable_files_loses_nothing_for_an_ordinary_user(nobody):
    """tests/store/test_random_damage.py again, as user 65534: chmod 000 joins the damage."""
    from tests.faults.real import ROOT

    run = nobody.python("-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "acknowledged",
                        str(ROOT / "tests" / "store" / "test_random_damage.py"))
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout
