"""A locked folder: every file encrypted, the passphrase needed, tampering caught."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from store import FolderLocked, SessionNotFound, SessionStore, sealing
from store.conversion import change_passphrase, lock_folder, unlock_folder
from tests.locked.conftest import restart, watch_temp_files
from tests.store.conftest import sample

WORD = "Zanzibarquux"


def filled(directory: Path, n: int = 3) -> list[str]:
    ids = []
    with SessionStore.open(directory) as store:
        for i in range(n):
            session = sample(client=f"{WORD}{i}", what_happened=f"{WORD} said no")
            store.save(session)
            store.save(session)  # a .bak and a journal line too
            ids.append(session.id)
    return ids


def every_byte(directory: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(directory.rglob("*")) if p.is_file()]


def test_locked_folder_holds_no_plaintext_and_opens_only_with_the_passphrase(tmp_path):
    ids = filled(tmp_path)
    lock_folder(tmp_path, "correct horse")
    for path, data in every_byte(tmp_path):
        assert WORD.encode() not in data, path
    restart(tmp_path)
    with pytest.raises(FolderLocked):
        SessionStore.open(tmp_path)
    with pytest.raises(sealing.WrongPassphrase):
        sealing.unlock_with_passphrase(tmp_path, "wrong horse")
    sealing.unlock_with_passphrase(tmp_path, "correct horse")
    with SessionStore.open(tmp_path) as store:
        assert sorted(s.id for s in store.summaries()) == sorted(ids)
        assert store.get(ids[0]).answers["what_happened"] == f"{WORD} said no"
        assert store.notices == []


def test_a_save_in_a_locked_folder_writes_no_plaintext_even_in_its_temporary_files(
        tmp_path, monkeypatch):
    filled(tmp_path, 1)
    lock_folder(tmp_path, "pw")
    seen = watch_temp_files(monkeypatch)
    with SessionStore.open(tmp_path) as store:
        session = sample(client="Newclient", what_happened=f"{WORD} typed today")
        store.save(session)
        session.answers["more"] = WORD * 3
        store.save(session)
        session.status = "done"
        store.save(session)
    assert seen
    assert all(WORD.encode() not in data for data in seen)
    for path, data in every_byte(tmp_path):
        assert WORD.encode() not in data, path


def test_each_write_uses_a_fresh_nonce(tmp_path):
    sealing.remember_key(tmp_path, os.urandom(32), sealing.SEALED)
    a = sealing.seal_bytes(sealing.key_for(tmp_path).key, b"same")
    b = sealing.seal_bytes(sealing.key_for(tmp_path).key, b"same")
    assert a[6:18] != b[6:18] and a != b


def test_changing_the_passphrase_rewrites_only_the_key_file(tmp_path):
    filled(tmp_path)
    lock_folder(tmp_path, "old")
    before = {p: (p.stat().st_ino, p.read_bytes()) for p, _ in every_byte(tmp_path)
              if p.name != sealing.SEAL_FILE}
    time.sleep(0.01)
    change_passphrase(tmp_path, "old", "new")
    after = {p: (p.stat().st_ino, p.read_bytes()) for p, _ in every_byte(tmp_path)
             if p.name != sealing.SEAL_FILE}
    assert before == after
    restart(tmp_path)
    with pytest.raises(sealing.WrongPassphrase):
        sealing.unlock_with_passphrase(tmp_path, "old")
    sealing.unlock_with_passphrase(tmp_path, "new")
    with SessionStore.open(tmp_path) as store:
        assert store.count() == 3


def test_a_wrong_passphrase_changes_nothing(tmp_path):
    filled(tmp_path)
    lock_folder(tmp_path, "right")
    before = every_byte(tmp_path)
    restart(tmp_path)
    for attempt in (change_passphrase, unlock_folder):
        with pytest.raises(sealing.WrongPassphrase):
            attempt(tmp_path, "wrong", *(["x"] if attempt is change_passphrase else []))
    assert every_byte(tmp_path) == before


def test_unlocking_writes_every_file_back_in_plain_text(tmp_path):
    ids = filled(tmp_path)
    lock_folder(tmp_path, "pw")
    restart(tmp_path)
    unlock_folder(tmp_path, "pw")
    restart(tmp_path)
    assert not (tmp_path / sealing.SEAL_FILE).exists()
    for path, data in every_byte(tmp_path):
        assert not sealing.is_sealed(data), path
    with SessionStore.open(tmp_path) as store:
        assert sorted(s.id for s in store.summaries()) == sorted(ids)
        assert store.notices == []


@pytest.mark.parametrize("victim", ["session", "backup", "index", "journal", "digest"])
def test_a_changed_byte_in_an_encrypted_file_is_caught_reported_and_kept_aside(
        tmp_path, victim):
    ids = filled(tmp_path)
    lock_folder(tmp_path, "pw")
    with SessionStore.open(tmp_path) as store:  # a journal line written after locking
        session = store.get(ids[0])
        session.answers["note"] = "one more line"
        store.save(session)
    path = {"session": tmp_path / "sessions" / f"{ids[1]}.json",
            "backup": tmp_path / "sessions" / f"{ids[0]}.json.bak",
            "index": tmp_path / "index.json",
            "journal": tmp_path / "index.log",
            "digest": tmp_path / "digest.json"}[victim]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    restart(tmp_path)
    sealing.unlock_with_passphrase(tmp_path, "pw")
    with SessionStore.open(tmp_path) as store:
        clients = [s.client for s in store.summaries()]
        messages = " ".join(n.message for n in store.notices)
        if victim == "session":
            assert f"{WORD}1" not in clients
            assert "authentication" in messages
            assert list((tmp_path / "sessions").glob(f"{ids[1]}.json.corrupt-*"))
        elif victim == "backup":
            store.get(ids[0])
            from store import session_files
            assert not session_files.backup_loads(tmp_path / "sessions" / f"{ids[0]}.json")
        elif victim == "digest":
            assert sorted(clients) == sorted(f"{WORD}{i}" for i in range(3))
            assert [n.code for n in store.notices] == ["digest_tampered"]
            assert "nothing was lost" in messages
            assert list(tmp_path.glob("digest.json.corrupt-*"))
        else:
            assert sorted(clients) == sorted(f"{WORD}{i}" for i in range(3))
            assert "changed or damaged" in messages
            assert list(tmp_path.glob(f"{path.name}.corrupt-*"))
    if victim == "digest":  # the next app to open the folder is told too
        restart(tmp_path)
        sealing.unlock_with_passphrase(tmp_path, "pw")
        with SessionStore.open(tmp_path) as store:
            assert [n.code for n in store.notices] == ["digest_tampered"]
    for _path, data in every_byte(tmp_path):
        assert WORD.encode() not in data


def test_a_plain_file_slipped_into_a_locked_folder_is_not_shown(tmp_path):
    ids = filled(tmp_path, 2)
    lock_folder(tmp_path, "pw")
    forged = tmp_path / "sessions" / f"{ids[0]}.json"
    restart(tmp_path)
    sealing.unlock_with_passphrase(tmp_path, "pw")
    with SessionStore.open(tmp_path) as store:
        good = store.get_record(ids[1])
    import orjson
    good["client"] = "Forged"
    good["id"] = ids[0]
    forged.write_bytes(orjson.dumps({"schema": 1, "session": good}))
    restart(tmp_path)
    sealing.unlock_with_passphrase(tmp_path, "pw")
    with SessionStore.open(tmp_path) as store:
        with pytest.raises(SessionNotFound):
            store.get(ids[0])
        assert "Forged" not in [s.client for s in store.summaries()]
        assert any("not encrypted" in n.message for n in store.notices), store.notices


def test_the_real_scrypt_cost_takes_about_a_quarter_of_a_second():
    from tests.locked import conftest

    assert conftest.FAST_N < 2 ** 15
    start = time.perf_counter()
    sealing.stretch("a passphrase", b"0" * 16, 2 ** 15, 8, 1)
    # Shared test machines are slow and noisy: only far too fast or far too slow fails.
    assert 0.02 < time.perf_counter() - start < 5


def test_a_locked_folder_without_its_key_file_is_named_and_nothing_is_set_aside(tmp_path):
    from store import StoreError

    filled(tmp_path, 3)
    lock_folder(tmp_path, "pw")
    key_file = tmp_path / sealing.SEAL_FILE
    kept = key_file.read_bytes()
    key_file.unlink()
    restart(tmp_path)
    before = every_byte(tmp_path)
    with pytest.raises(StoreError) as raised:
        SessionStore.open(tmp_path)
    assert raised.value.code == "key_file_missing"
    assert every_byte(tmp_path) == before
    key_file.write_bytes(kept)
    restart(tmp_path)
    sealing.unlock_with_passphrase(tmp_path, "pw")
    with SessionStore.open(tmp_path) as store:
        assert store.count() == 3
        assert not [n for n in store.notices if n.kind == "damaged"]
