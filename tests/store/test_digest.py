"""The digest (`digest.json`): what home and `parting due` show, read without the index.

It is trusted only while its key (index.json, index.log, sessions/) is the folder's as it is;
a torn, damaged, stale or missing digest is rebuilt from the sessions and loses nothing.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from store import SessionStore, session_files
from store.digest import SHOWN
from tests.store.conftest import sample
from tests.store.test_folder_stamp import Scans, settle


def fill(data_dir: Path, clients: list[str], clock) -> None:
    with SessionStore.open(data_dir, clock=clock) as opened:
        for client in clients:
            clock.advance()
            session = sample(client, clock=clock)
            if client.startswith("done"):
                session.status = "done"
            if client.startswith("call"):
                session.reminders = [{"id": "r1", "what": "call back", "due": "2025-01-02",
                                      "kind": "follow_up", "done": False}]
            opened.save(session)


def shown(digest) -> tuple:
    return (digest.count, digest.unfinished_count, [s.client for s in digest.unfinished],
            [s.client for s in digest.recent], [s.client for s in digest.reminding])


def test_the_digest_holds_the_newest_sessions_counts_and_every_open_reminder(data_dir, clock):
    clients = [f"open{i}" for i in range(10)] + ["done1", "call1", "done2"]
    fill(data_dir, clients, clock)
    with SessionStore.open(data_dir) as opened:
        digest = opened.digest()
        summaries = opened.summaries()
    assert digest.count == 13 == len(summaries)
    assert digest.unfinished_count == 11
    assert [s.client for s in digest.recent] == [s.client for s in summaries[:SHOWN]]
    assert [s.client for s in digest.unfinished] == [
        s.client for s in summaries if s.status != "done"][:SHOWN]
    assert [s.client for s in digest.reminding] == ["call1"]


def test_an_open_with_a_current_digest_reads_neither_the_index_nor_the_session_files(
        data_dir, clock, monkeypatch):
    fill(data_dir, ["a", "call", "b"], clock)
    settle(data_dir)
    with SessionStore.open(data_dir):
        pass  # leaves a digest made while the index was exact
    scans = Scans(monkeypatch)
    with SessionStore.open(data_dir) as opened:
        digest = opened.digest()
        assert opened._index._rows is None  # index.json was never parsed
    assert scans.count == 0
    assert shown(digest)[0] == 3 and [s.client for s in digest.reminding] == ["call"]


def test_a_torn_digest_is_rebuilt_from_the_sessions_and_nothing_is_lost(data_dir, clock):
    fill(data_dir, ["a", "b", "call"], clock)
    settle(data_dir)
    path = data_dir / "digest.json"
    whole = path.read_bytes()
    for damaged in (whole[: len(whole) // 2], b"", b"\x00garbage", b'{"schema": 1}',
                    json.dumps({**json.loads(whole), "count": -1}).encode()):
        path.write_bytes(damaged)
        with SessionStore.open(data_dir) as opened:
            assert shown(opened.digest())[:2] == (3, 3)
        assert json.loads(path.read_bytes())["count"] == 3  # written back whole


def test_a_session_the_digest_has_not_heard_of_is_shown_all_the_same(data_dir, clock):
    fill(data_dir, ["a", "b"], clock)
    settle(data_dir)
    with SessionStore.open(data_dir):
        pass
    stale = (data_dir / "digest.json").read_bytes()
    fill(data_dir, ["call-new"], clock)
    (data_dir / "digest.json").write_bytes(stale)  # as if the process died before writing it
    with SessionStore.open(data_dir) as opened:
        digest = opened.digest()
    assert digest.count == 3 and [s.client for s in digest.reminding] == ["call-new"]


def test_a_session_file_copied_in_by_hand_makes_the_digest_stale(data_dir, clock, tmp_path):
    fill(data_dir, ["a"], clock)
    other = tmp_path / "other"
    fill(other, ["call-copied"], clock)
    settle(data_dir)
    with SessionStore.open(data_dir):
        pass
    for path in (other / "sessions").glob("*.json"):
        os.link(path, data_dir / "sessions" / path.name)
    with SessionStore.open(data_dir) as opened:
        digest = opened.digest()
    assert digest.count == 2 and [s.client for s in digest.reminding] == ["call-copied"]


def test_a_save_in_the_open_store_shows_in_its_next_digest(store, clock):
    first = sample("a", clock=clock)
    store.save(first)
    assert store.digest().count == 1
    clock.advance()
    store.save(sample("call-b", clock=clock))
    first.status = "done"
    store.save(first)
    digest = store.digest()
    assert (digest.count, digest.unfinished_count) == (2, 1)
    store.delete(first.id)
    assert store.digest().count == 1


def test_a_deleted_session_leaves_the_digest_at_once(store, clock, data_dir):
    session = sample("gone", clock=clock)
    store.save(session)
    store.digest()
    store.delete(session.id)
    assert store.digest().count == 0
    assert not any(s.id == session.id for s in store.digest().recent)
    assert not session_files.session_path(data_dir / "sessions", session.id).exists()


def test_a_read_only_window_builds_the_digest_in_memory_without_writing(data_dir, clock,
                                                                        store):
    store.save(sample("a", clock=clock))
    (data_dir / "digest.json").unlink(missing_ok=True)
    with SessionStore.open(data_dir, app_instance=True) as second:
        assert second.read_only
        assert second.digest().count == 1
    assert not (data_dir / "digest.json").exists()


def test_due_reminders_come_from_the_digest(data_dir, clock):
    from content.reminders import due_reminders

    fill(data_dir, ["a", "call1", "b", "call2"], clock)
    with SessionStore.open(data_dir) as opened:
        due = due_reminders(opened.digest().reminding, date(2025, 6, 1))
    assert sorted(s.client for s, _ in due) == ["call1", "call2"]


def test_a_save_killed_mid_write_leaves_no_temporary_file_after_the_next_open(data_dir, clock):
    fill(data_dir, ["a", "b"], clock)
    with SessionStore.open(data_dir, clock=clock):
        pass  # the digest is current now
    settle(data_dir / "sessions")
    leftover = data_dir / "sessions" / f".x.json.tmp-{os.getpid()}-dead"
    leftover.write_bytes(b"half a session")
    with SessionStore.open(data_dir, clock=clock) as opened:
        assert not leftover.exists()
        assert sorted(s.client for s in opened.summaries()) == ["a", "b"]
