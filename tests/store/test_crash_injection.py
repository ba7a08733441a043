"""A crash at any filesystem call of a save leaves the old state or the new one, never a mix.

The "crash" is an exception raised at the k-th filesystem call; from then on every
filesystem call fails too, as if the process were gone, so no clean-up code gets to tidy
up. Then the store is abandoned without closing and opened afresh, like after a restart.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from store import Session, SessionStore, index, now_iso
from tests.store.conftest import Clock, sample

PATCHED = ("open", "write", "fsync", "fchmod", "link", "replace", "unlink")


class Crash(BaseException):
    """Not an OSError: the store must not get a chance to handle it."""


class Dying:
    """Counts filesystem calls and makes the k-th and all later ones fail."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, crash_at: int) -> None:
        self.calls = 0
        self.crash_at = crash_at
        self.finished = False  # set by crash_during when the action got to its end
        for name in PATCHED:
            monkeypatch.setattr(os, name, self._wrap(getattr(os, name)))

    def _wrap(self, real: Callable) -> Callable:
        def call(*args, **kwargs):
            self.calls += 1
            if self.calls >= self.crash_at:
                raise Crash()
            return real(*args, **kwargs)
        return call


def abandon(store: SessionStore) -> None:
    """Drop a store as a killed process would: no flush, the kernel closes its files."""
    store._closed = True
    store._index.close()
    store._write_lock.close()
    if store._app_lock:
        store._app_lock.close()


def crash_during(store: SessionStore, crash_at: int, action: Callable[..., object],
                 *args: object) -> Dying:
    """Run `action(*args)` with the `crash_at`-th filesystem call (and every later one)
    failing, then drop `store` as a killed process would. The counter says how far it got."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        dying = Dying(monkeypatch, crash_at)
        try:
            action(*args)
            dying.finished = True
        except Crash:
            pass
    abandon(store)
    return dying


def typing(session: Session) -> None:
    session.answers["draft"] = "a longer answer " * 40


def step_change(session: Session) -> None:
    session.answers["feelings"] = "relieved"
    session.step, session.status, session.outcome = "done", "done", "price"


@pytest.mark.parametrize("journal", [True, False], ids=["journal", "table-rewrite"])
@pytest.mark.parametrize("change", [typing, step_change], ids=["typing", "step-change"])
def test_crash_at_each_call_of_a_save_leaves_old_or_new(tmp_path: Path, monkeypatch, change,
                                                        journal: bool) -> None:
    if not journal:  # fold the journal into the table on every index write
        monkeypatch.setattr(index, "JOURNAL_MIN_BYTES", -(10**9))
    for crash_at in range(1, 100):
        folder = tmp_path / f"k{crash_at}"
        clock = Clock()
        with SessionStore.open(folder, clock=clock) as setup:
            session = sample(clock=clock)
            other = sample(client="Other", clock=clock)
            setup.save(session)
            setup.save(other)
        old = session.to_record()
        store = SessionStore.open(folder, app_instance=True, clock=clock)
        clock.advance(5)
        change(session)
        dying = crash_during(store, crash_at, store.save, session)
        finished = dying.finished
        # save() sets updated_at only once it succeeded; the file may hold the new one anyway.
        new = {**session.to_record(), "updated_at": now_iso(clock)}
        with SessionStore.open(folder, app_instance=True) as after:
            assert not [n for n in after.notices if n.kind == "damaged"]
            loaded = after.get(session.id).to_record()
            assert loaded in (old, new), f"crash at call {crash_at} left a mix"
            if finished:
                assert loaded == new
            summary = {s.id: s for s in after.summaries()}[session.id]
            assert (summary.step, summary.status, summary.updated_at) == (
                loaded["step"], loaded["status"], loaded["updated_at"])
            assert after.get(other.id) == other
            leftovers = [p for p in folder.rglob(".*") if ".tmp-" in p.name]
            assert leftovers == []
        if finished:
            assert dying.calls < crash_at
            break
    else:
        pytest.fail("the save never finished")
    assert crash_at > 5  # the save really was interrupted at several points


def test_crash_at_each_call_of_a_new_session_save_leaves_it_absent_or_whole(
        tmp_path: Path) -> None:
    for crash_at in range(1, 100):
        folder = tmp_path / f"k{crash_at}"
        store = SessionStore.open(folder)
        session = sample()
        finished = crash_during(store, crash_at, store.save, session).finished
        with SessionStore.open(folder) as after:
            ids = [s.id for s in after.summaries()]
            assert ids in ([], [session.id])
            if ids:
                assert after.get(session.id) == session
            else:
                assert not finished
        if finished:
            break


def test_crash_during_an_import_keeps_every_session_whole(tmp_path: Path) -> None:
    incoming = [sample(client=f"c{n}") for n in range(4)]
    for crash_at in range(1, 200, 3):
        folder = tmp_path / f"k{crash_at}"
        store = SessionStore.open(folder)
        finished = crash_during(store, crash_at, store.import_sessions, incoming).finished
        with SessionStore.open(folder) as after:
            listed = {s.id for s in after.summaries()}
            assert listed <= {s.id for s in incoming}
            for session in incoming:
                if session.id in listed:
                    assert after.get(session.id) == session
            if finished:
                assert len(listed) == 4
        if finished:
            break
