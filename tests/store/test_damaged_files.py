"""Damaged files never stop the store from opening; they are kept aside, and backups offered."""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest

from store import SessionNotFound, SessionStore, StoreError
from store.settings import Settings, load_settings, save_settings
from tests.store.conftest import sample

ASIDE = re.compile(r"\.corrupt-\d{8}T\d{6}Z(-\d+)?$")


def valid_bytes() -> bytes:
    return orjson.dumps({"schema": 1, "session": sample().to_record()})


DAMAGE = {
    "empty": b"",
    "truncated": valid_bytes()[:57],
    "not-json": b"Dear diary, today the client left.",
    "json-list": b"[1, 2, 3]",
    "no-session-inside": b'{"schema": 1, "session": 5}',
    "wrong-field-type": orjson.dumps({"schema": 1, "session": {
        **sample().to_record(), "answers": "should be an object"}}),
    "bad-schema-value": b'{"schema": "one", "session": {}}',
    "binary-garbage": bytes(range(256)) * 4,
    "nul-bytes": b"\x00" * 512,
}


def saved_twice(data_dir: Path):
    """A store with one session saved twice, so its file has a .bak of the first save."""
    with SessionStore.open(data_dir) as store:
        session = sample()
        store.save(session)
        first = store.get(session.id)
        session.answers["second"] = "answer"
        store.save(session)
    return session, first


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_session_file_is_set_aside_and_its_backup_offered(data_dir: Path,
                                                                    kind: str) -> None:
    session, first = saved_twice(data_dir)
    path = data_dir / "sessions" / f"{session.id}.json"
    path.write_bytes(DAMAGE[kind])
    (data_dir / "index.json").unlink()  # force the file to be read on open
    with SessionStore.open(data_dir, app_instance=True) as store:
        (notice,) = [n for n in store.notices if n.kind == "damaged"]
        assert notice.path is not None and ASIDE.search(notice.path.name)
        assert notice.path.read_bytes() == DAMAGE[kind]  # kept, byte for byte
        assert not path.exists()
        assert notice.backup == path.with_name(path.name + ".bak")
        assert "could not be read" in notice.message and "restored" in notice.message
        assert store.count() == 0
        store.restore_backup(notice)
        assert store.get(session.id) == first
        assert [s.id for s in store.summaries()] == [session.id]
        assert notice not in store.notices
        assert notice.path.exists()  # restoring never deletes the damaged copy


def test_damage_found_by_get_after_open_is_reported_not_raised_as_crash(
        data_dir: Path) -> None:
    session, _first = saved_twice(data_dir)
    with SessionStore.open(data_dir) as store:
        (data_dir / "sessions" / f"{session.id}.json").write_bytes(b"{broken")
        with pytest.raises(SessionNotFound):
            store.get(session.id)
        assert [n.kind for n in store.notices] == ["damaged"]
        assert "The session with Acme" in store.notices[0].message
        assert store.count() == 0


def test_damaged_file_without_backup_says_so(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        session = sample()
        store.save(session)
    (data_dir / "sessions" / f"{session.id}.json").write_bytes(b"")
    with SessionStore.open(data_dir) as store:
        (notice,) = store.notices
        assert notice.backup is None
        assert "No earlier copy" in notice.message
        with pytest.raises(StoreError):
            store.restore_backup(notice)


def test_two_damaged_copies_in_the_same_second_both_survive(data_dir: Path) -> None:
    session, _first = saved_twice(data_dir)
    path = data_dir / "sessions" / f"{session.id}.json"
    for content in (b"first damage", b"second damage"):
        path.write_bytes(content)
        with SessionStore.open(data_dir) as store:
            assert store.notices[0].kind == "damaged"
    kept = sorted(p.read_bytes() for p in path.parent.iterdir() if ASIDE.search(p.name))
    assert b"first damage" in kept and b"second damage" in kept


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_index_is_set_aside_and_rebuilt(data_dir: Path, kind: str) -> None:
    with SessionStore.open(data_dir) as store:
        ids = set()
        for n in range(3):
            session = sample(client=f"c{n}")
            store.save(session)
            ids.add(session.id)
    (data_dir / "index.json").write_bytes(DAMAGE[kind])
    with SessionStore.open(data_dir) as store:
        assert {s.id for s in store.summaries()} == ids
        (notice,) = store.notices
        assert notice.kind == "damaged" and "nothing was lost" in notice.message
        assert ASIDE.search(notice.path.name) and notice.path.read_bytes() == DAMAGE[kind]
        assert orjson.loads((data_dir / "index.json").read_bytes())["schema"] == 1


def test_index_damaged_while_open_is_rebuilt_on_next_read(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        session = sample()
        store.save(session)
        (data_dir / "index.json").write_bytes(b"\x00garbage")
        assert [s.id for s in store.summaries()] == [session.id]
        assert store.notices[0].kind == "damaged"


def test_session_from_a_newer_parting_is_left_untouched_and_reported(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        store.save(sample())
    future = orjson.dumps({"schema": 99, "session": {"id": "from-the-future"}})
    path = data_dir / "sessions" / "from-the-future.json"
    path.write_bytes(future)
    with SessionStore.open(data_dir) as store:
        (notice,) = store.notices
        assert notice.kind == "newer" and notice.path == path
        assert "newer version of parting" in notice.message
        assert path.read_bytes() == future
        assert "from-the-future" not in {s.id for s in store.summaries()}
        assert store.count() == 1


def test_index_from_a_newer_parting_makes_the_store_read_only(data_dir: Path) -> None:
    with SessionStore.open(data_dir) as store:
        session = sample()
        store.save(session)
    future = b'{"schema": 7, "tables": {}}'
    (data_dir / "index.json").write_bytes(future)
    with SessionStore.open(data_dir) as store:
        assert store.read_only
        assert [s.id for s in store.summaries()] == [session.id]
    assert (data_dir / "index.json").read_bytes() == future


def test_bare_record_of_schema_0_is_migrated_keeping_a_copy(data_dir: Path) -> None:
    (data_dir / "sessions").mkdir(parents=True)
    session = sample()
    old = orjson.dumps(session.to_record())  # version 0: the record with no wrapper
    path = data_dir / "sessions" / f"{session.id}.json"
    path.write_bytes(old)
    with SessionStore.open(data_dir) as store:
        assert store.get(session.id) == session
        (notice,) = store.notices
        assert notice.kind == "migrated"
        assert notice.backup == path.with_name(path.name + ".v0.bak")
    assert notice.backup.read_bytes() == old
    assert orjson.loads(path.read_bytes()) == {"schema": 1, "session": session.to_record()}
    with SessionStore.open(data_dir) as store:
        assert store.notices == []  # migrated once, not every time


def test_migrations_step_from_every_old_version_to_the_current_one() -> None:
    from store.migrate import MIGRATIONS, SCHEMA_VERSION, upgrade
    assert set(MIGRATIONS) == set(range(SCHEMA_VERSION))
    record = sample().to_record()
    assert upgrade(record) == ({"schema": SCHEMA_VERSION, "session": record}, 0)


def test_damaged_settings_read_as_defaults_and_are_kept_on_next_save(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(b"{not json")
    assert load_settings(tmp_path) == Settings()
    save_settings(tmp_path, Settings(theme="nord", reduced_motion=True))
    assert load_settings(tmp_path) == Settings(theme="nord", reduced_motion=True)
    assert (tmp_path / "settings.json.bak").read_bytes() == b"{not json"


def test_settings_with_odd_fields_keep_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(
        b'{"theme": 5, "lang": "pt", "reduced_motion": "yes", "breathing_pattern": "4-7-8"}')
    assert load_settings(tmp_path) == Settings(lang="pt", breathing_pattern="4-7-8")
