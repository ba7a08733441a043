"""A full disk, no permission, a read-only disk or an I/O error: SaveFailed, nothing changed."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from store import SaveFailed, SessionStore, StoreError
from store.settings import Settings, load_settings, save_settings
from tests.store.conftest import sample

FAULTS = [
    ("write", errno.ENOSPC, "disk is full"),
    ("fsync", errno.EIO, "disk reported an error"),
    ("open", errno.EACCES, "not allowed to write"),
    ("replace", errno.EROFS, "read-only disk"),
    ("write", errno.EDQUOT, "quota"),
]


def failing(name: str, code: int):
    real = getattr(os, name)

    def call(*args, **kwargs):
        # Only the store's own files: pytest and the rest of Python keep working. A failed
        # open is one that creates (a new file in the folder): a session file that cannot
        # even be opened for reading is another fault (tests/faults/test_unreadable.py).
        if name == "open" and len(args) > 1 and not args[1] & os.O_CREAT:
            return real(*args, **kwargs)
        if any("data" in str(a) for a in args if isinstance(a, (str, Path))) or name in (
                "write", "fsync"):
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)
    return call


@pytest.mark.parametrize(("call", "code", "words"), FAULTS)
def test_fault_during_save_raises_save_failed_and_changes_nothing(
        store: SessionStore, monkeypatch, call, code, words) -> None:
    session = sample()
    store.save(session)
    before = {p.name: p.read_bytes() for p in (store.directory / "sessions").iterdir()}
    index_before = (store.directory / "index.json").read_bytes()
    saved = store.get(session.id)
    session.answers["more"] = "typed while the disk was full"
    session.status = "done"
    with monkeypatch.context() as patch:
        patch.setattr(os, call, failing(call, code))
        with pytest.raises(SaveFailed, match=words) as caught:
            store.save(session)
    assert "kept on screen" in str(caught.value)
    assert {p.name: p.read_bytes() for p in (store.directory / "sessions").iterdir()} == before
    assert (store.directory / "index.json").read_bytes() == index_before
    assert store.get(session.id) == saved
    store.save(session)  # the cause is gone: saving works again
    assert store.get(session.id) == session
    assert store.summaries()[0].status == "done"


def test_disk_full_on_a_new_session_leaves_no_trace(store: SessionStore, monkeypatch) -> None:
    monkeypatch.setattr(os, "write", failing("write", errno.ENOSPC))
    with pytest.raises(SaveFailed, match="disk is full"):
        store.save(sample())
    monkeypatch.undo()
    assert store.count() == 0
    assert list((store.directory / "sessions").iterdir()) == []


def test_unexpected_error_in_save_is_still_a_store_error(store: SessionStore,
                                                           monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("something odd")
    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(SaveFailed):
        store.save(sample())


def test_index_write_failing_does_not_fail_the_save(data_dir: Path, monkeypatch) -> None:
    """The session file is the truth; the index is a cache that catches up later."""
    store = SessionStore.open(data_dir)
    session = sample()
    real_write = os.write
    calls = {"n": 0}

    def second_file_fails(fd, data):
        # The session file is the first file written in a save; the index the second.
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)
    monkeypatch.setattr(os, "write", second_file_fails)
    store.save(session)
    monkeypatch.undo()
    assert store.summaries()[0].id == session.id
    store.close()
    with SessionStore.open(data_dir) as again:
        assert again.get(session.id) == session
        assert [s.id for s in again.summaries()] == [session.id]


def test_unusable_data_folder_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot use its data folder"):
        SessionStore.open(blocker / "data")


def test_settings_save_failure_is_save_failed(tmp_path: Path, monkeypatch) -> None:
    save_settings(tmp_path, Settings(theme="nord"))
    monkeypatch.setattr(os, "write", failing("write", errno.ENOSPC))
    with pytest.raises(SaveFailed, match="disk is full"):
        save_settings(tmp_path, Settings(theme="gruvbox"))
    monkeypatch.undo()
    assert load_settings(tmp_path).theme == "nord"
