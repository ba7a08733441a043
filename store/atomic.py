"""Writing files so that a crash, a kill or a full disk leaves the old file or the new one.

Every file the store writes goes through `write_atomic`: a temporary file in the same
folder, written and fsynced, then renamed over the old name, then the folder fsynced so the
rename itself survives a power cut. The previous good copy is kept as `<name>.bak` by
hard-linking it before the rename, which costs no copying.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from store import sealing

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_MARK = ".tmp-"


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) if needed and make it 0700, whatever the umask."""
    path.mkdir(parents=True, exist_ok=True)
    # mkdir's mode is masked by the umask, so set it explicitly; a folder someone else
    # already owns (chmod fails) is left as it is rather than refusing to work.
    try:
        if (path.stat().st_mode & 0o777) != DIR_MODE:
            os.chmod(path, DIR_MODE)
    except OSError:
        pass


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (renames, new names) to disk."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(path: Path, purpose: str = "") -> Path:
    """A fresh hidden name beside `path`, recognisable as ours so leftovers can be swept."""
    token = os.urandom(4).hex()
    return path.with_name(f".{path.name}{purpose}{TEMP_MARK}{os.getpid()}-{token}")


def backup_path(path: Path) -> Path:
    """Where the previous good copy of `path` is kept."""
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True,
                 sync_dir: bool = True, seal: bool = True) -> None:
    """Replace `path` with `data` so a reader sees either the old bytes or the new ones.

    With `keep_backup`, the file being replaced becomes `<name>.bak`. On any error the
    temporary files are removed and `path` is left as it was; the OSError propagates.
    In a locked folder `data` is encrypted first (see store/sealing.py), so not even the
    temporary file holds it in plain text; `seal=False` is for bytes sealed already.
    """
    if seal:
        data = sealing.sealed_for(path, data)
    tmp = temp_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        try:
            # os.open's mode is masked by the umask; fchmod is not.
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if keep_backup:
            _link_backup(path)
        os.replace(tmp, path)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    if sync_dir:
        fsync_dir(path.parent)


def _link_backup(path: Path) -> None:
    """Make `<path>.bak` another name for the current `path`, if there is one."""
    link_tmp = temp_name(path, ".bak")
    try:
        os.link(path, link_tmp)
    except FileNotFoundError:
        return
    try:
        os.replace(link_tmp, backup_path(path))
    except BaseException:
        _unlink_quietly(link_tmp)
        raise
    # rename() between two names of the same file does nothing and leaves the source:
    # that happens when a crash left `.bak` already linked to the current file.
    if os.path.lexists(link_tmp):
        _unlink_quietly(link_tmp)


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def read_file(path: Path) -> tuple[bytes, os.stat_result]:
    """A store file's plain bytes and the stat of what was read.

    The one place files come back from disk: in a locked folder the bytes are opened
    (and checked) here. Raises OSError, `sealing.Tampered`, `sealing.NeedKey`.
    """
    with open(path, "rb") as handle:
        # The signature of what is actually read, not of what stat saw a moment ago.
        stat = os.fstat(handle.fileno())
        raw = handle.read()
    return sealing.opened(path, raw), stat


def utc_stamp(moment: datetime | None = None) -> str:
    """A compact UTC time for file names: YYYYmmddTHHMMSSZ."""
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def move_aside(path: Path, label: str = "corrupt") -> Path:
    """Rename a damaged file to `<name>.<label>-<UTC time>` without ever replacing a file.

    os.link refuses to overwrite, so two damaged copies in the same second get a counter
    instead of one destroying the other.
    """
    stamp = utc_stamp()
    for n in range(1000):
        suffix = f".{label}-{stamp}" + (f"-{n}" if n else "")
        target = path.with_name(path.name + suffix)
        try:
            os.link(path, target)
        except FileExistsError:
            continue
        os.unlink(path)
        fsync_dir(path.parent)
        return target
    raise FileExistsError(f"too many damaged copies of {path.name}")


def sweep_temp_files(folder: Path) -> None:
    """Remove temporary files left by a writer that was killed mid-write.

    Only call while holding the write lock: then no other writer is mid-write.
    """
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.name.startswith(".") and TEMP_MARK in entry.name:
            _unlink_quietly(Path(entry.path))


def read_bytes(path: Path) -> bytes:
    """The whole of a file the store wrote; the one place such a file is read back.

    Raises FileNotFoundError and other OSErrors as `open` does; in a locked folder the
    bytes are opened and checked here (`sealing.Tampered`, `sealing.NeedKey`).
    """
    with open(path, "rb") as handle:
        return sealing.opened(path, handle.read())
