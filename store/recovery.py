"""Bringing a data folder to a usable state: damaged files, a stale or missing index, old schemas.

Nothing here ever deletes or overwrites a damaged file: it is renamed aside with the time,
the user is told in plain words, and the last good copy is offered back.
"""

from __future__ import annotations

import contextlib
import json
import os
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from store import session_files
from store.atomic import backup_path, move_aside, read_bytes, read_file, write_atomic
from store.errors import Params, StoreError, StoreLocked, os_detail
from store.index import (
    Index,
    IndexBlocked,
    IndexTooNew,
    IndexUnreadable,
    Stamp,
    folder_stamp,
    summary_row,
)
from store.migrate import SCHEMA_VERSION, DamagedDocument, NewerSchema
from store.reports import Notice
from store.sealing import SealError, Tampered

NEWER_MESSAGE = ("{what} was saved by a newer version of parting. It was left untouched and "
                 "is not shown here; update parting to see it.")
INDEX_NEWER_MESSAGE = ("The list of sessions was saved by a newer version of parting; this "
                       "window can read but not save. Update parting to save here.")


#: Damage that one process finds and every later one must hear of: the file is set aside
#: by whoever found it, so nobody else would ever see it again. Kept in `DAMAGE_FILE`
#: until the app has told the user (and offered the earlier copy).
RECORDED_CODES = ("damaged", "index_damaged", "index_blocked", "digest_tampered")
DAMAGE_FILE = "damage.json"


Row = dict[str, Any]


class Host(Protocol):
    """What recovery needs from the store it repairs: `SessionStore` provides it.

    Declared here, so that this module never imports the store's own: the store imports
    recovery, and nothing points back.
    """

    directory: Path
    sessions_dir: Path
    read_only: bool
    notices: list[Notice]

    def rows(self) -> dict[str, Row]:
        """Rows by id: the index with the rows held in memory laid over it."""

    def commit_rows(self, changes: dict[str, Row | None]) -> None:
        """Write `changes` (None removes) and every held row to the index (lock held)."""

    def hold_rows(self, changes: dict[str, Row | None]) -> None:
        """Keep `changes` in memory only, until the next index write."""

    def write_lock(self) -> AbstractContextManager[None]:
        """The write lock, waited for as long as the store waits."""

    def stop_writing(self, message: str, refusal: str, *, code: str,
                     refusal_code: str) -> None:
        """Turn the store read-only, telling the user `message`; saves raise `refusal`."""


class Recovery:
    """The store's repair work, kept apart from its everyday reads and writes."""

    def __init__(self, store: Host, index: Index) -> None:
        self.store = store
        self.index = index
        self.index_usable = True
        # The index or its journal is there but cannot be read (no permission, a folder in
        # its place) and could not be replaced: rows come from the session files, in memory.
        self.blocked = False
        self.unreadable_found = 0  # session files found there but unreadable, so far

    # The index

    def index_rows(self) -> dict[str, dict[str, Any]]:
        """The index's rows, or none when it cannot be used (then pending rows hold everything)."""
        return self.index.rows() if self.index_usable else {}

    def load_index(self) -> bool:
        """Make sure the index in memory matches the file; True if the index is usable."""
        try:
            if not self.index.exists():
                raise IndexUnreadable("it is missing")
            self.index.rows()
        except (IndexUnreadable, IndexTooNew):
            if self.store.read_only or self.blocked:
                if self.index_usable:  # first sight of the trouble: rebuild in memory once
                    self.check(write=False)
                return False
            with self.store.write_lock():
                self.check(write=True)
            return True
        if not self.index_usable:
            self.index_usable = True
        return True

    def check(self, *, write: bool) -> None:
        """Load the index (setting a damaged one aside) and bring it in line with the files."""
        rows: dict[str, dict[str, Any]] | None
        blocked = False
        before = folder_stamp(self.store.sessions_dir)
        try:
            rows = self.index.rows() if self.index.exists() else None
            # A missing index can only be rebuilt by a writer; a reader keeps it in memory.
            self.index_usable = rows is not None or write
        except IndexUnreadable as damage:
            rows = None
            self.index_usable = write
            blocked = isinstance(damage, IndexBlocked)
            self._index_damaged(damage, write)
        except IndexTooNew:
            rows = None
            self.index_usable = False
            if not self.store.read_only:
                self.store.stop_writing(INDEX_NEWER_MESSAGE, INDEX_NEWER_MESSAGE,
                                        code="index_newer", refusal_code="index_newer")
            write = False
        if rows is not None and before is not None and self.index.stamp == before:
            return  # nothing in sessions/ has changed since the index was last exact
        self._reconcile(rows, write, before)
        # Still unusable after a writer's check: the file could not be set aside or replaced.
        self.blocked = blocked and not self.index_usable

    def _index_damaged(self, damage: IndexUnreadable, write: bool) -> None:
        blocked = isinstance(damage, IndexBlocked)
        damaged_path = damage.path if blocked else self.index.path
        aside = None
        if write:
            try:
                aside = move_aside(damaged_path)
            except OSError:
                aside = None  # a folder cannot be renamed aside like a file: left as it is
            if self.index.log_path.exists():
                # A journal that failed its check is kept too, never replayed again.
                with contextlib.suppress(OSError):
                    move_aside(self.index.log_path)
            self.index.forget()
        kept = f" The damaged file was kept as {aside.name}." if aside else ""
        if blocked:
            notice = self._notify(
                "damaged", f"The list of your sessions ({damaged_path.name}) cannot be read "
                f"({damage.detail}). parting works from the sessions themselves; nothing was "
                f"lost.{kept}", path=aside or damaged_path, code="index_blocked",
                params={"name": damaged_path.name, "detail": damage.detail,
                        "aside": aside.name if aside else ""})
            if aside:  # set aside and rebuilt: the next app would never know otherwise
                self.remember(notice)
            return
        notice = self._notify(
            "damaged", f"The list of your sessions could not be read ({damage}). It was "
            f"rebuilt from the sessions themselves; nothing was lost.{kept}",
            path=aside or self.index.path, code="index_damaged",
            params={"aside": aside.name if aside else ""})
        if aside:
            self.remember(notice)

    def _reconcile(self, rows: dict[str, dict[str, Any]] | None, write: bool,
                   before: Stamp | None) -> None:
        """Re-read session files whose signature differs from their row; drop rows without files.

        A writer then stamps the index with `before`, the folder's stamp from before the
        scan, if nothing in the folder has moved since: the index is exact again, and the
        next open can trust it without looking at every file.
        """
        known = rows or {}
        unreadable_before = self.unreadable_found
        migrated: list[Path] = []
        usable: set[str] = set()
        upserts: dict[str, dict[str, Any]] = {}
        for session_id, path, sig in session_files.scan(self.store.sessions_dir):
            row = known.get(session_id)
            if row is not None and row.get("file") == list(sig):
                usable.add(session_id)
                continue
            fresh = self._row_from_file(session_id, path, write, row, migrated)
            if fresh is not None:
                usable.add(session_id)
                if fresh is not row:
                    upserts[session_id] = fresh
        removals = set(known) - usable
        if migrated:
            self._notify("migrated", f"{len(migrated)} saved session(s) were upgraded to the "
                         "current format. The original files were kept beside them "
                         f"(ending in {migrated[0].name.rsplit('.json', 1)[1]}).",
                         path=self.store.sessions_dir, backup=migrated[0], code="migrated",
                         params={"n": len(migrated),
                                 "ending": migrated[0].name.rsplit(".json", 1)[1]})
        if write:
            try:
                # A file that could not be read has no row to be trusted: no stamp, so
                # every open looks again (and reports it) until it can be read.
                stamp = (self.index.stamp_if_settled(before)
                         if self.unreadable_found == unreadable_before else None)
                if rows is None:
                    self.index.replace_all(upserts, stamp=stamp)
                elif upserts or removals or (stamp is not None and stamp != self.index.stamp):
                    self.index.apply(upserts, removals, stamp=stamp)
                self.index_usable = True
                return
            except OSError:
                # Cannot write the cache now: keep the rows in memory instead. With no
                # table to lay them over, the index is of no use until it can be written.
                self.index_usable = rows is not None
        held: dict[str, Row | None] = dict(upserts)
        held.update(dict.fromkeys(removals))
        self.store.hold_rows(held)

    def _row_from_file(self, session_id: str, path: Path, write: bool,
                       row: dict[str, Any] | None,
                       migrated: list[Path]) -> dict[str, Any] | None:
        try:
            record, version, sig = session_files.read(path)
        except FileNotFoundError:
            return None
        except (NewerSchema, DamagedDocument) as problem:
            self.file_problem(session_id, path, problem, write, row)
            return None
        except OSError as error:
            # There but unreadable: reported, and its row (if any) kept, so nothing takes
            # it for an absent session and writes a copy over it.
            self._report_inaccessible(path, error, row)
            return row
        if version < SCHEMA_VERSION and write:
            keep = path.with_name(f"{path.name}.v{version}.bak")
            try:
                if not keep.exists():
                    os.link(path, keep)
                sig = session_files.write(path, record)
                migrated.append(keep)
            except OSError:
                pass  # served upgraded from memory; the file is upgraded on a later open
        return summary_row(record, sig)

    # Session files

    def inaccessible_session(self, session_id: str, path: Path, error: OSError) -> None:
        """Report a session file that is there but cannot be read; it is left as it is."""
        self._report_inaccessible(path, error, self.store.rows().get(session_id))

    def _report_inaccessible(self, path: Path, error: OSError,
                             row: dict[str, Any] | None) -> None:
        self.unreadable_found += 1
        message = (f"{_describe(row)} could not be read ({error.strerror or error}). It was "
                   f"left as it is, at {path}.")
        self._notify("unreadable", message, path=path, code="file_unreadable",
                     params={**_identify(row), "detail": os_detail(error), "file": path.name})

    def unreadable_session(self, session_id: str, path: Path, problem: Exception) -> None:
        """A session file failed to load during `get`: set it aside (if we may) and hide it."""
        row = self.store.rows().get(session_id)
        write = not self.store.read_only
        if write:
            try:
                with self.store.write_lock():
                    self.file_problem(session_id, path, problem, True, row)
                    self.store.commit_rows({session_id: None})
                return
            except (StoreLocked, OSError):
                write = False
        self.file_problem(session_id, path, problem, False, row)
        self.store.hold_rows({session_id: None})

    def file_problem(self, session_id: str, path: Path, problem: Exception, write: bool,
                     row: dict[str, Any] | None) -> None:
        """Report a session file that cannot be used; move a damaged one aside."""
        what = _describe(row)
        if isinstance(problem, NewerSchema):
            self._notify("newer", NEWER_MESSAGE.format(what=what), path=path, code="newer",
                         params=_identify(row))
            return
        aside = None
        if write:
            try:
                aside = move_aside(path)
            except OSError:
                aside = None
        backup = backup_path(path) if session_files.backup_loads(path) else None
        kept = f" The damaged file was kept as {aside.name}." if aside else ""
        offer = (" Its previous save can be restored." if backup
                 else " No earlier copy of it was found.")
        notice = self._notify("damaged", f"{what} could not be read: {problem}.{kept}{offer}",
                              path=aside or path, backup=backup, code="damaged",
                              params={**_identify(row), "aside": aside.name if aside else "",
                                      "has_backup": int(backup is not None)})
        if aside:
            self.remember(notice)

    def digest_tampered(self, aside: Path | None) -> None:
        """The sealed digest failed its check: it was set aside and is made again from the
        sessions. Nothing is lost, but a changed file in a locked folder is worth hearing."""
        kept = f" The changed file was kept as {aside.name}." if aside else ""
        notice = self._notify(
            "damaged", "The summary that lets parting start quickly was changed from outside "
            f"the app, so it was not used. It was rebuilt from your sessions; nothing was "
            f"lost.{kept}",
            path=aside, code="digest_tampered", params={"aside": aside.name if aside else ""})
        if aside:
            self.remember(notice)

    def restore(self, notice: Notice) -> None:
        """Put the backup named by `notice` back in place of the damaged file (lock held)."""
        if notice.kind != "damaged" or notice.backup is None:
            raise StoreError("There is no earlier copy to restore for this message.",
                             code="no_backup")
        backup = notice.backup
        original = backup.with_name(backup.name.removesuffix(".bak"))
        session_id = original.name.removesuffix(session_files.SUFFIX)
        try:
            record, _version = session_files.decode(read_file(backup)[0], session_id)
        except (DamagedDocument, NewerSchema, Tampered) as problem:
            raise StoreError(f"The earlier copy cannot be read either: {problem}.",
                             code="backup_unreadable") from None
        sig = session_files.write(original, record)
        self.store.commit_rows({session_id: summary_row(record, sig)})

    def _notify(self, kind: str, message: str, path: Path | None = None,
                backup: Path | None = None, *, code: str,
                params: Params | None = None) -> Notice:
        notice = Notice(kind=kind, message=message, path=path, backup=backup, code=code,
                        params=params or {})
        if notice not in self.store.notices:
            self.store.notices.append(notice)
        return notice

    # Damage found by one process, told by the next app

    def _damage_file(self) -> Path:
        return self.store.directory / DAMAGE_FILE

    def _recorded(self) -> list[dict[str, Any]]:
        try:
            document = json.loads(read_bytes(self._damage_file()))
        except FileNotFoundError:
            return []
        except (OSError, ValueError, RecursionError, SealError):
            return []  # unreadable: what it held was told once already; start again
        entries = document.get("notices") if isinstance(document, dict) else None
        return [e for e in entries or [] if isinstance(e, dict)]

    def _write_recorded(self, entries: list[dict[str, Any]]) -> None:
        path = self._damage_file()
        if entries:
            write_atomic(path, json.dumps({"schema": 1, "notices": entries},
                                          ensure_ascii=False).encode("utf-8"),
                         keep_backup=False)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)

    def remember(self, notice: Notice) -> None:
        """Record damage just set aside, for the next app to tell (write lock held)."""
        if notice.code not in RECORDED_CODES or self.store.read_only:
            return
        entry = self._entry(notice)
        try:
            entries = self._recorded()
            if entry not in entries:
                self._write_recorded([*entries, entry])
        except OSError:
            pass  # told now at least; a full disk must not stop the repair

    def forget(self, notice: Notice) -> None:
        """The user has been told of `notice`: drop it from the record (write lock held)."""
        entry = self._entry(notice)
        entries = self._recorded()
        if entry in entries:
            self._write_recorded([e for e in entries if e != entry])

    def recall(self) -> None:
        """Add the damage other processes recorded to the notices, unless it is mended.

        Damage whose session file is back (restored, or imported again) is no longer news;
        the earlier copy is offered only while it still loads.
        """
        for entry in self._recorded():
            notice = self._notice(entry)
            if notice is None or notice in self.store.notices:
                continue
            self.store.notices.append(notice)

    def _entry(self, notice: Notice) -> dict[str, Any]:
        def name(path: Path | None) -> str | None:
            if path is None:
                return None
            try:
                return str(path.relative_to(self.store.directory))
            except ValueError:
                return str(path)

        return {"kind": notice.kind, "code": notice.code, "message": notice.message,
                "params": dict(notice.params), "path": name(notice.path),
                "backup": name(notice.backup)}

    def _notice(self, entry: dict[str, Any]) -> Notice | None:
        try:
            path = self.store.directory / entry["path"] if entry.get("path") else None
            backup = self.store.directory / entry["backup"] if entry.get("backup") else None
            params = {k: v for k, v in dict(entry.get("params") or {}).items()
                      if isinstance(v, str | int)}
            notice = Notice(kind=str(entry["kind"]), message=str(entry["message"]),
                            path=path, backup=backup, code=str(entry["code"]), params=params)
        except (KeyError, TypeError, ValueError):
            return None
        if notice.code == "damaged" and path is not None:
            original = path.with_name(path.name.split(".corrupt-")[0])
            if original != path and original.exists():
                return None  # the session is back
        return notice


def _describe(row: dict[str, Any] | None) -> str:
    """How to name a session to its user when its own file cannot tell us."""
    if not row:
        return "A saved session"
    client = f" with {row['client']}" if row.get("client") else ""
    return f"The session{client} from {str(row.get('created_at', ''))[:10]}"


def _identify(row: dict[str, Any] | None) -> dict[str, str]:
    """The same as `_describe`, as params: the client's name and the day it began, or ""."""
    row = row or {}
    client = row.get("client")
    return {"client": client if isinstance(client, str) else "",
            "date": str(row.get("created_at") or "")[:10]}
