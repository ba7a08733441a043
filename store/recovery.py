"""Bringing a data folder to a usable state: damaged files, a stale or missing index, old schemas.

Nothing here ever deletes or overwrites a damaged file: it is renamed aside with the time,
the user is told in plain words, and the last good copy is offered back.
"""

from __future__ import annotations

import contextlib
import os
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from store import session_files
from store.atomic import backup_path, move_aside, read_file
from store.errors import Params, StoreError, StoreLocked, os_detail
from store.index import Index, IndexTooNew, IndexUnreadable, Stamp, folder_stamp, summary_row
from store.migrate import SCHEMA_VERSION, DamagedDocument, NewerSchema
from store.reports import Notice
from store.sealing import Tampered

NEWER_MESSAGE = ("{what} was saved by a newer version of parting. It was left untouched and "
                 "is not shown here; update parting to see it.")
INDEX_NEWER_MESSAGE = ("The list of sessions was saved by a newer version of parting; this "
                       "window can read but not save. Update parting to save here.")


Row = dict[str, Any]


class Host(Protocol):
    """What recovery needs from the store it repairs: `SessionStore` provides it.

    Declared here, so that this module never imports the store's own: the store imports
    recovery, and nothing points back.
    """

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
            if self.store.read_only:
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
        before = folder_stamp(self.store.sessions_dir)
        try:
            rows = self.index.rows() if self.index.exists() else None
            # A missing index can only be rebuilt by a writer; a reader keeps it in memory.
            self.index_usable = rows is not None or write
        except IndexUnreadable as damage:
            rows = None
            self.index_usable = write
            self._index_damaged(str(damage), write)
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

    def _index_damaged(self, reason: str, write: bool) -> None:
        aside = None
        if write:
            try:
                aside = move_aside(self.index.path)
            except OSError:
                aside = None
            if self.index.log_path.exists():
                # A journal that failed its check is kept too, never replayed again.
                with contextlib.suppress(OSError):
                    move_aside(self.index.log_path)
            self.index.forget()
        kept = f" The damaged file was kept as {aside.name}." if aside else ""
        self._notify("damaged", f"The list of your sessions could not be read ({reason}). "
                     f"It was rebuilt from the sessions themselves; nothing was lost.{kept}",
                     path=aside or self.index.path, code="index_damaged",
                     params={"aside": aside.name if aside else ""})

    def _reconcile(self, rows: dict[str, dict[str, Any]] | None, write: bool,
                   before: Stamp | None) -> None:
        """Re-read session files whose signature differs from their row; drop rows without files.

        A writer then stamps the index with `before`, the folder's stamp from before the
        scan, if nothing in the folder has moved since: the index is exact again, and the
        next open can trust it without looking at every file.
        """
        known = rows or {}
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
                stamp = self.index.stamp_if_settled(before)
                if rows is None:
                    self.index.replace_all(upserts, stamp=stamp)
                elif upserts or removals or (stamp is not None and stamp != self.index.stamp):
                    self.index.apply(upserts, removals, stamp=stamp)
                self.index_usable = True
                return
            except OSError:
                pass  # cannot write the cache now: keep the rows in memory instead
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
            self._notify("damaged", f"{_describe(row)} could not be read "
                         f"({error.strerror or error}).", path=path, code="file_unreadable",
                         params={**_identify(row), "detail": os_detail(error)})
            return None
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
        self._notify("damaged", f"{what} could not be read: {problem}.{kept}{offer}",
                     path=aside or path, backup=backup, code="damaged",
                     params={**_identify(row), "aside": aside.name if aside else "",
                             "has_backup": int(backup is not None)})

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
                params: Params | None = None) -> None:
        notice = Notice(kind=kind, message=message, path=path, backup=backup, code=code,
                        params=params or {})
        if notice not in self.store.notices:
            self.store.notices.append(notice)


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
