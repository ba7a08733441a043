"""`explain` says what the store reported in the reader's language, never raw or in English."""

from __future__ import annotations

import errno
import os

import pytest

from content import load_catalog
from store import BadImport, Notice, SessionStore, StoreError, StoreLocked, new_session
from store.errors import CODES, save_failed
from store.exchange import parse_document
from store.locks import FileLock
from tests.conftest import frozen_clock
from tests.i18n.screen_text import english_words
from tui.store_text import explain

# A plausible value for every param a code may carry: identifiers stay as they are.
SAMPLE = {"detail": "EIO", "folder": "/home/ana/.local/share/parting", "seconds": "5",
          "where": "answers.what_happened.said", "name": "breathing_pattern", "id": "a1b2c3",
          "client": "Ромашка", "date": "2026-11-20", "aside": "x.json.corrupt-1", "has_backup": 1,
          "n": 3, "ending": ".v1.bak", "mb": 200, "type": "list", "version": 9, "supported": 1,
          "field": "created_at", "other": 1, "line": 2, "column": 7, "file": "a1b2c3.json",
          "total": 5, "ids": "a1b2c3, d4e5f6", "cause": "disk_full"}


@pytest.mark.parametrize("lang", ["ru", "pt"])
@pytest.mark.parametrize("code", CODES)
def test_every_code_reads_in_the_language_with_every_placeholder_filled(lang, code):
    text = explain(load_catalog(lang), StoreError("An English sentence.", code=code,
                                                  params=SAMPLE))
    assert "{" not in text and "}" not in text, text
    assert text != "An English sentence."
    words = text
    for value in SAMPLE.values():  # paths and field names are the same in every language
        words = words.replace(str(value), " ")
    assert not english_words(words, ("no", "a", "for")), text


def test_an_error_without_a_code_keeps_its_english_message():
    assert explain(load_catalog("ru"), StoreError("Something odd.")) == "Something odd."


def test_an_unknown_code_falls_back_to_the_english_message():
    notice = Notice(kind="damaged", message="Odd file.", code="not_a_code")
    assert explain(load_catalog("pt"), notice) == "Odd file."


def test_english_reads_as_the_store_wrote_it_for_a_full_disk():
    failure = save_failed(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    assert explain(load_catalog("en"), failure) == str(failure)


@pytest.mark.parametrize(("lang", "expected"), [
    ("ru", "Диск заполнен"), ("pt", "O disco está cheio"), ("en", "The disk is full")])
def test_a_full_disk_is_told_in_the_language(lang, expected):
    failure = save_failed(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    assert failure.code == "disk_full"
    assert explain(load_catalog(lang), failure).startswith(expected)


def test_an_unknown_disk_error_names_the_system_code_not_its_english_text():
    failure = save_failed(OSError(errno.EIO, os.strerror(errno.EIO)))
    assert failure.code == "io_error" and failure.params == {"detail": "EIO"}
    assert "(EIO)" in explain(load_catalog("ru"), failure)


def test_russian_counts_of_upgraded_sessions_agree_with_the_number():
    ru = load_catalog("ru")
    told = {n: explain(ru, Notice(kind="migrated", message="", code="migrated",
                                  params={"n": n, "ending": ".v1.bak"})) for n in (1, 3, 5, 21)}
    assert told[1].startswith("1 сохранённая сессия переведена")
    assert told[3].startswith("3 сохранённые сессии переведены")
    assert told[5].startswith("5 сохранённых сессий")
    assert told[21].startswith("21 сохранённая сессия")


def test_notices_compare_by_what_they_say_and_stay_hashable():
    first = Notice(kind="newer", message="m", code="newer", params={"client": "A"})
    second = Notice(kind="newer", message="m", code="newer", params={"client": "A"})
    assert first == second and hash(first) == hash(second)
    assert first != Notice(kind="newer", message="m", code="damaged")
    assert Notice(kind="read_only", message="m").params == {}


def test_a_damaged_session_is_named_and_its_earlier_copy_offered_in_russian(tmp_path):
    data_dir = tmp_path / "data"
    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        session = new_session("dropped", client="Ромашка", clock=frozen_clock)
        store.save(session)
        store.save(session)
    (data_dir / "sessions" / f"{session.id}.json").write_bytes(b"{ cut")
    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        [notice] = store.notices
    assert notice.code == "damaged" and notice.params["has_backup"] == 1
    told = explain(load_catalog("ru"), notice)
    assert told.startswith("Не удалось прочитать файл сессии с клиентом «Ромашка» от "
                           "23 ноября 2026.")
    assert "Повреждённый файл сохранён под именем" in told
    assert told.endswith("Его предыдущее сохранение можно вернуть.")


def test_a_second_window_is_told_in_portuguese_that_it_cannot_save(tmp_path):
    first = SessionStore.open(tmp_path / "data", app_instance=True)
    second = SessionStore.open(tmp_path / "data", app_instance=True)
    try:
        [notice] = second.notices
        pt = load_catalog("pt")
        assert explain(pt, notice).startswith("O parting já está aberto em outra janela")
        with pytest.raises(StoreLocked) as refused:
            second.save(new_session("drop"))
        assert explain(pt, refused.value).startswith("O parting já está aberto")
    finally:
        second.close()
        first.close()


def test_a_busy_folder_is_told_in_russian_with_the_wait(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    lock = FileLock(folder / "sessions.lock")
    lock.acquire(1)
    try:
        with pytest.raises(StoreLocked) as busy:
            FileLock(folder / "sessions.lock").acquire(0.05)
    finally:
        lock.close()
    assert busy.value.code == "busy" and busy.value.params["seconds"] == "0.05"
    assert "занята другим процессом parting; ждали 0.05 с" in explain(load_catalog("ru"),
                                                                       busy.value)


def test_a_wrong_json_type_is_named_in_the_language():
    with pytest.raises(BadImport) as refused:
        parse_document(b"[1, 2]")
    assert "«список»" in explain(load_catalog("ru"), refused.value)
    assert "list, not a parting export" in explain(load_catalog("en"), refused.value)


def test_control_characters_in_a_client_name_are_shown_not_obeyed():
    notice = Notice(kind="newer", message="", code="newer",
                    params={"client": "Acme\x1b]0;pwned\x07", "date": "2026-11-20"})
    told = explain(load_catalog("pt"), notice)
    assert "\x1b" not in told and "\x07" not in told and "␛" in told
