"""What `parting export`, `parting import` and `parting due` do. No Textual import here."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from content import Catalog
from store import BadImport, Session, SessionStore
from store.locks import FileLock
from tui.safe_text import shown
from tui.store_text import explain

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
        finally:
            probe.close()
    return SessionStore.open(directory, wait=CLI_WAIT)


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
    finally:
        store.close()
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
    from tui.exports import write_folder

    try:
        written = write_folder(sessions, folder, catalog)
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
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        _say_plain(catalog)
        return 0
    from tui.exports import write_private

    path = Path(output)
    try:
        write_private(path, data)
    except OSError as error:
        print(catalog.ui("cli.write_failed", path=path, error=error.strerror or error),
              file=sys.stderr)
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
        result = store.import_sessions(sessions)
    finally:
        store.close()
    print(catalog.ui("cli.imported", added=result.added, updated=result.updated,
                     unchanged=result.unchanged))
    return 0


def due_command(directory: Path, catalog: Catalog, today: date | None = None) -> int:
    from content.reminders import due_reminders, reminder_line

    store = _open_store(directory, catalog)
    try:
        reminding = store.digest().reminding
    finally:
        store.close()
    day = today or date.today()
    for summary, reminder in due_reminders(reminding, day):
        print(shown(reminder_line(catalog, reminder, summary.client, day)))
    return 0
