"""Sessions and reminders written to files: what `parting export` and the Export keys share.

No Textual import here, so the command line stays fast.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from content import Catalog
from store import Session

FORMATS = ("md", "json", "ics")
SUFFIX = {"md": ".md", "json": ".json", "ics": ".ics"}


def anonymised(sessions: Sequence[Session], catalog: Catalog) -> list[Session]:
    """Copies with client names and names in the answers replaced ("Client A")."""
    from content.anonymise import anonymise_sessions

    return anonymise_sessions(sessions, catalog)


def session_document(session: Session, catalog: Catalog) -> str:
    """One session as a readable Markdown page: answers, drafts, check-ins, reminders."""
    from content.markdown import session_markdown

    return session_markdown(session.to_record(), catalog)


def render(sessions: Sequence[Session], fmt: str, catalog: Catalog) -> bytes:
    """`sessions` as one file's bytes: "md" (one document), "json" (re-importable), "ics"."""
    if fmt == "json":
        from store.exchange import dumps_document, export_document

        return dumps_document(export_document(sessions))
    if fmt == "md":
        return "\n---\n\n".join(session_document(s, catalog) for s in sessions).encode("utf-8")
    if fmt == "ics":
        from content.calendar import reminders_ics

        return reminders_ics(sessions, catalog)
    raise ValueError(f"unknown export format {fmt!r}")


def offer_download(app: Any, data: bytes, filename: str) -> None:
    """Hand `data` to the browser as a download named `filename` (under `parting serve`).

    A file written on the server's disk would be out of reach of a browser on a tablet, so
    in a browser tab every export is a download instead.
    """
    import io

    app.deliver_binary(io.BytesIO(data), save_filename=filename)
    app.notify(app.catalog.ui("app.downloaded", name=filename), timeout=10, markup=False)


class NotAFile(OSError):
    """The export's path names something that is not an ordinary file: a folder, a device,
    a pipe. Nothing is written there and its mode is left alone."""


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path`, readable by the user only (answers are private).

    The bytes go to a temporary file beside `path`, are flushed to the disk, and only then
    take its name, so a full disk or a crash mid-way leaves the file that was there before
    (an earlier backup) exactly as it was. A `path` that is a folder, a device or a pipe is
    refused with `NotAFile` before anything is written or changed.
    """
    from store.atomic import fsync_dir, write_atomic

    target = Path(os.path.realpath(path))  # a link is followed: the file it names is replaced
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise NotAFile(errno.EINVAL, "not an ordinary file", str(path))
    write_atomic(target, data, keep_backup=False, sync_dir=False, seal=False)
    # The file is in place now; a folder that cannot be flushed does not undo that.
    with contextlib.suppress(OSError):
        fsync_dir(target.parent)


def has_file(path: Path) -> bool:
    """Whether an ordinary file is at `path` already (what a failed export leaves alone)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def write_folder(sessions: Iterable[Session], folder: Path, catalog: Catalog) -> list[Path]:
    """One Markdown file per session in `folder` (made if needed); returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    used: set[str] = set()
    for session in sessions:
        name = file_stem(session, catalog)
        stem, n = name, 2
        while stem in used:
            stem, n = f"{name}-{n}", n + 1
        used.add(stem)
        path = folder / f"{stem}.md"
        write_private(path, session_document(session, catalog).encode("utf-8"))
        written.append(path)
    return written


def file_stem(session: Any, catalog: Catalog) -> str:
    """"2026-11-23-acme-drop": sorts by date in a folder, says what it is, safe everywhere."""
    client = slug(session.client) or slug(catalog.ui("app.the_client"))
    return "-".join(p for p in (str(session.created_at)[:10], client, session.flow) if p)


def export_path(folder: Path, stem: str, taken: str | None = None) -> Path:
    """Where a session's page goes in `folder`: `<stem>.md`, never over another file.

    The same session exported again reuses `taken` (its earlier file, when it is in
    `folder`); any other file already there gets a number added instead: `<stem>-2.md`.
    """
    if taken and Path(taken).parent == folder:
        return Path(taken)
    path, number = folder / f"{stem}.md", 2
    while path.exists():
        path, number = folder / f"{stem}-{number}.md", number + 1
    return path


def slug(text: str) -> str:
    """Lower-case letters, digits and dashes only; other characters become dashes."""
    cleaned = re.sub(r"[^\w]+", "-", text.strip().lower(), flags=re.UNICODE).strip("-_")
    return cleaned[:40].strip("-_")


def default_path(stem: str, fmt: str, folder: Path | None = None) -> Path:
    """Where an export goes unless the user says otherwise: the current folder."""
    return (folder or Path.cwd()) / f"{stem}{SUFFIX[fmt]}"
