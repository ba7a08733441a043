"""One JSON file per session: `sessions/<id>.json` holding `{"schema": N, "session": record}`.

One file per session is what keeps a save cheap: saving the session in progress writes a
couple of kilobytes, however many sessions are stored.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from store.atomic import backup_path, read_file, write_atomic
from store.index import Signature, signature
from store.migrate import DamagedDocument, upgrade, wrap
from store.sealing import Tampered
from store.validate import SAFE_ID, record_problem

SUFFIX = ".json"


def session_path(folder: Path, session_id: str) -> Path:
    """Where the session with this id lives (the id is checked to be a safe file name)."""
    if not SAFE_ID.fullmatch(session_id):
        raise KeyError(session_id)
    return folder / f"{session_id}{SUFFIX}"


def encode(record: dict[str, Any]) -> bytes:
    """The bytes of a session file for `record` (already validated)."""
    # Imported here: reading never needs orjson, and importing it costs a command ~20 ms.
    import orjson

    return orjson.dumps(wrap(record))


def decode(raw: bytes, expected_id: str | None = None) -> tuple[dict[str, Any], int]:
    """The record in a session file's bytes and the schema version the file had.

    Raises `DamagedDocument` (with a reason a person can read) or `NewerSchema`.
    """
    if not raw.strip():
        raise DamagedDocument("it is empty")
    try:
        # The standard library's parser reads what orjson wrote. It also accepts NaN, huge
        # integers and lone surrogates, which orjson never writes: `record_problem` below
        # turns those away, so what loads can always be saved again.
        document = json.loads(raw)
    except (ValueError, RecursionError):
        raise DamagedDocument("it is not readable JSON (it may have been cut short)") from None
    document, version = upgrade(document)
    record = document["session"]
    problem = record_problem(record)
    if problem:
        raise DamagedDocument(f"the session in it {problem}")
    if expected_id is not None and record["id"] != expected_id:
        raise DamagedDocument(f"it holds session {record['id']!r}, not {expected_id!r}")
    return record, version


def read(path: Path) -> tuple[dict[str, Any], int, Signature]:
    """Load one session file: its record, its original schema version and its signature."""
    try:
        raw, stat = read_file(path)
    except Tampered as problem:
        raise DamagedDocument(f"{problem} (it was changed or damaged)") from None
    sig = signature(stat)
    record, version = decode(raw, expected_id=path.name[: -len(SUFFIX)])
    return record, version, sig


def backup_loads(path: Path) -> bool:
    """True if `<path>.bak` exists and holds a readable session."""
    try:
        decode(read_file(backup_path(path))[0], expected_id=path.name[: -len(SUFFIX)])
    except Exception:
        return False
    return True


def check_replaceable(path: Path) -> None:
    """Raise OSError if something is at `path` that cannot be read back as a session file.

    A save or an import would otherwise rename it to `.bak` or write over it, and the newer
    text in it would be lost: a file parting may not read, one the disk fails to read, or a
    folder where the file should be. An absent file is fine.
    """
    try:
        # O_NONBLOCK: a pipe left where a file should be must not hang the save.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        while os.read(fd, 1 << 16):  # an I/O error shows only when the bytes are read
            pass
    finally:
        os.close(fd)


def write(path: Path, record: dict[str, Any], *, sync_dir: bool = True) -> Signature:
    """Write a session file atomically, keeping the previous one as `.bak`; return its signature."""
    write_atomic(path, encode(record), sync_dir=sync_dir)
    return signature(os.stat(path))


def scan(folder: Path) -> Iterator[tuple[str, Path, Signature]]:
    """Every session file in the folder: (id, path, signature). Skips backups and temp files."""
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or not name.endswith(SUFFIX):
                continue
            session_id = name[: -len(SUFFIX)]
            if not SAFE_ID.fullmatch(session_id):
                continue
            try:
                sig = signature(entry.stat(follow_symlinks=False))
            except FileNotFoundError:
                continue  # deleted by another process while we looked
            yield session_id, Path(entry.path), sig
