"""`SessionStore`: sessions kept on disk, safe against crashes, full disks and a second copy.

Layout of the data folder:

    app.lock            held by the running app (a second window opens read-only)
    sessions.lock       held for the moment of each write
    index.json          the table of summaries (a cache of the session files)
    index.log           journal of summary changes since index.json was last written
    sessions/<id>.json  one file per session, the truth; `<id>.json.bak` its previous save

See docs/store.md for why, and for the measurements behind it.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from store import digest as digests
from store import sealing, session_files
from store.atomic import ensure_private_dir, fsync_dir, sweep_temp_files
from store.errors import (
    FolderLocked,
    ImportIncomplete,
    Params,
    SaveFailed,
    SessionNotFound,
    SessionUnreadable,
    StoreError,
    StoreLocked,
    os_detail,
    save_failed,
)
from store.index import Index, IndexUnreadable, needs_rewrite, signature, summary_row
from store.locks import FileLock
from store.record import Session, now_iso
from store.recovery import Recovery
from store.reports import ImportResult, Notice, Summary, SummaryList
from store.validate import check_record

READ_ONLY_NOTICE = "parting is already open in another window; this one can read but not save."
UNWRITABLE_NOTICE = ("parting cannot write in its data folder ({reason}); it can show your "
                     "sessions but not save them.")
UNWRITABLE_SAVE = ("parting cannot write in its data folder, so nothing can be saved; your "
                   "answers are kept on screen.")
READ_ONLY_SAVE = ("parting is already open in another window, so this window cannot save. "
                  "Close the other window, then open parting again here.")


def moment(stamp: str) -> float:
    """A comparable instant for an ISO time; a time without offset is taken as local."""
    return datetime.fromisoformat(stamp).timestamp()


def _sealed_without_key_file(directory: Path) -> bool:
    """True when the folder's files are encrypted although its key file is gone.

    The first file found with anything in it decides; the sessions folder is looked into
    only when the index and the digest are both missing or empty, and then for one file, so
    an ordinary open costs two small reads however many sessions there are (sorting the
    names of 10,000 sessions here took a third of `parting due`).
    """
    for path in _first_files(directory):
        try:
            with open(path, "rb") as handle:
                head = handle.read(len(sealing.MAGIC))
        except OSError:
            continue
        if head:
            return sealing.is_sealed(head)
    return False


def _first_files(directory: Path) -> Iterator[Path]:
    """The index, the digest, then one session file, each looked for only when needed."""
    yield directory / "index.json"
    yield directory / "digest.json"
    with contextlib.suppress(OSError), os.scandir(directory / "sessions") as entries:
        for entry in entries:
            if entry.name.endswith(".json"):
                yield Path(entry.path)
                return


def _check_seal(directory: Path) -> None:
    """A locked folder opens only once its key is known here; a half-done conversion is finished."""
    sealing.forget_folder_state(directory)
    if not sealing.is_locked(directory):
        if _sealed_without_key_file(directory):
            # Opening would take every encrypted session for damage and set it aside.
            raise StoreError(f"The sessions in {directory} are encrypted, but the key file "
                             f"{sealing.SEAL_FILE} is missing.", code="key_file_missing",
                             params={"folder": str(directory)})
        return
    known = sealing.key_for(directory)
    if known is None:
        raise FolderLocked("The sessions in this folder are locked with a passphrase.",
                           code="folder_locked", params={"folder": str(directory)})
    if known.state != sealing.SEALED:
        from store.conversion import finish

        try:
            finish(directory)
        except OSError as error:
            raise StoreError(f"Converting the folder {directory} stopped part-way: "
                             f"{error.strerror or error}.", code="convert_unfinished",
                             params={"detail": os_detail(error)}) from error


class _ConversionMoved(Exception):
    """The folder was locked or unlocked by another process while this one waited for it."""


def _seal_on_disk(directory: Path) -> bool:
    return (directory / sealing.SEAL_FILE).exists()


class SessionStore:
    """All sessions in one data folder. Build it with `SessionStore.open()`."""

    read_only: bool
    notices: list[Notice]
    directory: Path

    def __init__(self, directory: Path, *, wait: float,
                 clock: Callable[[], datetime] | None) -> None:
        """Use `open()`; this only sets fields."""
        self.directory = directory
        self.sessions_dir = directory / "sessions"
        self.read_only = False
        self._refusal = READ_ONLY_SAVE
        self._refusal_code = "read_only_save"
        self.notices = []
        self._wait = wait
        self._clock = clock
        self._mutex = threading.RLock()  # the app may save from a worker thread
        self._app_lock: FileLock | None = None
        self._write_lock = FileLock(directory / "sessions.lock")
        self._index = Index(directory / "index.json", self.sessions_dir)
        # Rows newer than index.json (a save that only moved updated_at, or a failed index
        # write); None marks a deletion the index has not heard of. Flushed on the next
        # index write and on close.
        self._pending: dict[str, dict[str, Any] | None] = {}
        self._pending_version = 0
        self._sorted: tuple[tuple[int, int], list[dict[str, Any]]] | None = None
        self._summaries: tuple[tuple[int, int], SummaryList] | None = None
        self._recovery = Recovery(self, self._index)
        self._digest_path = directory / "digest.json"
        self._digest: digests.Digest | None = None
        self._closed = False

    @classmethod
    def open(cls, directory: Path, *, app_instance: bool = False, wait: float = 5.0,
             clock: Callable[[], datetime] | None = None) -> SessionStore:
        """Open (creating if needed, mode 0700) the data folder.

        With `app_instance`, take the app's lock; if another window has it, open read-only
        and add a "read_only" notice. Damaged files never stop the store from opening:
        they are set aside and reported in `notices`. Raises `StoreLocked` if another
        process keeps the folder busy longer than `wait` seconds, `StoreError` if the
        folder cannot be used at all.
        """
        directory = Path(directory)
        try:
            ensure_private_dir(directory)
            ensure_private_dir(directory / "sessions")
        except OSError as error:
            raise StoreError(f"parting cannot use its data folder {directory}: "
                             f"{error.strerror or error}.", code="no_data_folder",
                             params={"folder": str(directory),
                                     "detail": os_detail(error)}) from error
        for _ in range(3):
            try:
                return cls._open_once(directory, app_instance, wait, clock)
            except _ConversionMoved:
                # `parting lock` or `unlock` ran while this open waited for the folder: its
                # files changed form, so read them again as they are now, never as damage.
                sealing.forget_folder_state(directory)
                if not _seal_on_disk(directory):
                    sealing.forget_key(directory)
        return cls._open_once(directory, app_instance, wait, clock)

    @classmethod
    def _open_once(cls, directory: Path, app_instance: bool, wait: float,
                   clock: Callable[[], datetime] | None) -> SessionStore:
        sealed = _seal_on_disk(directory)
        _check_seal(directory)
        store = cls(directory, wait=wait, clock=clock)
        checked = False
        try:
            try:
                if app_instance:
                    store._app_lock = FileLock(directory / "app.lock")
                    if not store._app_lock.try_acquire():
                        store.stop_writing(READ_ONLY_NOTICE, code="read_only_instance")
                if not store.read_only:
                    with store._write_lock.held(wait):
                        if _seal_on_disk(directory) != sealed:
                            # Closing must not write a cache in the form the files left.
                            store.read_only = store._index.read_only = True
                            raise _ConversionMoved
                        sweep_temp_files(directory)
                        if not store._open_from_digest():
                            # A writer killed mid-save leaves its temporary file in
                            # sessions/, which moves that folder's stamp, so the digest is
                            # never current then: only here do all the names need reading
                            # (8 ms of `parting due` at 10,000 sessions).
                            sweep_temp_files(store.sessions_dir)
                            store._recovery.check(write=True)
                        checked = True
            except OSError as error:
                # A read-only disk or a folder we may not write: still show the sessions.
                store.stop_writing(
                    UNWRITABLE_NOTICE.format(reason=error.strerror or error),
                    UNWRITABLE_SAVE, code="unwritable", refusal_code="unwritable_save",
                    params={"detail": os_detail(error)})
            if not checked and not store._open_from_digest():
                store._recovery.check(write=False)
            store._recovery.recall()
        except BaseException:
            store.close()
            raise
        return store

    def stop_writing(self, message: str, refusal: str = READ_ONLY_SAVE, *, code: str,
                     refusal_code: str = "read_only_save",
                     params: Params | None = None) -> None:
        """Stop writing: `message` tells the user now, `refusal` is what a save will raise.

        `code` and `refusal_code` name the two for the interface (see `CODES`).
        """
        self._refusal = refusal
        self._refusal_code = refusal_code
        self.read_only = True
        self._index.read_only = True
        self.notices.append(Notice(kind="read_only", message=message, code=code,
                                   params=params or {}))

    def _open_from_digest(self) -> bool:
        """True if the digest proves the index exact for the folder as it is now.

        Then opening needs neither the index nor the session files: with 10,000 sessions
        (a 3.3 MB index) an open and its digest took 34 ms against 346 ms for an open that
        reads the index (3 December 2026, busy 2-CPU machine, medians of 7).
        """
        found = digests.read(self._digest_path, digests.key_now(self.directory),
                             self._recovery.digest_tampered)
        if found is None or not found.exact:
            return False
        self._digest = found
        return True

    # Reading

    def digest(self) -> digests.Digest:
        """What home and `parting due` show: counts, the newest unfinished and recent
        sessions, and every session with an open reminder.

        Read from `digest.json` when its key shows it is current; otherwise rebuilt from
        the index (and written back, if this store may write), never trusted blindly.
        """
        with self._mutex:
            key = digests.key_now(self.directory)
            if not self._pending:
                if self._digest is not None and self._digest.key == key:
                    return self._digest
                found = digests.read(self._digest_path, key, self._recovery.digest_tampered)
                if found is not None:
                    self._digest = found
                    return found
            if self.read_only or self._closed:
                return self._build_digest(key)
            try:
                with self.write_lock():
                    self._refresh()
                    made = self._build_digest(digests.key_now(self.directory))
                    digests.write(self._digest_path, made)
            except (OSError, StoreError):
                return self._build_digest(key)  # shown all the same; written another time
            return made

    def _build_digest(self, key: digests.Key) -> digests.Digest:
        self._refresh()
        rows = self._sorted_rows()
        exact = not self._pending and self._index.stamp is not None and (
            self._index.stamp == key[2])
        self._digest = digests.Digest(rows, key=key, exact=exact)
        return self._digest


    def summaries(self) -> list[Summary]:
        """Every session without its answers, newest first by `created_at`. Reads no session file."""
        return self.summaries_on_demand().all()

    def summaries_on_demand(self) -> SummaryList:
        """The summaries of `summaries()`, each made when first asked for.

        For a list shown a page at a time. Read-only; a session changed since shows in the
        next call's answer, not in this one.
        """
        with self._mutex:
            self._refresh()
            # Summaries are frozen: the same ones serve every list until a row changes, so
            # opening History again does not make ten thousand of them again.
            key = (self._index.generation, self._pending_version)
            if self._summaries is None or self._summaries[0] != key:
                self._summaries = (key, SummaryList(self._sorted_rows()))
            return self._summaries[1]

    def _sorted_rows(self) -> list[dict[str, Any]]:
        """The rows of `rows()`, newest first by `created_at`; kept until they change."""
        key = (self._index.generation, self._pending_version)
        if self._sorted is None or self._sorted[0] != key:
            # created_at has whole seconds, so ties are common; rows are kept in the
            # order they were first saved, and a stable sort of the reversed rows puts
            # the later-saved of two same-second sessions first.
            rows = reversed(list(self.rows().values()))
            self._sorted = (key, sorted(rows, key=lambda r: moment(r["created_at"]),
                                        reverse=True))
        return self._sorted[1]

    def count(self) -> int:
        """How many sessions are stored."""
        with self._mutex:
            self._refresh()
            return len(self.rows())

    def get(self, session_id: str) -> Session:
        """The full session. Raises `SessionNotFound` (also a KeyError) if there is none."""
        return Session.from_record(self.get_record(session_id))

    def get_record(self, session_id: str) -> dict[str, Any]:
        """The session as the plain record in its file, checked as it was read; as `get`."""
        with self._mutex:
            return self._read_record(session_id)

    def sessions(self) -> Iterator[Session]:
        """Every full session, newest first (each file is read as it is reached)."""
        for record in self.records():
            yield Session.from_record(record)

    def records(self) -> Iterator[dict[str, Any]]:
        """Every session as its plain record, newest first: what an export writes out.

        Each record was checked once, as its file was read, so it can be written as it is.
        """
        for summary in self.summaries():
            try:
                yield self.get_record(summary.id)
            except (SessionNotFound, SessionUnreadable):
                continue  # deleted by another process, or damaged or unreadable (see notices)

    def _read_record(self, session_id: str) -> dict[str, Any]:
        try:
            path = session_files.session_path(self.sessions_dir, session_id)
        except KeyError:
            raise _not_found(session_id) from None
        try:
            record, _version, _sig = session_files.read(path)
        except FileNotFoundError:
            raise _not_found(session_id) from None
        except OSError as error:
            # There, but not readable: reported, and never taken for an absent session.
            self._recovery.inaccessible_session(session_id, path, error)
            raise SessionUnreadable(f"The saved session could not be read: "
                                    f"{error.strerror or error}; it was left as it is.",
                                    code="read_error",
                                    params={"detail": os_detail(error), "id": session_id,
                                            "file": path.name}) from error
        except Exception as problem:
            self._recovery.unreadable_session(session_id, path, problem)
            raise SessionNotFound(f"The saved session {session_id!r} could not be read; "
                                  "see the store's notices.", code="unreadable_session",
                                  params={"id": session_id}) from None
        return record

    # Writing

    def save(self, session: Session, *, touch: bool = True) -> None:
        """Write one session; with `touch`, first set its `updated_at` to now.

        Raises only `StoreError`s: `UnsafeValue` (nothing written), `StoreLocked`
        (read-only window, or the folder stayed busy), `SaveFailed` (disk full, no
        permission, I/O error: the saved copy is still the previous one). Once the session
        file is in place the save has succeeded; the index catches up later if it must.
        """
        stamp = now_iso(self._clock) if touch else session.updated_at
        record = session.to_record()
        record["updated_at"] = stamp
        check_record(record)
        with self._mutex:
            self._guard_writable()
            with self._writing():
                self._store_records([record])
        session.updated_at = stamp

    def delete(self, session_id: str) -> Session:
        """Remove a session and its backup copies; return what was removed."""
        with self._mutex:
            self._guard_writable()
            with self._writing():
                session = Session.from_record(self._read_record(session_id))
                path = session_files.session_path(self.sessions_dir, session_id)
                # Backups first: if we stop half-way the session is still whole, not half-gone.
                for copy in sorted(self.sessions_dir.glob(f"{session_id}.json.*bak")):
                    copy.unlink(missing_ok=True)
                path.unlink()
                fsync_dir(self.sessions_dir)
                self.commit_rows({session_id: None})
            return session

    def import_sessions(self, sessions: Iterable[Session]) -> ImportResult:
        """Merge sessions by id: new ones are added, newer `updated_at` replaces, else kept.

        Every session is checked before anything is written; the write lock is taken once
        and the index written once, however many sessions come in.
        """
        incoming: dict[str, dict[str, Any]] = {}
        for session in sessions:
            record = session.to_record()
            check_record(record)
            previous = incoming.get(record["id"])
            if previous is None or moment(record["updated_at"]) > moment(previous["updated_at"]):
                incoming[record["id"]] = record
        with self._mutex:
            self._guard_writable()
            with self._writing():
                added = updated = unchanged = 0
                to_write = []
                for session_id, record in incoming.items():
                    # The file itself decides, not the index: a file the index lost track
                    # of is still the saved copy, and one that cannot be read stops the
                    # import, because "the newer copy wins" needs both copies.
                    try:
                        current = self._read_record(session_id)
                    except SessionNotFound:
                        current = None
                    except SessionUnreadable as error:
                        raise StoreError(
                            f"Nothing was imported: the saved session "
                            f"{error.params['file']} cannot be read "
                            f"({error.params['detail']}), so parting cannot tell which copy "
                            "is newer.", code="import_unreadable",
                            params=dict(error.params)) from None
                    if current is None:
                        added += 1
                    elif moment(record["updated_at"]) > moment(current["updated_at"]):
                        updated += 1
                    else:
                        unchanged += 1
                        continue
                    to_write.append(record)
                written: list[str] = []
                try:
                    self._store_records(to_write, written)
                except (OSError, SaveFailed) as error:
                    raise self._import_stopped(error, written, len(to_write)) from error
        return ImportResult(added=added, updated=updated, unchanged=unchanged)

    def _import_stopped(self, error: OSError | SaveFailed, written: list[str],
                        total: int) -> ImportIncomplete:
        """What an import that stopped part-way says: why, and which sessions are in."""
        cause = save_failed(error) if isinstance(error, OSError) else error
        if written:
            with contextlib.suppress(OSError):
                fsync_dir(self.sessions_dir)
        incomplete = ImportIncomplete(
            f"The import stopped after {len(written)} of {total} sessions: {cause}",
            code="import_partial",
            params={**cause.params, "n": len(written), "total": total,
                    "cause": cause.code or "", "ids": ", ".join(written)})
        incomplete.errno, incomplete.cause = cause.errno, cause
        incomplete.written, incomplete.total = tuple(written), total
        return incomplete

    def restore_backup(self, notice: Notice) -> None:
        """Put back the last good copy named by a "damaged" notice, and drop the notice."""
        with self._mutex:
            self._guard_writable()
            with self._writing():
                self._recovery.restore(notice)
                self._recovery.forget(notice)
            if notice in self.notices:
                self.notices.remove(notice)

    def dismiss(self, notice: Notice) -> None:
        """The user has been told of `notice` (and declined any earlier copy offered).

        Damage found by any process is recorded in the data folder until the app has told
        it; this drops the record. A read-only window leaves it for the next one.
        """
        with self._mutex:
            if self.read_only or self._closed:
                return
            try:
                with self._write_lock.held(self._wait):
                    self._recovery.forget(notice)
            except (OSError, StoreLocked):
                pass  # told again next time: better twice than never

    def close(self) -> None:
        """Bring the index up to date and let go of the locks. Safe to call twice."""
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            if not self.read_only and (self._pending or not self._digest_current()):
                # The index and the digest are caches; the next open brings them up to date.
                with contextlib.suppress(StoreError), self._writing():
                    if self._pending:
                        self.commit_rows({})
                    if not self._digest_current():
                        with contextlib.suppress(OSError):
                            key = digests.key_now(self.directory)
                            digests.write(self._digest_path, self._build_digest(key))
            self._index.close()
            self._write_lock.close()
            if self._app_lock is not None:
                self._app_lock.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Internals

    def _digest_current(self) -> bool:
        """True if digest.json holds the digest of the folder as it is now."""
        key = digests.key_now(self.directory)
        if self._digest is not None and self._digest.key == key:
            return True
        return digests.read(self._digest_path, key) is not None

    def _guard_writable(self) -> None:
        if self._closed:
            raise StoreError("The session store is closed.", code="closed")
        if self.read_only:
            raise StoreLocked(self._refusal, code=self._refusal_code)

    def _writing(self) -> _Writing:
        return _Writing(self)

    def _refresh(self) -> None:
        """Reload the index if another process replaced it; recover if it is damaged."""
        before = self._index.generation
        if not self._recovery.load_index():
            return
        if self._index.generation != before:
            self._revalidate_pending()

    # The seam recovery works through (`store.recovery.Host`): rows, hold_rows, write_lock,
    # commit_rows and stop_writing. The app has no use for them.

    def rows(self) -> dict[str, dict[str, Any]]:
        """Index rows by id: the index with pending changes laid over it."""
        rows = self._recovery.index_rows()
        if not self._pending:
            return rows
        merged = dict(rows)
        for session_id, row in self._pending.items():
            if row is None:
                merged.pop(session_id, None)
            else:
                merged[session_id] = row
        return merged

    def hold_rows(self, changes: dict[str, dict[str, Any] | None]) -> None:
        """Keep index rows (None: a deletion) in memory until the next index write."""
        self._pending.update(changes)
        self._pending_version += 1

    def write_lock(self) -> contextlib.AbstractContextManager[None]:
        """The write lock, waited for as long as this store waits."""
        return self._write_lock.held(self._wait)

    def _revalidate_pending(self) -> None:
        """After another process rewrote the index, keep only pending rows still true on disk."""
        for session_id, row in list(self._pending.items()):
            path = self.sessions_dir / f"{session_id}.json"
            try:
                sig: list[int] | None = list(signature(os.stat(path)))
            except FileNotFoundError:
                sig = None
            if (row is None) != (sig is None) or (row is not None and row["file"] != sig):
                del self._pending[session_id]
        self._pending_version += 1

    def _store_records(self, records: list[dict[str, Any]],
                       written: list[str] | None = None) -> None:
        """Write session files, then the index once if any summary changed (write lock held).

        The id of each file in place is added to `written`, so a write that fails part-way
        can say which sessions it saved; their rows are already pending then.
        """
        if not records:
            return
        view = self.rows()
        changes: dict[str, dict[str, Any] | None] = {}
        single = len(records) == 1
        try:
            for record in records:
                path = session_files.session_path(self.sessions_dir, record["id"])
                _check_replaceable(path)
                sig = session_files.write(path, record, sync_dir=single)
                row = summary_row(record, sig)
                if needs_rewrite(view.get(record["id"]), row):
                    changes[record["id"]] = row
                else:
                    self.hold_rows({record["id"]: row})
                if written is not None:
                    written.append(record["id"])
            if not single:
                fsync_dir(self.sessions_dir)
        except BaseException:
            self.hold_rows(changes)
            raise
        if changes:
            self.commit_rows(changes)

    def commit_rows(self, changes: dict[str, dict[str, Any] | None]) -> None:
        """Apply `changes` (None: a deletion) and everything pending to the index (lock held).

        The session files are already safe, so a failure here is not the save's failure:
        the rows stay pending and go out with the next index write.
        """
        self.hold_rows(changes)
        upserts = {i: r for i, r in self._pending.items() if r is not None}
        removals = {i for i, r in self._pending.items() if r is None}
        if self._recovery.blocked:
            return  # the index cannot be read: the rows stay in memory (see Recovery)
        try:
            self._index.apply(upserts, removals)
        except (OSError, IndexUnreadable):
            return
        self._pending.clear()
        self._pending_version += 1


def _check_replaceable(path: Path) -> None:
    """Refuse to write over a session file that is there but cannot be read."""
    try:
        session_files.check_replaceable(path)
    except OSError as error:
        failure = SaveFailed(
            f"The saved copy of this session ({path.name}) cannot be read "
            f"({error.strerror or error}), so parting will not write over it; your answers "
            "are kept on screen.", code="unreadable_kept",
            params={"file": path.name, "detail": os_detail(error)})
        failure.errno = error.errno
        raise failure from error


def _not_found(session_id: str) -> SessionNotFound:
    return SessionNotFound(f"There is no saved session {session_id!r}.", code="no_session",
                           params={"id": session_id})


class _Writing:
    """The write lock, a fresh look at the index, and plain-language errors, for one write."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store

    def __enter__(self) -> None:
        self.store._write_lock.acquire(self.store._wait)
        try:
            self.store._refresh()
        except BaseException:
            self.store._write_lock.release()
            raise

    def __exit__(self, exc_type: type[BaseException] | None, error: BaseException | None,
                 traceback: object) -> None:
        self.store._write_lock.release()
        if error is None or isinstance(error, StoreError):
            return
        if isinstance(error, OSError):
            raise save_failed(error) from error
        if isinstance(error, Exception):
            raise SaveFailed(f"Saving failed unexpectedly ({error}); your answers are kept "
                             "on screen.", code="save_unexpected",
                             params={"detail": type(error).__name__}) from error
