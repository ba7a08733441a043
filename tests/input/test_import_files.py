"""`parting import` given files it must refuse: huge, cut short, of the wrong shape, from a
newer parting, not text at all. Each is refused with a message that says why, and the
data folder is left exactly as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import orjson
import pytest

from store import SessionStore, new_session
from store.exchange import MAX_BYTES, dumps_document, export_document
from tests.conftest import frozen_clock
from tui.cli import main


def folder_state(data_dir: Path) -> dict[str, str]:
    """Every session file and the index, by name, with a hash of their bytes."""
    files = [*data_dir.glob("sessions/*"), data_dir / "index.json"]
    return {str(p.relative_to(data_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in files if p.exists()}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder that already holds two sessions."""
    folder = tmp_path / "data"
    with SessionStore.open(folder, clock=frozen_clock) as store:
        for client in ("Acme", "Globex"):
            session = new_session("dropped", client=client, clock=frozen_clock)
            session.answers = {"what_happened": {"client": client}}
            store.save(session)
    return folder


def good_export(n: int = 3) -> bytes:
    sessions = []
    for i in range(n):
        session = new_session("drop", client=f"Imported {i}", clock=frozen_clock)
        session.answers = {"note": {"text": "x" * 200}}
        sessions.append(session)
    return dumps_document(export_document(sessions, clock=frozen_clock))


def with_document(change) -> bytes:
    document = orjson.loads(good_export())
    change(document)
    return orjson.dumps(document)


BAD_FILES = {
    "empty": (lambda: b"", "empty"),
    "cut short": (lambda: good_export()[: len(good_export()) // 2], "cut short"),
    "cut at the last brace": (lambda: good_export().rstrip()[:-1], "cut short"),
    "not JSON": (lambda: b"name,client\nAcme,1\n", "not valid JSON"),
    "not UTF-8": (lambda: "Клиент".encode("cp1251") + b'"', "not UTF-8"),
    "a list": (lambda: b"[1, 2, 3]", "list, not a parting export"),
    "another program's JSON": (lambda: b'{"format": "tinydb", "_default": {}}',
                               "not a parting export"),
    "newer version": (lambda: with_document(lambda d: d.update(version=99)), "newer parting"),
    "version is text": (lambda: with_document(lambda d: d.update(version="2")), "not a version"),
    "sessions not a list": (lambda: with_document(lambda d: d.update(sessions={})), "not a list"),
    "a session of the wrong shape": (
        lambda: with_document(lambda d: d["sessions"].append({"id": "x"})),
        "Nothing was imported"),
    "an id that climbs out of the folder": (
        lambda: with_document(lambda d: d["sessions"][0].update(id="../../etc/passwd")),
        "Nothing was imported"),
    "a repeated id": (
        lambda: with_document(lambda d: d["sessions"].append(d["sessions"][0])), "same id"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_import_file_is_refused_and_nothing_changes(data_dir, tmp_path, capsys, kind):
    make, reason = BAD_FILES[kind]
    source = tmp_path / "import.json"
    source.write_bytes(make())
    before = folder_state(data_dir)

    assert main(["--data-dir", str(data_dir), "import", str(source)]) == 1

    err = capsys.readouterr().err
    assert "Nothing was imported" in err and reason in err, err
    assert folder_state(data_dir) == before


def test_a_file_larger_than_any_export_is_refused_without_reading_it_all(data_dir, tmp_path,
                                                                        capsys):
    source = tmp_path / "huge.json"
    with source.open("wb") as handle:  # sparse: takes no disk space
        handle.truncate(MAX_BYTES * 20)
    before = folder_state(data_dir)

    assert main(["--data-dir", str(data_dir), "import", str(source)]) == 1

    assert "larger than" in capsys.readouterr().err
    assert folder_state(data_dir) == before


def test_a_missing_file_is_reported_plainly(data_dir, tmp_path, capsys):
    assert main(["--data-dir", str(data_dir), "import", str(tmp_path / "nope.json")]) == 1
    assert "Could not read" in capsys.readouterr().err


def test_a_good_file_still_imports_after_all_that(data_dir, tmp_path, capsys):
    source = tmp_path / "good.json"
    source.write_bytes(good_export(3))
    assert main(["--data-dir", str(data_dir), "import", str(source)]) == 0
    assert "3 added" in capsys.readouterr().out
    with SessionStore.open(data_dir) as store:
        assert store.count() == 5
