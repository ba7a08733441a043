"""Export documents, the checks on import files, and how an import merges into a store."""

from __future__ import annotations

import copy

import orjson
import pytest

from store import BadImport, ImportResult, Session, SessionStore, UnsafeValue
from store.exchange import MAX_BYTES, dumps_document, export_document, parse_document
from store.index import Index
from store.locks import FileLock
from tests.store.conftest import Clock, sample


def full_session() -> Session:
    """A session with every field set to something unusual."""
    return Session(
        id="f2b7c3e0-0000-4000-8000-000000000001", flow="drop", client="Zoë & Søn — العميل 😢",
        created_at="2024-02-29T23:59:59-03:00", updated_at="2024-03-01T10:00:00+05:30",
        status="done", lang="pt",
        answers={"feelings": ["alívio", "culpa"], "score": 7, "ratio": 0.25, "nested": {
            "ok": True, "none": None, "text": "line\nbreak\ttab"}},
        reminders=[{"id": "r1", "due": "2024-04-01", "what": "Mandar a fatura final",
                    "done": False, "kind": "invoice"}],
        step="exit_script", outcome="scope_creep")


def document(**overrides) -> bytes:
    doc = export_document([full_session()])
    doc.update(overrides)
    return dumps_document(doc)


def test_export_then_parse_round_trips_every_field(clock: Clock) -> None:
    original = full_session()
    data = dumps_document(export_document([original], clock=clock))
    assert parse_document(data) == [original]


def test_export_is_pretty_utf8_with_non_ascii_kept(clock: Clock) -> None:
    data = dumps_document(export_document([full_session()], clock=clock))
    text = data.decode("utf-8")
    assert "Zoë & Søn — العميل 😢" in text and "\\u" not in text
    assert text.startswith('{\n  "format": "parting",\n  "version": 1,\n')
    doc = orjson.loads(data)
    assert doc["exported_at"].startswith("2025-03-14")


def test_export_refuses_values_json_cannot_hold() -> None:
    session = sample(score=float("nan"))
    with pytest.raises(UnsafeValue, match="answers.score"):
        export_document([session])


def test_store_export_import_round_trip(tmp_path) -> None:
    with SessionStore.open(tmp_path / "a") as source:
        originals = [full_session(), sample(client="Пётр")]
        source.import_sessions(originals)
        data = dumps_document(export_document(source.sessions()))
    with SessionStore.open(tmp_path / "b") as target:
        assert target.import_sessions(parse_document(data)) == ImportResult(2, 0, 0)
        assert sorted(target.sessions(), key=lambda s: s.id) == sorted(
            originals, key=lambda s: s.id)


def record(**changes) -> dict:
    base = full_session().to_record()
    base.update(changes)
    return base


def with_sessions(*records) -> bytes:
    return orjson.dumps({"format": "parting", "version": 1, "exported_at": "x",
                         "sessions": list(records)})


BAD_IMPORTS = [
    (b"", "The file is empty"),
    (b"   \n", "The file is empty"),
    (document()[:-40], "cut short"),
    (b"Name,Client\nAna,Acme\n", "not valid JSON"),
    (b"\xff\xfe{\x00", "not UTF-8"),
    (b"[1, 2]", "holds a JSON list, not a parting export"),
    (orjson.dumps({"format": "other", "version": 1, "sessions": []}), "its format is 'other'"),
    (orjson.dumps({"version": 1, "sessions": []}), "it has no format tag"),
    (document(version=2), "exported by a newer parting"),
    (document(version="1"), "version '1' is not a version number"),
    (document(sessions={"a": 1}), '"sessions" is a object, not a list'),
    (with_sessions("hello"), "Session 1 is a str, not an object"),
    (with_sessions(record(), {k: v for k, v in record(id="b").items() if k != "flow"}),
     "Session 2 (id 'b') is missing the field 'flow'"),
    (with_sessions(record(client=5)), "client = 5; expected text"),
    (with_sessions(record(flow="ghosted")), "flow = 'ghosted'; expected one of dropped, drop"),
    (with_sessions(record(status="paused")), "status = 'paused'; expected one of"),
    (with_sessions(record(created_at="last tuesday")), "created_at = 'last tuesday'"),
    (with_sessions(record(answers=[])), "answers = []; expected an object"),
    (with_sessions(record(reminders=[{"due": 20240401}])), "reminders[0].due = 20240401"),
    (with_sessions(record(reminders=[{"done": "no"}])), "reminders[0].done = 'no'"),
    (with_sessions(record(step=1)), "step = 1; expected text or null"),
    (with_sessions(record(outcome=["x"])), "outcome = ['x']; expected text or null"),
    (with_sessions(record(id="../../x")), "has id = '../../x'"),
    (with_sessions(record(), record()), "Session 2 has the same id as session 1"),
]


@pytest.mark.parametrize(("data", "message"), BAD_IMPORTS, ids=[m for _, m in BAD_IMPORTS])
def test_bad_import_says_exactly_what_is_wrong(data: bytes, message: str) -> None:
    with pytest.raises(BadImport) as caught:
        parse_document(data)
    assert message in str(caught.value)


def test_import_file_over_200_mb_is_refused_before_parsing() -> None:
    class Huge(bytes):
        def __len__(self) -> int:
            return MAX_BYTES + 1
    with pytest.raises(BadImport, match="larger than 200 MB"):
        parse_document(Huge(b"{}"))


def test_import_adds_new_updates_newer_and_keeps_the_rest(store: SessionStore) -> None:
    kept_newer = sample(client="kept newer")
    kept_newer.updated_at = "2025-01-02T12:00:00+00:00"
    to_update = sample(client="to update")
    to_update.updated_at = "2025-01-01T12:00:00+00:00"
    same = sample(client="same")
    for session in (kept_newer, to_update, same):
        store.save(session, touch=False)

    older_copy = copy.deepcopy(kept_newer)
    older_copy.updated_at = "2025-01-01T12:00:00+00:00"
    older_copy.answers["lost"] = "should not replace"
    newer_copy = copy.deepcopy(to_update)
    newer_copy.updated_at = "2025-01-01T09:30:00-04:00"  # 13:30Z, yet sorts lower as text
    newer_copy.answers["new"] = "should replace"
    brand_new = sample(client="brand new")

    result = store.import_sessions([older_copy, newer_copy, copy.deepcopy(same), brand_new])
    assert result == ImportResult(added=1, updated=1, unchanged=2)
    assert store.get(kept_newer.id) == kept_newer
    assert store.get(to_update.id) == newer_copy  # updated_at not touched by the import
    assert store.get(brand_new.id) == brand_new
    assert store.count() == 4


def test_import_of_an_older_time_with_a_later_looking_string_is_unchanged(
        store: SessionStore) -> None:
    current = sample()
    current.updated_at = "2025-01-01T12:00:00+00:00"
    store.save(current, touch=False)
    stale = copy.deepcopy(current)
    stale.updated_at = "2025-01-01T13:00:00+02:00"  # 11:00Z: earlier, though "13" > "12"
    stale.answers["x"] = 1
    assert store.import_sessions([stale]) == ImportResult(0, 0, 1)
    assert store.get(current.id) == current


def test_import_takes_the_lock_once_and_writes_the_index_once(store: SessionStore,
                                                               monkeypatch) -> None:
    counts = {"lock": 0, "index": 0}
    real_acquire, real_apply = FileLock.acquire, Index.apply

    def acquire(self, wait):
        counts["lock"] += 1
        return real_acquire(self, wait)

    def apply(self, upserts, removals=frozenset()):
        counts["index"] += 1
        return real_apply(self, upserts, removals)
    monkeypatch.setattr(FileLock, "acquire", acquire)
    monkeypatch.setattr(Index, "apply", apply)
    result = store.import_sessions(sample(client=f"c{n}") for n in range(200))
    assert result == ImportResult(200, 0, 0)
    assert counts == {"lock": 1, "index": 1}
    assert store.count() == 200


def test_import_with_one_bad_session_writes_nothing(store: SessionStore) -> None:
    good, bad = sample(), sample(score=float("inf"))
    with pytest.raises(UnsafeValue, match="answers.score"):
        store.import_sessions([good, bad])
    assert store.count() == 0


def test_import_into_a_read_only_window_is_refused(data_dir) -> None:
    from store import StoreLocked
    with SessionStore.open(data_dir, app_instance=True), \
            SessionStore.open(data_dir, app_instance=True) as second, pytest.raises(StoreLocked):
        second.import_sessions([sample()])
