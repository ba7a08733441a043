"""Everyday use: save, get, list, delete, and the index kept as a cheap cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store import (
    SessionNotFound,
    SessionStore,
    StoreError,
    Summary,
    index,
    new_session,
    now_iso,
    session_files,
)
from tests.store.conftest import Clock, sample


def test_saved_session_reads_back_equal(store: SessionStore) -> None:
    session = sample(step3={"note": "call Ana on Monday", "score": 7, "tags": ["a", "b"]})
    store.save(session)
    assert store.get(session.id) == session


def test_open_creates_the_folder_and_an_empty_store(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as fresh:
        assert fresh.count() == 0
        assert fresh.summaries() == []
        assert (data_dir / "sessions").is_dir()


def test_save_with_touch_sets_updated_at_from_the_clock(store: SessionStore, clock: Clock) -> None:
    session = sample(clock=clock)
    clock.advance(90)
    store.save(session)
    assert session.updated_at == now_iso(clock)
    assert session.updated_at != session.created_at
    assert store.get(session.id).updated_at == session.updated_at


def test_save_without_touch_keeps_updated_at(store: SessionStore, clock: Clock) -> None:
    session = sample(clock=clock)
    session.updated_at = "2020-01-01T00:00:00+00:00"
    store.save(session, touch=False)
    assert store.get(session.id).updated_at == "2020-01-01T00:00:00+00:00"


def test_summaries_are_newest_first_by_created_at(store: SessionStore) -> None:
    stamps = ["2025-01-02T10:00:00+00:00", "2025-01-03T09:00:00+05:00",  # 04:00Z, oldest-but-one
              "2025-01-01T10:00:00+00:00", "2025-01-03T06:00:00+00:00"]
    for n, stamp in enumerate(stamps):
        session = sample(client=f"c{n}")
        session.created_at = session.updated_at = stamp
        store.save(session, touch=False)
    assert [s.client for s in store.summaries()] == ["c3", "c1", "c0", "c2"]


def test_sessions_started_in_the_same_second_list_the_later_saved_first(
        data_dir: Path, clock: Clock) -> None:
    with SessionStore.open(data_dir) as store:
        saved = [sample(client=f"c{n}", clock=clock) for n in range(5)]
        for session in saved:
            store.save(session)
        expected = [s.client for s in reversed(saved)]
        assert [s.client for s in store.summaries()] == expected
    with SessionStore.open(data_dir) as again:
        assert [s.client for s in again.summaries()] == expected


def test_summary_carries_everything_but_answers(store: SessionStore) -> None:
    session = sample()
    session.status, session.step, session.outcome = "done", "exit", "price"
    session.reminders = [{"id": "r1", "due": "2025-04-01", "what": "Ask for a referral"}]
    store.save(session)
    (summary,) = store.summaries()
    assert (summary.id, summary.status, summary.step, summary.outcome) == (
        session.id, "done", "exit", "price")
    assert summary.reminders == tuple(session.reminders)
    assert not hasattr(summary, "answers")


def test_summaries_read_no_session_file(store: SessionStore, monkeypatch) -> None:
    for n in range(5):
        store.save(sample(client=f"c{n}"))
    monkeypatch.setattr(session_files, "read", lambda path: pytest.fail("read a session file"))
    assert len(store.summaries()) == 5


def test_summaries_are_built_once_and_follow_every_change(
        store: SessionStore, data_dir: Path, clock: Clock) -> None:
    saved = [sample(client=f"c{n}", clock=clock) for n in range(3)]
    for session in saved:
        store.save(session)
    first = store.summaries()
    first.clear()  # the caller's own list: the store's summaries are not touched
    again = store.summaries()
    assert [s.client for s in again] == ["c2", "c1", "c0"]
    assert all(a is b for a, b in zip(again, store.summaries(), strict=True))
    saved[0].step = "lesson"
    store.save(saved[0])
    assert {s.client: s.step for s in store.summaries()}["c0"] == "lesson"
    store.delete(saved[1].id)
    assert [s.client for s in store.summaries()] == ["c2", "c0"]
    with SessionStore.open(data_dir) as other:  # another window adds a session
        other.save(sample(client="elsewhere", clock=clock))
    assert [s.client for s in store.summaries()] == ["elsewhere", "c2", "c0"]


def test_summaries_on_demand_are_made_one_by_one_as_asked_for(
        store: SessionStore, clock: Clock, monkeypatch) -> None:
    for n in range(6):
        store.save(sample(client=f"c{n}", clock=clock))
    expected = store.summaries()
    store.save(sample(client="c6", clock=clock))  # the kept summaries are made afresh
    expected.insert(0, store.summaries()[0])
    store.save(sample(client="c7", clock=clock))
    made: list[str] = []
    from_row = Summary.from_row
    monkeypatch.setattr(Summary, "from_row",
                        classmethod(lambda cls, row: made.append(row["client"]) or from_row(row)))
    listed = store.summaries_on_demand()
    assert len(listed) == 8 and made == []
    assert [listed[0].client, listed[-1].client, listed[1].client] == ["c7", "c0", "c6"]
    assert [s.client for s in listed[1:3]] == ["c6", "c5"]
    assert made == ["c7", "c0", "c6", "c5"]
    with pytest.raises(IndexError):
        listed[8]
    assert [s.client for s in listed] == ["c7"] + [s.client for s in expected]
    assert sorted(made) == [f"c{n}" for n in range(8)]  # each made once
    assert listed[0] is store.summaries()[0] and listed is store.summaries_on_demand()


def test_sessions_yields_full_sessions_newest_first(store: SessionStore, clock: Clock) -> None:
    saved = []
    for n in range(3):
        saved.append(sample(client=f"c{n}", clock=clock))
        clock.advance(60)
        store.save(saved[-1])
    assert list(store.sessions()) == list(reversed(saved))


def test_delete_removes_the_session_and_its_backups(store: SessionStore) -> None:
    session = sample()
    store.save(session)
    store.save(session)  # now a .bak exists too
    assert store.delete(session.id) == session
    assert store.count() == 0
    with pytest.raises(SessionNotFound):
        store.get(session.id)
    assert list((store.directory / "sessions").iterdir()) == []


def test_deleted_session_leaves_no_trace_in_the_index_files(store: SessionStore) -> None:
    kept, gone = sample(client="Kept Ltd"), sample(client="Secret Client")
    for session in (kept, gone):
        store.save(session)
        session.step = "next"
        store.save(session)  # journal lines and .bak copies mention the client
    store.delete(gone.id)
    for path in store.directory.rglob("*"):
        if path.is_file():
            assert b"Secret Client" not in path.read_bytes(), path.name
    assert [s.client for s in store.summaries()] == ["Kept Ltd"]


def test_get_of_unknown_id_is_a_key_error_and_a_store_error(store: SessionStore) -> None:
    with pytest.raises(KeyError):
        store.get("no-such-id")
    with pytest.raises(StoreError):
        store.get("../../etc/passwd")


def test_typing_save_does_not_rewrite_the_index(store: SessionStore, clock: Clock) -> None:
    session = sample(clock=clock)
    store.save(session)
    index = store.directory / "index.json"
    before = os.stat(index).st_mtime_ns, os.stat(index).st_ino
    for n in range(5):
        clock.advance()
        session.answers["draft"] = "x" * n
        store.save(session)
    assert (os.stat(index).st_mtime_ns, os.stat(index).st_ino) == before
    assert store.summaries()[0].updated_at == session.updated_at


def test_step_change_is_journalled_and_seen_after_reopen_without_reading_files(
        data_dir: Path, monkeypatch) -> None:
    with SessionStore.open(data_dir) as store:
        session = sample()
        store.save(session)
        table = (data_dir / "index.json").read_bytes()
        session.step = "feelings"
        store.save(session)
        assert (data_dir / "index.json").read_bytes() == table  # appended, not rewritten
        assert b'"feelings"' in (data_dir / "index.log").read_bytes()
    monkeypatch.setattr(session_files, "read", lambda path: pytest.fail("read a session file"))
    with SessionStore.open(data_dir) as again:
        assert again.summaries()[0].step == "feelings"


def test_journal_is_folded_into_the_table_once_it_grows(store: SessionStore,
                                                       monkeypatch) -> None:
    monkeypatch.setattr(index, "JOURNAL_MIN_BYTES", 4096)  # about ten lines
    session = sample()
    store.save(session)
    for n in range(40):
        session.step = f"step{n}"
        store.save(session)
    log = store.directory / "index.log"
    assert not log.exists() or log.stat().st_size < 4096
    assert b'"step' in (store.directory / "index.json").read_bytes()
    assert store.summaries()[0].step == "step39"


def test_torn_journal_line_is_ignored_and_cut_off_before_the_next(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        first, second = sample(client="first"), sample(client="second")
        store.save(first)
        first.step = "a"
        store.save(first)
    with open(data_dir / "index.log", "ab") as log:
        log.write(b'{"u": {"half-a-li')  # a crash in the middle of an append
    with SessionStore.open(data_dir) as store:
        assert store.summaries()[0].step == "a"
        store.save(second)
        second.step = "b"
        store.save(second)
    with SessionStore.open(data_dir) as store:
        assert {s.client: s.step for s in store.summaries()} == {"first": "a", "second": "b"}
    assert b"half-a-li" not in (data_dir / "index.log").read_bytes()


def test_updated_at_survives_reopen_after_typing_saves(data_dir: Path, clock: Clock) -> None:
    with SessionStore.open(data_dir, clock=clock) as first:
        session = sample(clock=clock)
        first.save(session)
        clock.advance(30)
        first.save(session)
    with SessionStore.open(data_dir) as again:
        assert again.summaries()[0].updated_at == session.updated_at


def test_index_that_fell_behind_is_caught_up_on_open(data_dir: Path, clock: Clock) -> None:
    with SessionStore.open(data_dir, clock=clock) as first:
        session = sample(clock=clock)
        first.save(session)
        clock.advance(30)
        first.save(session)
        first._pending.clear()  # as if the process died before close() flushed them
    with SessionStore.open(data_dir) as again:
        assert again.summaries()[0].updated_at == session.updated_at


def test_missing_index_is_rebuilt_from_session_files(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as first:
        ids = set()
        for n in range(4):
            session = new_session("drop", client=f"c{n}")
            first.save(session)
            ids.add(session.id)
    (data_dir / "index.json").unlink()
    with SessionStore.open(data_dir) as again:
        assert {s.id for s in again.summaries()} == ids
        assert (data_dir / "index.json").exists()


def test_closed_store_refuses_to_save(store: SessionStore) -> None:
    store.close()
    with pytest.raises(StoreError):
        store.save(sample())


def test_values_repeated_across_rows_are_read_as_one_shared_string(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as writer:
        writer.import_sessions([sample(client=f"Client {n}") for n in range(40)])
    with SessionStore.open(data_dir) as reader:
        rows = list(reader._index.rows().values())
    assert len(rows) == 40
    assert all(row["flow"] is rows[0]["flow"] and row["status"] is rows[0]["status"]
               for row in rows)
    assert rows[0]["flow"] == "dropped"
