"""The index: a table of session summaries, so the history list never opens 10,000 files.

It is a cache of the session files. Each row also records the signature (inode, size,
mtime) of the session file it was made from, so a row that fell behind (a crash between
writing the session and the index, or a save that only changed `updated_at`) is noticed
and refreshed from the file.

TinyDB keeps the table; `IndexStorage` is its storage. `index.json` is TinyDB's layout
(`{"tables": {"summaries": {"1": row, ...}}}`) inside a document that carries its schema
version. The storage reads with the standard library's `json`, because importing orjson
costs more than parsing the table (a command that prints two reminders should not pay
20 ms for it), writes with orjson, which serialises the table about four times faster than
`json`, and replaces the file atomically instead of rewriting it in place. Rows are kept
once, in the dicts the parser made.

Every index entry (the table, a journal line) may carry the *folder stamp*: the stat of
`sessions/` (device, inode, mtime, ctime) at the moment the entry made the index exact. See
`SessionStore` for when a writer may stamp and when a reader may trust one.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from store import sealing
from store.atomic import FILE_MODE, TEMP_MARK, backup_path, fsync_dir, read_file, write_atomic
from store.sealing import Tampered

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

# Row values that repeat from session to session (a flow's name, a status, a reminder's
# kind): read as one shared string each, they take a fifth less memory (0.3 MB at 1,000
# sessions, 3 MB at 10,000) for about 1 ms more per 1,000 rows read.
SHARED_VALUES = frozenset({"flow", "status", "lang", "outcome", "step", "kind", "what"})

Signature = tuple[int, int, int, int]
Stamp = list[int]  # (st_dev, st_ino, st_mtime_ns, st_ctime_ns) of the sessions folder


class IndexUnreadable(Exception):
    """The index file is damaged; the message says how."""


class IndexBlocked(IndexUnreadable):
    """The index or its journal is there but cannot be read (permission, I/O, a folder)."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        self.detail = errno.errorcode.get(error.errno or 0, str(error.strerror or error))
        super().__init__(f"{path.name}: {error.strerror or error}")


class IndexTooNew(Exception):
    """The index was written by a newer parting and must not be touched."""


def signature(stat: os.stat_result) -> Signature:
    """What changes whenever a file is replaced or rewritten."""
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


def folder_stamp(folder: Path) -> Stamp | None:
    """What changes whenever a name in `folder` is added, removed or replaced.

    The ctime is there because nothing can set it back: a tool that restores a folder's
    mtime after copying files into it still moves its ctime.
    """
    try:
        stat = os.stat(folder)
    except FileNotFoundError:
        return None
    return [stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns]


def filesystem_now(folder: Path) -> int:
    """The time the filesystem of `folder` gives a file made now (ns), by making one.

    Timestamps come from a coarse clock (a few milliseconds, up to seconds on some
    filesystems), so a folder changed in the same tick as a stamp was taken could change
    again without its times moving. A stamp is only written when the folder's ctime is
    strictly older than this. An unnamed file is used where the system has them, so
    nothing is left behind by a crash; elsewhere a named one, swept like other temp files.
    """
    unnamed = getattr(os, "O_TMPFILE", 0)
    if unnamed:
        try:
            fd = os.open(folder, unnamed | os.O_WRONLY, FILE_MODE)
        except OSError:
            pass
        else:
            try:
                return os.fstat(fd).st_ctime_ns
            finally:
                os.close(fd)
    probe = folder / f".clock{TEMP_MARK}{os.getpid()}-{os.urandom(4).hex()}"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        return os.fstat(fd).st_ctime_ns
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(probe)


def summary_row(record: dict[str, Any], file_sig: Signature | None) -> dict[str, Any]:
    """An index row: the record without its answers, plus its file's signature."""
    row = {name: record.get(name) for name in SUMMARY_FIELDS}
    row["reminders"] = list(record.get("reminders") or [])
    row["file"] = list(file_sig) if file_sig else None
    return row


def needs_rewrite(old: dict[str, Any] | None, new: dict[str, Any]) -> bool:
    """True when the index must be rewritten for this row: anything but the time moved."""
    return old is None or any(old.get(f) != new.get(f) for f in SLOW_FIELDS)


def _dumps(value: Any) -> bytes:
    # Imported here: only writers serialise, and readers should not pay for the import.
    import orjson

    return orjson.dumps(value)


def _parse(raw: bytes) -> tuple[dict[str, dict[str, Any]], Stamp | None]:
    """The rows of a table file by document id, and the folder stamp it carries."""
    if not raw.strip():
        raise IndexUnreadable("it is empty")
    try:
        document = json.loads(raw, object_hook=_share_values)
    except (ValueError, RecursionError) as error:
        raise IndexUnreadable(f"it is not valid JSON ({error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("schema"), int):
        raise IndexUnreadable("it has no schema version")
    if document["schema"] > INDEX_SCHEMA:
        raise IndexTooNew(f"schema {document['schema']}")
    tables = document.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        raise IndexUnreadable("it has no tables")
    table = tables.get(TABLE, {})
    for row in table.values():
        if not (isinstance(row, dict) and isinstance(row.get("id"), str)
                and isinstance(row.get("created_at"), str)):
            raise IndexUnreadable("a row is not a session summary")
    return table, _stamp_in(document.get("folder"))


def _share_values(obj: dict[str, Any]) -> dict[str, Any]:
    for key in SHARED_VALUES.intersection(obj):
        value = obj[key]
        if type(value) is str:
            obj[key] = sys.intern(value)
    return obj


def _stamp_in(value: Any) -> Stamp | None:
    if isinstance(value, list) and len(value) == 4 and all(type(v) is int for v in value):
        return value
    return None


class IndexStorage(Storage):
    """TinyDB's storage for the index: `json` to read, orjson to write, atomic replacement.

    `signature` is that of the file as last read or written; `stamp` the folder stamp the
    table carried when read, and the one the next write stores.
    """

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.signature: Signature | None = None
        self.stamp: Stamp | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The tables on disk (None if there is no file). Raises IndexUnreadable/IndexTooNew."""
        try:
            raw, stat = read_file(self.path)
        except FileNotFoundError:
            self.signature = self.stamp = None
            return None
        except Tampered as problem:
            raise IndexUnreadable(f"{problem}; it was changed or damaged") from None
        except OSError as error:
            raise IndexBlocked(self.path, error) from None
        sig = signature(stat)
        table, self.stamp = _parse(raw)
        self.signature = sig
        return {TABLE: table}

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            raise PermissionError("the index is open read-only")
        document: dict[str, Any] = {"schema": INDEX_SCHEMA, "tables": data}
        if self.stamp is not None:
            document["folder"] = self.stamp
        try:
            write_atomic(self.path, _dumps(document))
            self.signature = signature(os.stat(self.path))
        except BaseException:
            self.signature = None  # unknown: the next read loads whatever is on disk
            raise


class Index:
    """Summary rows by session id: a TinyDB table in `index.json` plus a journal, `index.log`.

    Rewriting a 10,000-row table costs about 20 ms, mostly writing and fsyncing 3 MB, so a
    change of a few rows is appended to the journal instead (one line, one fsync) and the
    table is rewritten only when the journal has grown to an eighth of it ("compaction").
    Readers replay the journal over the table. A line torn by a crash is ignored, and cut
    off before the next append; the rows it carried are recovered from the session files
    on the next open, because every row records its file's signature.
    """

    def __init__(self, path: Path, sessions_dir: Path, read_only: bool = False) -> None:
        self.path = path
        self.log_path = path.with_name("index.log")
        self.sessions_dir = sessions_dir
        self.db = TinyDB(path, storage=IndexStorage, read_only=read_only)
        self.storage: IndexStorage = self.db.storage  # type: ignore[assignment]
        self.generation = 0  # bumped whenever the rows in memory change
        self._rows: dict[str, dict[str, Any]] | None = None
        self._log_offset = 0  # bytes of whole journal lines already applied
        self._log_sig: Signature | None = None
        # The folder stamp of the last entry applied (table, then journal lines); None when
        # that entry had none, which a reader must take as "check the files".
        self.stamp: Stamp | None = None

    @property
    def read_only(self) -> bool:
        """Kept by the storage, which refuses writes while it is set."""
        return self.storage.read_only

    @read_only.setter
    def read_only(self, value: bool) -> None:
        self.storage.read_only = value

    def exists(self) -> bool:
        return self._current_table_sig() is not None

    def _current_table_sig(self) -> Signature | None:
        try:
            return signature(os.stat(self.path))
        except FileNotFoundError:
            return None

    @property
    def table_size(self) -> int:
        return self.storage.signature[2] if self.storage.signature else 0

    def rows(self) -> dict[str, dict[str, Any]]:
        """Rows by session id, reloaded if either file changed. Raises IndexUnreadable/IndexTooNew."""
        for _attempt in range(5):
            self._load_table()
            self._replay()
            # A compaction between reading the table and the journal would pair an old
            # table with an emptied journal; the table's signature tells, so read again.
            if self._current_table_sig() == self.storage.signature:
                break
        assert self._rows is not None
        return self._rows

    def _load_table(self) -> None:
        """Read index.json unless what we hold is what is on disk."""
        if self._rows is not None and self._current_table_sig() == self.storage.signature:
            return
        # Read through the storage rather than iterating the TinyDB table, which would copy
        # every row into a Document: the parsed rows are the only copy.
        tables = self.storage.read() or {}
        self._rows = {row["id"]: row for row in tables.get(TABLE, {}).values()}
        self.stamp = self.storage.stamp
        self._log_offset, self._log_sig = 0, None
        self.generation += 1

    def _replay(self) -> None:
        """Apply journal lines written since we last looked."""
        try:
            with open(self.log_path, "rb") as handle:
                sig = signature(os.fstat(handle.fileno()))
                if sig == self._log_sig:
                    return
                if self._log_sig is not None and (sig[:2] != self._log_sig[:2]
                                                  or sig[2] < self._log_offset):
                    return self._reload_all()  # another journal than the one we applied
                handle.seek(self._log_offset)
                data = handle.read()
        except FileNotFoundError:
            if self._log_offset:
                self._reload_all()
            return
        except OSError as error:
            raise IndexBlocked(self.log_path, error) from None
        whole = data.rfind(b"\n") + 1
        for line in data[:whole].splitlines():
            self._apply_entry(line)
        self._log_offset += whole
        self._log_sig = sig
        if whole:
            self.generation += 1

    def _reload_all(self) -> None:
        """The rows hold lines of a journal that is gone: start again from the table."""
        self._rows = None
        self._load_table()
        self._replay()

    def _apply_entry(self, line: bytes) -> None:
        assert self._rows is not None
        self.stamp = None  # until this line proves it carries one
        try:
            line = sealing.open_line(self.log_path, line)
        except Tampered as problem:
            raise IndexUnreadable(f"its journal {problem}; it was changed or damaged") from None
        try:
            entry = json.loads(line, object_hook=_share_values)
            upserts, removals = entry["u"], entry["r"]
        except (ValueError, RecursionError, KeyError, TypeError):
            return  # a damaged line: the session files still have the truth
        if not isinstance(upserts, dict) or not isinstance(removals, list):
            return
        for session_id in removals:
            if isinstance(session_id, str):
                self._rows.pop(session_id, None)
        for session_id, row in upserts.items():
            if isinstance(row, dict) and row.get("id") == session_id and isinstance(
                    row.get("created_at"), str):
                self._rows[session_id] = row
        self.stamp = _stamp_in(entry.get("f"))

    def stamp_if_settled(self, expected: Stamp | None) -> Stamp | None:
        """`expected` if the sessions folder still has it and it is safely in the past.

        Call with the write lock held, just before writing an entry that makes the index
        exact. None means the entry goes without a stamp and readers check the files.
        """
        if expected is None or folder_stamp(self.sessions_dir) != expected:
            return None
        try:
            now = filesystem_now(self.path.parent)
        except OSError:
            return None
        return expected if expected[3] < now else None

    def apply(self, upserts: dict[str, dict[str, Any]],
              removals: set[str] | frozenset[str] = frozenset(), *,
              stamp: Stamp | None = None) -> None:
        """Insert or replace rows and remove others: a journal line, or a rewrite if due.

        `stamp` (from `stamp_if_settled`) goes with the entry. Call with the write lock held.
        """
        rows = self.rows()
        entry: dict[str, Any] = {"u": upserts, "r": sorted(removals)}
        if stamp is not None:
            entry["f"] = stamp
        line = sealing.seal_line(self.log_path, _dumps(entry) + b"\n")
        table_size = self.table_size
        journal_full = self._log_offset + len(line) > max(JOURNAL_MIN_BYTES, table_size // 8)
        if journal_full or not table_size or removals:
            merged = {i: r for i, r in rows.items() if i not in removals}
            merged.update(upserts)
            self.replace_all(merged, stamp=stamp)
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
            self.stamp = stamp
            self.generation += 1

    def _append(self, line: bytes) -> None:
        if self.read_only:
            raise PermissionError("the index is open read-only")
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

    def replace_all(self, rows: dict[str, dict[str, Any]], *,
                    stamp: Stamp | None = None) -> None:
        """Write a fresh table holding exactly `rows`, then start an empty journal."""
        if self.read_only:
            raise PermissionError("the index is open read-only")
        self.storage.stamp = stamp
        try:
            self.storage.write({TABLE: {str(n): row for n, row in enumerate(rows.values(), 1)}})
        except BaseException:
            self.forget()
            raise
        # The table now holds everything the journal did; replaying the old journal over
        # it would change nothing, so a crash before this unlink is harmless.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.log_path)
            fsync_dir(self.log_path.parent)
        self._rows = dict(rows)
        self.stamp = stamp
        self._log_offset, self._log_sig = 0, None
        self.generation += 1

    def forget(self) -> None:
        """Drop the memory copy; the next read loads from disk."""
        self._rows, self.storage.signature = None, None
        self._log_offset, self._log_sig = 0, None
        self.stamp = None
        self.generation += 1

    def close(self) -> None:
        self.db.close()
