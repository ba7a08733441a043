"""What `parting export`, `parting import` and `parting due` do. No Textual import here."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from content import Catalog
from store import BadImport, ImportIncomplete, Session, SessionStore
from store.locks import FileLock
from tui.safe_text import shown
from tui.store_text import explain


class CommandFailed(Exception):
    """A command could not do what was asked; `str(error)` tells the user, in their language,
    what state it left. `parting` prints it on one line and exits with status 1."""


class OutputFailed(CommandFailed):
    """Standard output could not be written (a full disk behind `> file`, a broken device).

    What is still buffered for it is dropped, so nothing raises again at exit.
    """


CLI_WAIT = 10.0  # seconds a command waits for another parting process to finish writing


def _open_store(directory: Path, catalog: Catalog) -> SessionStore:
    """Open the data folder, first saying so if another parting process makes us wait."""
    lock_path = directory / "sessions.lock"
    if lock_path.exists():
        probe = FileLock(lock_path)
        try:
            if probe.try_acquire():
                probe.release()
            else:
                print(catalog.ui("cli.waiting", seconds=f"{CLI_WAIT:g}"), file=sys.stderr,
                      flush=True)
        except OSError:
            pass  # a read-only disk, or a lock we may not open: the store copes with both
        finally:
            probe.close()
    return SessionStore.open(directory, wait=CLI_WAIT)


# Notices that mean a session is left out of what a command prints or exports.
MISSING_CODES = ("damaged", "file_unreadable", "newer")


def _tell(store: SessionStore, catalog: Catalog) -> int:
    """Print on stderr what the store found (damage set aside, files it cannot read).

    Returns how many sessions those notices leave out. "read_only" notices are not
    printed: a command that only reads has nothing to save.
    """
    missing = 0
    for notice in store.notices:
        if notice.kind == "read_only":
            continue
        print(f"parting: {explain(catalog, notice)}", file=sys.stderr)
        missing += notice.code in MISSING_CODES
    return missing


def _selected(store: SessionStore, args: argparse.Namespace,
              catalog: Catalog) -> list[dict[str, Any]]:
    """The records asked for: by id (or a unique start of one), or all of them."""
    if args.ids:
        chosen = []
        for session_id in args.ids:
            try:
                chosen.append(store.get_record(session_id))
            except KeyError:
                matches = [s for s in store.summaries() if s.id.startswith(session_id)]
                if len(matches) != 1:
                    raise SystemExit(catalog.ui("cli.no_such_session", id=session_id)) from None
                chosen.append(store.get_record(matches[0].id))
        return chosen
    return list(store.records())


def export_command(args: argparse.Namespace, directory: Path, catalog: Catalog) -> int:
    if not args.ids and not args.all:
        print(catalog.ui("cli.export_what"), file=sys.stderr)
        return 2
    store = _open_store(directory, catalog)
    try:
        records = _selected(store, args, catalog)
        missing = _tell(store, catalog)
    finally:
        store.close()
    status = _export(records, args, catalog)
    if missing and args.all:
        # What was written is kept, but a backup without these sessions is not a success.
        print(catalog.ui("cli.export_incomplete", n=missing), file=sys.stderr)
        return status or 1
    return status


def _export(records: list[dict[str, Any]], args: argparse.Namespace, catalog: Catalog) -> int:
    if args.format == "json" and not args.anonymise:
        from store.exchange import dumps_document, records_document

        # The records go out as they were read and checked: no Session copies, no second check.
        return _write(dumps_document(records_document(records)), args.output, catalog)
    sessions = [Session.from_record(record) for record in records]
    if args.anonymise:
        from tui.exports import anonymised

        sessions = anonymised(sessions, catalog)
    if args.format == "md" and args.output and _is_folder(args.output):
        return _write_folder(sessions, Path(args.output), catalog)
    from tui.exports import render

    return _write(render(sessions, args.format, catalog), args.output, catalog)


def _is_folder(output: str) -> bool:
    """`-o DIR` for Markdown: an existing folder, a path ending in a slash, or no suffix."""
    path = Path(output)
    return path.is_dir() or output.endswith(("/", "\\")) or (output != "-" and not path.suffix)


def _write_folder(sessions: list[Session], folder: Path, catalog: Catalog) -> int:
    from tui.exports import NotAFile, write_folder

    try:
        written = write_folder(sessions, folder, catalog)
    except NotAFile as error:
        print(catalog.ui("cli.not_a_file", path=error.filename), file=sys.stderr)
        return 1
    except OSError as error:
        print(catalog.ui("cli.write_failed", path=error.filename or folder,
                         error=error.strerror or error), file=sys.stderr)
        return 1
    print(catalog.ui("cli.written_folder", n=len(written), path=folder), file=sys.stderr)
    _say_plain(catalog)
    return 0


def _write(data: bytes, output: str | None, catalog: Catalog) -> int:
    if not output or output == "-":
        if sys.stdout.isatty():
            # On a terminal, a session's text is shown, never obeyed; a pipe gets the bytes.
            data = shown(data.decode("utf-8", errors="replace")).encode("utf-8")
        with _stdout(catalog, "cli.stdout_failed"):
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        _say_plain(catalog)
        return 0
    from tui.exports import NotAFile, has_file, write_private

    path = Path(output)
    earlier = has_file(path)
    try:
        write_private(path, data)
    except NotAFile:
        print(catalog.ui("cli.not_a_file", path=path), file=sys.stderr)
        return 1
    except OSError as error:
        key = "cli.write_failed_kept" if earlier else "cli.write_failed"
        print(catalog.ui(key, path=path, error=error.strerror or error), file=sys.stderr)
        return 1
    print(catalog.ui("cli.written", path=path), file=sys.stderr)
    _say_plain(catalog)
    return 0


def _say_plain(catalog: Catalog) -> None:
    """An export from a locked folder is plain text: the user is told so, every time."""
    from store import sealing

    if sealing.any_key_known():
        print(catalog.ui("lock.export_plain"), file=sys.stderr)


def import_command(path: Path, directory: Path, catalog: Catalog) -> int:
    from store.exchange import MAX_BYTES, parse_document

    try:
        # Never more than the largest export plus one byte: a huge file (or /dev/zero) is
        # refused by size without filling the memory first.
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        print(catalog.ui("cli.read_failed", path=path, error=error.strerror or error),
              file=sys.stderr)
        return 1
    try:
        sessions = parse_document(raw)
    except BadImport as error:
        print(catalog.ui("cli.import_refused", path=path, error=explain(catalog, error)),
              file=sys.stderr)
        return 1
    store = _open_store(directory, catalog)
    try:
        _tell(store, catalog)
        if store.read_only:
            refusal = next(n for n in store.notices if n.kind == "read_only")
            print(catalog.ui("cli.cannot_write", folder=directory,
                             reason=explain(catalog, refusal)), file=sys.stderr)
            return 1
        try:
            result = store.import_sessions(sessions)
        except ImportIncomplete as stopped:
            print(_stopped(stopped, catalog), file=sys.stderr)
            return 1
    finally:
        store.close()
    counts = {"added": result.added, "updated": result.updated, "unchanged": result.unchanged}
    with _stdout(catalog, "cli.imported_unreported", **counts):
        print(catalog.ui("cli.imported", **counts), flush=True)
    return 0


def _stopped(stopped: ImportIncomplete, catalog: Catalog) -> str:
    """An import cut short by the disk: why, and which sessions are in (all or none of them)."""
    cause = stopped.params.get("cause") or "io_error"
    key = f"cli.import_why_{cause}"
    reason = catalog.ui(key if catalog.has_ui(key) else "cli.import_why_io_error",
                        detail=stopped.params.get("detail", ""))
    if not stopped.written:
        return catalog.ui("cli.import_stopped_none", reason=reason)
    return catalog.ui("cli.import_stopped_some", reason=reason, n=len(stopped.written),
                      total=stopped.total, ids=", ".join(stopped.written))


def due_command(directory: Path, catalog: Catalog, today: date | None = None) -> int:
    from content.reminders import due_reminders, reminder_line

    store = _open_store(directory, catalog)
    try:
        reminding = store.digest().reminding
        _tell(store, catalog)
    finally:
        store.close()
    day = today or date.today()
    with _stdout(catalog, "cli.stdout_failed"):
        for summary, reminder in due_reminders(reminding, day):
            print(shown(reminder_line(catalog, reminder, summary.client, day)))
        sys.stdout.flush()
    return 0


@contextlib.contextmanager
def _stdout(catalog: Catalog, key: str, **values: Any) -> Iterator[None]:
    """Writing to standard output; a disk full behind it becomes the message `key`.

    A reader that went away (BrokenPipeError) is left to `main`, which stops quietly.
    """
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(catalog.ui(key, error=error.strerror or error, **values)) from None
