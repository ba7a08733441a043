"""The index: a TinyDB table of session summaries, so the history list never opens 10,000 files.

It is a cache of the session files. Each row also records the signature (inode, size,
mtime) of the session file it was made from, so a row that fell behind (a crash between
writing the session and the index, or a save that only changed `updated_at`) is noticed
and refreshed from the file on open.

TinyDB keeps the table; `OrjsonStorage` is its storage: orjson instead of json (about four
times faster on this table), atomic replacement instead of TinyDB's in-place rewrite, and
a re-read whenever another process has replaced the file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from store.atomic import write_atomic

INDEX_SCHEMA = 1
TABLE = "summaries"
# The fields a summary carries. updated_at is among them but alone does not justify
# rewriting the index; see `needs_rewrite`.
SUMMARY_FIELDS = ("id", "flow", "client", "created_at", "updated_at", "status", "lang",
                  "outcome", "step", "reminders")
SLOW_FIELDS = tuple(f for f in SUMMARY_FIELDS if f != "updated_at")

Signature = tuple[int, int, int, int]


class IndexUnreadable(Exception):
    """The index file is damaged; the message says how."""


class IndexTooNew(Exception):
    """The index was written by a newer parting and must not be touched."""


def signature(stat: os.stat_result) -> Signature:
    """What changes whenever a file is replaced or rewritten."""
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


def summary_row(record: dict[str, Any], file_sig: Signature | None) -> dict[str, Any]:
    """An index row: the record without its answers, plus its file's signature."""
    row = {name: record.get(name) for name in SUMMARY_FIELDS}
    row["reminders"] = list(record.get("reminders") or [])
    row["file"] = list(file_sig) if file_sig else None
    return row


def needs_rewrite(old: dict[str, Any] | None, new: dict[str, Any]) -> bool:
    """True when the index must be rewritten for this row: anything but the time moved."""
    return old is None or any(old.get(f) != new.get(f) for f in SLOW_FIELDS)


class OrjsonStorage(Storage):
    """A TinyDB storage that writes atomically and reloads when the file changes under it."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.generation = 0  # bumped whenever the data in memory changes
        self._data: dict[str, dict[str, Any]] | None = None
        self._sig: Signature | None = None

    def current_signature(self) -> Signature | None:
        try:
            return signature(os.stat(self.path))
        except FileNotFoundError:
            return None

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The tables, from memory if the file has not changed since we last saw it."""
        sig = self.current_signature()
        if sig is not None and sig == self._sig and self._data is not None:
            return self._data
        if sig is None:
            if self._sig is not None or self._data is not None:
                self.generation += 1
            self._data, self._sig = None, None
            return None
        with open(self.path, "rb") as handle:
            # The signature of what we actually read, not of what stat saw a moment ago.
            sig = signature(os.fstat(handle.fileno()))
            raw = handle.read()
        self._data = _parse(raw)
        self._sig = sig
        self.generation += 1
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Replace the file with `data`; on failure forget the memory copy, so nothing stale is served."""
        if self.read_only:
            raise PermissionError("the index is open read-only")
        payload = orjson.dumps({"schema": INDEX_SCHEMA, "tables": data})
        try:
            write_atomic(self.path, payload)
            self._sig = self.current_signature()
            self._data = data
        except BaseException:
            self._data, self._sig = None, None
            raise
        finally:
            self.generation += 1

    def forget(self) -> None:
        """Drop the memory copy; the next read loads from disk."""
        self._data, self._sig = None, None
        self.generation += 1


def _parse(raw: bytes) -> dict[str, dict[str, Any]]:
    if not raw.strip():
        raise IndexUnreadable("it is empty")
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise IndexUnreadable(f"it is not valid JSON ({error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("schema"), int):
        raise IndexUnreadable("it has no schema version")
    if document["schema"] > INDEX_SCHEMA:
        raise IndexTooNew(f"schema {document['schema']}")
    tables = document.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        raise IndexUnreadable("it has no tables")
    for row in tables.get(TABLE, {}).values():
        if not (isinstance(row, dict) and isinstance(row.get("id"), str)
                and isinstance(row.get("created_at"), str)):
            raise IndexUnreadable("a row is not a session summary")
    return tables


class Index:
    """Summary rows by session id, kept in a TinyDB table in `index.json`."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.db = TinyDB(path, storage=OrjsonStorage, read_only=read_only)
        self.storage: OrjsonStorage = self.db.storage  # type: ignore[assignment]
        # No query cache: another process may change the file between two queries.
        self.table = self.db.table(TABLE, cache_size=0)
        self._rows: dict[str, dict[str, Any]] | None = None
        self._rows_generation = -1

    @property
    def generation(self) -> int:
        return self.storage.generation

    def exists(self) -> bool:
        return self.storage.current_signature() is not None

    def rows(self) -> dict[str, dict[str, Any]]:
        """Rows by session id, reloaded if the file changed. Raises IndexUnreadable/IndexTooNew."""
        self.storage.read()  # reloads if the file changed; bumps the generation
        if self._rows is None or self._rows_generation != self.storage.generation:
            self._rows = {doc["id"]: dict(doc) for doc in self.table.all()}
            self._rows_generation = self.storage.generation
        return self._rows

    def apply(self, upserts: dict[str, dict[str, Any]], removals: set[str] | frozenset[str] = frozenset()) -> None:
        """Insert or replace rows and remove others, in one write of the file.

        This is one read-modify-write of the whole database through the storage, rather than
        `Table.upsert` per row, so a batch costs one write and the keys are converted once.
        Call with the write lock held.
        """
        tables = dict(self.storage.read() or {})
        raw = dict(tables.get(TABLE, {}))
        keys = {row["id"]: key for key, row in raw.items()}
        next_key = max((int(k) for k in raw), default=0) + 1
        for session_id in removals:
            key = keys.pop(session_id, None)
            if key is not None:
                del raw[key]
        for session_id, row in upserts.items():
            key = keys.get(session_id)
            if key is None:
                key, next_key = str(next_key), next_key + 1
                keys[session_id] = key
            raw[key] = row
        tables[TABLE] = raw
        self.storage.write(tables)

    def replace_all(self, rows: dict[str, dict[str, Any]]) -> None:
        """Write a fresh index holding exactly `rows` (after a rebuild)."""
        self.storage.write({TABLE: {str(n): row for n, row in enumerate(rows.values(), 1)}})

    def close(self) -> None:
        self.db.close()
