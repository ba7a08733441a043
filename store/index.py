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

import contextlib
import os
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from store.atomic import FILE_MODE, backup_path, fsync_dir, write_atomic

INDEX_SCHEMA = 1
TABLE = "summaries"
# The fields a summary carries. updated_at is among them but alone does not justify
# rewriting the index; see `needs_rewrite`.
SUMMARY_FIELDS = ("id", "flow", "client", "created_at", "updated_at", "status", "lang",
                  "outcome", "step", "reminders")
SLOW_FIELDS = tuple(f for f in SUMMARY_FIELDS if f != "updated_at")
# The journal is folded into the table once it passes this size or an eighth of the table:
# replaying it stays cheap, and a rewrite happens once per hundreds of changes.
JOURNAL_MIN_BYTES = 64 * 1024

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

    @property
    def signature_loaded(self) -> Signature | None:
        """The signature of the file as last read or written."""
        return self._sig

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
    """Summary rows by session id: a TinyDB table in `index.json` plus a journal, `index.log`.

    Rewriting a 10,000-row table costs about 20 ms, mostly writing and fsyncing 3 MB, so a
    change of a few rows is appended to the journal instead (one line, one fsync) and the
    table is rewritten only when the journal has grown to an eighth of it ("compaction").
    Readers replay the journal over the table. A line torn by a crash is ignored, and cut
    off before the next append; the rows it carried are recovered from the session files
    on the next open, because every row records its file's signature.
    """

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.log_path = path.with_name("index.log")
        self.db = TinyDB(path, storage=OrjsonStorage, read_only=read_only)
        self.storage: OrjsonStorage = self.db.storage  # type: ignore[assignment]
        # No query cache: another process may change the file between two queries.
        self.table = self.db.table(TABLE, cache_size=0)
        self.generation = 0  # bumped whenever the rows in memory change
        self._rows: dict[str, dict[str, Any]] | None = None
        self._base_generation = -1
        self._log_offset = 0  # bytes of whole journal lines already applied
        self._log_sig: Signature | None = None

    def exists(self) -> bool:
        return self.storage.current_signature() is not None

    def rows(self) -> dict[str, dict[str, Any]]:
        """Rows by session id, reloaded if either file changed. Raises IndexUnreadable/IndexTooNew."""
        for _attempt in range(5):
            self.storage.read()  # reloads if the file changed; bumps its generation
            if self._rows is None or self._base_generation != self.storage.generation:
                self._rows = {doc["id"]: dict(doc) for doc in self.table.all()}
                self._base_generation = self.storage.generation
                self._log_offset, self._log_sig = 0, None
                self.generation += 1
            self._replay()
            # A compaction between reading the table and the journal would pair an old
            # table with an emptied journal; the table's signature tells, so read again.
            if self.storage.current_signature() == self.storage.signature_loaded:
                break
        assert self._rows is not None
        return self._rows

    def _replay(self) -> None:
        """Apply journal lines written since we last looked."""
        try:
            with open(self.log_path, "rb") as handle:
                sig = signature(os.fstat(handle.fileno()))
                if sig == self._log_sig:
                    return
                if (self._log_sig is None or sig[:2] != self._log_sig[:2]
                        or sig[2] < self._log_offset):
                    self._log_offset = 0  # a new journal: start from its beginning
                handle.seek(self._log_offset)
                data = handle.read()
        except FileNotFoundError:
            self._log_offset, self._log_sig = 0, None
            return
        whole = data.rfind(b"\n") + 1
        for line in data[:whole].splitlines():
            self._apply_entry(line)
        self._log_offset += whole
        self._log_sig = sig
        if whole:
            self.generation += 1

    def _apply_entry(self, line: bytes) -> None:
        assert self._rows is not None
        try:
            entry = orjson.loads(line)
            upserts, removals = entry["u"], entry["r"]
        except (orjson.JSONDecodeError, KeyError, TypeError):
            return  # a torn or damaged line: the session files still have the truth
        if not isinstance(upserts, dict) or not isinstance(removals, list):
            return
        for session_id in removals:
            self._rows.pop(session_id, None)
        for session_id, row in upserts.items():
            if isinstance(row, dict) and row.get("id") == session_id and isinstance(
                    row.get("created_at"), str):
                self._rows[session_id] = row

    def apply(self, upserts: dict[str, dict[str, Any]],
              removals: set[str] | frozenset[str] = frozenset()) -> None:
        """Insert or replace rows and remove others: a journal line, or a rewrite if due.

        Call with the write lock held.
        """
        rows = self.rows()
        line = orjson.dumps({"u": upserts, "r": sorted(removals)}) + b"\n"
        table_size = self.storage.signature_loaded[2] if self.storage.signature_loaded else 0
        journal_full = self._log_offset + len(line) > max(JOURNAL_MIN_BYTES, table_size // 8)
        if journal_full or not table_size or removals:
            merged = {i: r for i, r in rows.items() if i not in removals}
            merged.update(upserts)
            self.replace_all(merged)
            if removals:
                # A deleted session's client and dates must not linger in a backup copy;
                # the index can always be rebuilt from the session files without it.
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(backup_path(self.path))
        else:
            self._append(line)
            for session_id in removals:
                rows.pop(session_id, None)
            rows.update(upserts)
            self.generation += 1

    def _append(self, line: bytes) -> None:
        created = not self.log_path.exists()
        fd = os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
        try:
            os.fchmod(fd, FILE_MODE)
            if os.fstat(fd).st_size > self._log_offset:
                # Bytes after the last whole line we applied are a line torn by a crash
                # (we hold the write lock, so nobody is writing one now): cut them off,
                # or the next line would be glued to them and lost.
                os.ftruncate(fd, self._log_offset)
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
            self._log_offset += len(line)
            self._log_sig = signature(os.fstat(fd))
        finally:
            os.close(fd)
        if created:
            fsync_dir(self.log_path.parent)

    def replace_all(self, rows: dict[str, dict[str, Any]]) -> None:
        """Write a fresh table holding exactly `rows`, then start an empty journal."""
        self.storage.write({TABLE: {str(n): row for n, row in enumerate(rows.values(), 1)}})
        # The table now holds everything the journal did; replaying the old journal over
        # it would change nothing, so a crash before this unlink is harmless.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.log_path)
            fsync_dir(self.log_path.parent)
        self._rows = dict(rows)
        self._base_generation = self.storage.generation
        self._log_offset, self._log_sig = 0, None
        self.generation += 1

    def close(self) -> None:
        self.db.close()
