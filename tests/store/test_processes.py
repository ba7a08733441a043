"""Several parting processes on one data folder: locks, re-reading, read-only windows, kills."""

from __future__ import annotations

import fcntl
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from store import SessionStore, StoreLocked
from tests.store.conftest import sample

WRITER = Path(__file__).with_name("writer_process.py")


def test_second_app_window_opens_read_only_and_cannot_save(data_dir: Path) -> None:
    with SessionStore.open(data_dir, app_instance=True) as first:
        session = sample()
        first.save(session)
        with SessionStore.open(data_dir, app_instance=True) as second:
            assert second.read_only and not first.read_only
            (notice,) = second.notices
            assert notice.kind == "read_only"
            assert notice.message == ("parting is already open in another window; "
                                      "this one can read but not save.")
            assert second.get(session.id) == session
            with pytest.raises(StoreLocked, match="already open in another window"):
                second.save(sample())
            with pytest.raises(StoreLocked):
                second.delete(session.id)
            later = sample(client="Later")
            first.save(later)
            assert {s.id for s in second.summaries()} == {session.id, later.id}


def test_app_lock_is_released_on_close(data_dir: Path) -> None:
    SessionStore.open(data_dir, app_instance=True).close()
    with SessionStore.open(data_dir, app_instance=True) as again:
        assert not again.read_only


def test_cli_store_can_write_while_the_app_is_open(data_dir: Path) -> None:
    with SessionStore.open(data_dir, app_instance=True) as app:
        mine = sample(client="Mine")
        app.save(mine)
        with SessionStore.open(data_dir) as cli:
            assert not cli.read_only
            theirs = sample(client="Theirs")
            cli.import_sessions([theirs])
        mine.status = "done"  # the app rewrites the index: it must keep the CLI's row
        app.save(mine)
        assert {s.client for s in app.summaries()} == {"Mine", "Theirs"}
    with SessionStore.open(data_dir) as again:
        assert {s.client: s.status for s in again.summaries()} == {
            "Mine": "done", "Theirs": "in_progress"}


def test_busy_folder_waits_then_says_so(data_dir: Path) -> None:
    with SessionStore.open(data_dir, wait=0.3) as store:
        fd = os.open(data_dir / "sessions.lock", os.O_RDWR)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            started = time.monotonic()
            with pytest.raises(StoreLocked, match=r"busy in another parting process; tried "
                                                  r"for 0\.3 s"):
                store.save(sample())
            assert 0.3 <= time.monotonic() - started < 2
        finally:
            os.close(fd)
        store.save(sample())  # free again


def test_busy_folder_is_waited_for_when_it_frees_in_time(data_dir: Path) -> None:
    with SessionStore.open(data_dir, wait=5) as store:
        fd = os.open(data_dir / "sessions.lock", os.O_RDWR)
        fcntl.flock(fd, fcntl.LOCK_EX)
        threading.Timer(0.2, os.close, [fd]).start()
        store.save(sample())
        assert store.count() == 1


def test_two_processes_saving_150_times_each_lose_nothing(data_dir: Path) -> None:
    SessionStore.open(data_dir).close()
    writers = [subprocess.Popen([sys.executable, str(WRITER), "saves", str(data_dir), "150", tag])
               for tag in ("left", "right")]
    assert [w.wait(timeout=60) for w in writers] == [0, 0]
    with SessionStore.open(data_dir) as store:
        assert store.digest().count == 300  # the digest either writer left is not trusted blindly
        clients = {s.client for s in store.summaries()}
        assert len(clients) == 300 == store.count()
        assert clients == {f"{tag}-{n}" for tag in ("left", "right") for n in range(150)}
        assert len(list(store.sessions())) == 300


def kill_rounds(folder: Path, rounds: int, failures: list[str], done: list[int]) -> None:
    """Run `_kill_rounds`, turning any exception into a failure the test thread can see."""
    try:
        done.append(_kill_rounds(folder, rounds, failures))
    except Exception as error:  # a thread's exception would otherwise only be a warning
        failures.append(f"{folder.name}: {error!r}")


def _kill_rounds(folder: Path, rounds: int, failures: list[str]) -> int:
    """Start a writer, SIGKILL it at a random moment, check every acknowledged save survived.

    Always does all `rounds` kills, however busy the machine (a time limit made the count,
    and so the test, depend on the load); returns how many kills it did.
    """
    rng = random.Random(hash(folder.name))
    latest: dict[str, int] = {}
    round_no = 0
    for round_no in range(1, rounds + 1):
        writer = subprocess.Popen([sys.executable, str(WRITER), "forever", str(folder)],
                                  stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None
        ready = writer.stdout.readline()
        if ready.strip() != "ready":
            failures.append(f"round {round_no}: writer did not start: {ready!r}")
            writer.kill()
            return round_no
        time.sleep(rng.uniform(0, 0.03))
        writer.send_signal(signal.SIGKILL)
        out, _err = writer.communicate()
        for line in out.splitlines(keepends=True):
            fields = line.split()
            if not line.endswith("\n") or len(fields) != 2:
                continue  # killed in the middle of printing: not an acknowledgement
            session_id, n = fields
            latest[session_id] = max(latest.get(session_id, 0), int(n))
        with SessionStore.open(folder) as store:
            digest = store.digest()  # first, as home does: before anything reads the index
            if store.notices:
                failures.append(f"round {round_no}: notices {store.notices}")
            for session_id, n in latest.items():
                stored = store.get(session_id)  # raises if an acknowledged save is missing
                if stored.answers["n"] < n:
                    failures.append(f"round {round_no}: {session_id} has n="
                                    f"{stored.answers['n']}, acknowledged {n}")
            in_order = store.summaries()
            listed = {s.id: s for s in in_order}
            if set(latest) - set(listed):
                failures.append(f"round {round_no}: acknowledged sessions not listed")
            if digest.count != len(listed) or [s.id for s in digest.recent] != [
                    s.id for s in in_order[:len(digest.recent)]] or (
                    len(digest.recent) != min(len(in_order), 8)):
                failures.append(f"round {round_no}: the digest disagrees with the sessions")
            for session in store.sessions():
                if listed[session.id].step != session.step:
                    failures.append(f"round {round_no}: summary of {session.id} is stale")
    return round_no


def test_writer_killed_at_random_moments_never_loses_an_acknowledged_save(
        tmp_path: Path) -> None:
    # Two lanes, one per core, each killing its own writer 100 times.
    failures: list[str] = []
    kills: list[int] = []
    lanes = [threading.Thread(target=kill_rounds,
                              args=(tmp_path / f"lane{n}", 100, failures, kills))
             for n in range(2)]
    for lane in lanes:
        lane.start()
    for lane in lanes:
        lane.join()
    assert failures == []
    assert sum(kills) == 200
    assert len(list((tmp_path / "lane0").glob("sessions/*.json"))) > 5  # it did save things


def test_folder_that_cannot_be_written_opens_read_only(data_dir: Path, monkeypatch) -> None:
    import errno

    from store.locks import FileLock
    with SessionStore.open(data_dir) as store:
        session = sample()
        store.save(session)

    def read_only_disk(self):
        raise OSError(errno.EROFS, "Read-only file system")
    monkeypatch.setattr(FileLock, "_open", read_only_disk)
    with SessionStore.open(data_dir, app_instance=True) as store:
        assert store.read_only
        assert "cannot write in its data folder" in store.notices[0].message
        assert store.get(session.id) == session
        with pytest.raises(StoreLocked, match="cannot write in its data folder"):
            store.save(session)
