"""An open trusts the index only while `sessions/` is as it was when the index was exact.

Every other case (a file put in place by a process that died before the index heard of it,
a change in the same clock tick as the stamp, a journal line from an older parting, a file
removed by hand) falls back to checking every session file, and sees the truth.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from store import SessionStore, index, session_files
from store.index import folder_stamp
from tests.store.conftest import sample
from tests.store.test_crash_injection import crash_during, step_change


class Scans:
    """Counts how often an open looks at every session file."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = session_files.scan

        def scan(folder):
            self.count += 1
            return real(folder)
        monkeypatch.setattr(session_files, "scan", scan)


def settle(data_dir: Path) -> None:
    """Open until the index carries a stamp (a change in the current clock tick waits)."""
    for _ in range(200):
        with SessionStore.open(data_dir) as opened:
            opened.summaries()  # an open trusting the digest leaves the index unread
            if opened._index.stamp is not None:
                return
        time.sleep(0.005)
    pytest.fail("the index never got a folder stamp")


def summaries(data_dir: Path) -> dict[str, tuple[str, str | None, str]]:
    with SessionStore.open(data_dir) as opened:
        return {s.id: (s.client, s.step, s.updated_at) for s in opened.summaries()}


def test_an_unchanged_folder_is_trusted_without_looking_at_the_files(
        data_dir: Path, monkeypatch) -> None:
    with SessionStore.open(data_dir) as store:
        for n in range(3):
            store.save(sample(client=f"c{n}"))
    settle(data_dir)
    scans = Scans(monkeypatch)
    assert len(summaries(data_dir)) == 3
    assert scans.count == 0


def test_a_file_renamed_into_place_before_a_crash_is_found(data_dir: Path, monkeypatch) -> None:
    with SessionStore.open(data_dir) as store:
        kept = sample(client="kept")
        store.save(kept)
    settle(data_dir)
    lost = sample(client="written, then the process died")
    # What a save does before it writes the index line; then nothing more.
    session_files.write(data_dir / "sessions" / f"{lost.id}.json", lost.to_record())
    scans = Scans(monkeypatch)
    assert set(summaries(data_dir)) == {kept.id, lost.id}
    assert scans.count == 1


def test_a_file_changed_after_the_stamp_is_read_again(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        session = sample()
        store.save(session)
    settle(data_dir)
    record = {**session.to_record(), "step": "lesson", "client": "Renamed"}
    session_files.write(data_dir / "sessions" / f"{session.id}.json", record)
    assert summaries(data_dir)[session.id][:2] == ("Renamed", "lesson")


def test_a_file_removed_by_hand_is_dropped(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        gone, kept = sample(client="gone"), sample(client="kept")
        store.save(gone)
        store.save(kept)
    settle(data_dir)
    (data_dir / "sessions" / f"{gone.id}.json").unlink()
    assert set(summaries(data_dir)) == {kept.id}


def test_a_change_in_the_same_clock_tick_is_never_stamped(data_dir: Path, monkeypatch) -> None:
    """A folder whose ctime is not older than the filesystem's "now" could change again unseen."""
    with SessionStore.open(data_dir) as store:
        store.save(sample())
    monkeypatch.setattr(index, "filesystem_now",
                        lambda folder: folder_stamp(data_dir / "sessions")[3])
    with SessionStore.open(data_dir) as opened:
        assert opened._index.stamp is None
    scans = Scans(monkeypatch)
    summaries(data_dir)
    assert scans.count == 1


def test_a_journal_line_without_a_stamp_means_check_the_files(data_dir: Path,
                                                              monkeypatch) -> None:
    """An older parting (or any writer that could not stamp) appends lines without one."""
    with SessionStore.open(data_dir) as store:
        session = sample()
        store.save(session)
    settle(data_dir)
    with open(data_dir / "index.log", "ab") as log:
        log.write(json.dumps({"u": {}, "r": []}).encode() + b"\n")
    scans = Scans(monkeypatch)
    summaries(data_dir)
    assert scans.count == 1


def test_an_index_from_before_stamps_is_checked_then_stamped(data_dir: Path,
                                                             monkeypatch) -> None:
    with SessionStore.open(data_dir) as store:
        session = sample()
        store.save(session)
    document = json.loads((data_dir / "index.json").read_bytes())
    document.pop("folder", None)
    (data_dir / "index.json").write_bytes(json.dumps(document).encode())
    (data_dir / "index.log").unlink(missing_ok=True)
    scans = Scans(monkeypatch)
    assert set(summaries(data_dir)) == {session.id}
    assert scans.count == 1


def test_saves_of_a_running_app_break_the_stamp(data_dir: Path, monkeypatch) -> None:
    """Typing saves leave rows pending in the app; another process must read the files."""
    with SessionStore.open(data_dir) as store:
        session = sample()
        store.save(session)
    settle(data_dir)
    app = SessionStore.open(data_dir, app_instance=True)
    time.sleep(0.02)  # past the tick of the stamp, as a person's typing always is
    session.answers["draft"] = "typed a moment later"
    app.save(session)
    try:
        with SessionStore.open(data_dir) as other:
            assert other.get(session.id).answers["draft"] == "typed a moment later"
            assert other.summaries()[0].updated_at == session.updated_at
    finally:
        app.close()


def test_a_read_only_window_trusts_the_stamp_too(data_dir: Path, monkeypatch) -> None:
    with SessionStore.open(data_dir) as store:
        store.save(sample())
    settle(data_dir)
    app = SessionStore.open(data_dir, app_instance=True)
    try:
        scans = Scans(monkeypatch)
        with SessionStore.open(data_dir, app_instance=True) as second:
            assert second.read_only
            assert len(second.summaries()) == 1
        assert scans.count == 0
    finally:
        app.close()


@pytest.mark.parametrize("journal", [True, False], ids=["journal", "table-rewrite"])
def test_a_crash_at_each_call_of_a_save_is_seen_by_an_open_that_trusts_stamps(
        tmp_path: Path, monkeypatch, journal: bool) -> None:
    if not journal:
        monkeypatch.setattr(index, "JOURNAL_MIN_BYTES", -(10**9))
    for crash_at in range(1, 100):
        folder = tmp_path / f"k{crash_at}"
        with SessionStore.open(folder) as setup:
            session = sample()
            setup.save(session)
        settle(folder)
        time.sleep(0.01)  # the save below is in a later clock tick than the stamp
        store = SessionStore.open(folder, app_instance=True)
        step_change(session)
        finished = crash_during(store, crash_at, store.save, session).finished
        on_disk = session_files.read(folder / "sessions" / f"{session.id}.json")[0]
        with SessionStore.open(folder) as after:
            summary = after.summaries()[0]
            assert (summary.step, summary.updated_at) == (on_disk["step"],
                                                          on_disk["updated_at"])
        if finished:
            break
    assert crash_at > 5


def test_stamp_is_the_folders_device_inode_and_times(tmp_path: Path) -> None:
    stat = os.stat(tmp_path)
    assert folder_stamp(tmp_path) == [stat.st_dev, stat.st_ino, stat.st_mtime_ns,
                                      stat.st_ctime_ns]
    assert folder_stamp(tmp_path / "missing") is None
