"""Random damage to random files of a real store, then everyday use: nothing acknowledged is lost.

Hypothesis picks files of a data folder (session files, their backups, the index, its
journal, the locks, the settings) and damages them: cut short, emptied, overwritten with
zeros or garbage, replaced by valid JSON of the wrong shape, or by a folder; run as an
ordinary user, also made unreadable (chmod 000). Then the store
is opened and used as the app and the commands use it (lists, reads, an export, an import of
older copies, a new save) and opened again.

The invariant: every session acknowledged before the damage is either read back exactly as
it was saved, or was reported, and the damaged bytes are still on disk, untouched (in place,
or set aside under a new name). Damage that leaves a file valid JSON with other values (a
flipped digit) is not in scope: without a checksum nothing could tell it from an edit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Session, SessionStore, StoreError
from store.recovery import DAMAGE_FILE
from tests.store.conftest import Clock, sample

KINDS = ("cut short", "empty", "zeros", "garbage", "wrong shape", "folder")
if os.geteuid() != 0:
    # Only an ordinary user is refused a file it may not read: tests/faults/test_unreadable.py
    # runs this file again as one.
    KINDS += ("no permission",)


def damage(path: Path, kind: str, cut: float, noise: bytes) -> bytes | None:
    """Damage `path`; return its bytes now (None when it became a folder)."""
    raw = path.read_bytes()
    if kind == "no permission":
        path.chmod(0)
        return raw
    if kind == "folder":
        path.unlink()
        path.mkdir()
        (path / "inside").write_bytes(b"not parting's")
        return None
    new = {
        "cut short": raw[: int(len(raw) * cut)],  # a strict prefix of JSON is never JSON
        "empty": b"",
        "zeros": b"\0" * max(1, len(raw)),
        "garbage": b"\xff" + noise,  # never UTF-8, so never JSON
        "wrong shape": b"[1, 2, 3]",
    }[kind]
    path.write_bytes(new)
    return new


def build(folder: Path, count: int, twice: list[bool]) -> dict[str, dict]:
    clock = Clock()
    acknowledged = {}
    with SessionStore.open(folder, clock=clock) as store:
        for n in range(count):
            session = sample(f"Client {n}", clock=clock)
            store.save(session)
            if twice[n % len(twice)]:
                clock.advance()
                session.answers["more"] = f"second save {n}"
                store.save(session)
            acknowledged[session.id] = store.get(session.id).to_record()
            clock.advance()
    return acknowledged


def use(folder: Path, acknowledged: dict[str, dict]) -> list:
    """What the app and the commands do with a folder; returns the notices of the first open."""
    clock = Clock()
    clock.advance(-86_400 * 365)  # imported copies are older than anything saved
    with SessionStore.open(folder, app_instance=True, clock=clock) as store:
        notices = list(store.notices)
        store.summaries()
        for session_id in acknowledged:
            with contextlib.suppress(StoreError):
                store.get(session_id)
        list(store.records())
        older = []
        for record in acknowledged.values():
            copy = dict(record, updated_at="2000-01-01T00:00:00+00:00", answers={"old": "copy"})
            older.append(Session.from_record(copy))
        with contextlib.suppress(StoreError):
            store.import_sessions(older)
        with contextlib.suppress(StoreError):
            store.save(sample("Someone new", clock=clock))
        notices += [n for n in store.notices if n not in notices]
    return notices


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), count=st.integers(1, 4), twice=st.lists(st.booleans(), min_size=1,
                                                                   max_size=4))
def test_every_acknowledged_session_is_readable_or_reported_and_kept(data, count, twice):
    base = Path(tempfile.mkdtemp(prefix="parting-damage-"))
    try:
        folder = base / "data"
        acknowledged = build(folder, count, twice)
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        chosen = data.draw(st.lists(st.sampled_from(files), min_size=1, max_size=4,
                                    unique=True), label="files")
        damaged: dict[Path, bytes | None] = {}
        for path in chosen:
            kind = data.draw(st.sampled_from(KINDS), label=f"damage to {path.name}")
            cut = data.draw(st.floats(0, 0.99), label="cut at")
            noise = data.draw(st.binary(max_size=64), label="noise")
            damaged[path] = damage(path, kind, cut, noise)

        notices = use(folder, acknowledged)
        with SessionStore.open(folder, clock=Clock()) as store:
            notices += list(store.notices)
            for session_id, record in acknowledged.items():
                path = folder / "sessions" / f"{session_id}.json"
                if path not in damaged:
                    assert store.get(session_id).to_record() == record, session_id
                    continue
                assert kept(path, damaged[path]), f"{path.name}: the damaged bytes are gone"
                assert any(n.path is not None and n.path.name.startswith(path.name)
                           for n in notices), f"{path.name}: damaged and never reported"
    finally:
        shutil.rmtree(base, ignore_errors=True)


def kept(path: Path, damaged: bytes | None) -> bool:
    """The damaged file is still there, unchanged: in place, or set aside beside it."""
    if damaged is None:
        return path.is_dir() and (path / "inside").read_bytes() == b"not parting's"
    for candidate in path.parent.iterdir():
        name = candidate.name
        if not (name == path.name or name.startswith(f"{path.name}.corrupt-")):
            continue
        if candidate.is_file():
            candidate.chmod(0o600)  # "no permission": read it as its owner would, after
            if candidate.read_bytes() == damaged:
                return True
    return False


def test_the_damage_file_itself_damaged_is_ignored(tmp_path):
    folder = tmp_path / "data"
    build(folder, 1, [False])
    (folder / DAMAGE_FILE).write_bytes(b"\xff\x00")
    os.chmod(folder / DAMAGE_FILE, 0o600)
    with SessionStore.open(folder, app_instance=True) as store:
        assert store.notices == [] and store.count() == 1
