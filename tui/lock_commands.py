"""`parting lock`, `unlock`, `passphrase`, and unlocking a folder for the other commands.

A passphrase is asked on the terminal without echo (getpass), or read as gpg does from a
file descriptor given with `--passphrase-fd N`; never from the command line or the
environment, where other programs and shell histories could see it.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from content import Catalog
from store import StoreError, sealing
from store.errors import os_detail
from tui.cli_commands import CommandFailed

_fd_lines: dict[int, list[bytes]] = {}


def read_fd_line(fd: int, catalog: Catalog) -> str:
    """The next line written to descriptor `fd`, without its "\n" (or "\r\n").

    Only a newline ends a line: a passphrase may hold any other character, U+2028 and
    form feeds included, and is used whole. A descriptor that cannot be read, or bytes
    that are not UTF-8, raise `CommandFailed` before anything changes.
    """
    if fd not in _fd_lines:
        chunks = []
        try:
            while True:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except OSError as error:
            raise _fd_failed(catalog, "lock.fd_unreadable", fd, os_detail(error)) from None
        lines = b"".join(chunks).split(b"\n")
        if lines[-1] == b"":
            lines.pop()
        _fd_lines[fd] = lines
    lines = _fd_lines[fd]
    line = lines.pop(0) if lines else b""
    if line.endswith(b"\r"):
        line = line[:-1]
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        raise _fd_failed(catalog, "lock.fd_not_text", fd, "") from None


def _fd_failed(catalog: Catalog, key: str, fd: int, detail: str) -> CommandFailed:
    return CommandFailed(catalog.ui(key, fd=fd, detail=detail))


def _ask(catalog: Catalog, key: str) -> str:
    import getpass

    return getpass.getpass(catalog.ui(f"lock.{key}"))


def _new_passphrase(catalog: Catalog, fd: int | None) -> str | None:
    if fd is not None:
        new = read_fd_line(fd, catalog)
    else:
        new = _ask(catalog, "ask_new")
        if _ask(catalog, "ask_again") != new:
            print(catalog.ui("lock.mismatch"), file=sys.stderr)
            return None
    if not new:
        print(catalog.ui("lock.empty"), file=sys.stderr)
        return None
    return new


def _current(catalog: Catalog, fd: int | None, key: str = "ask") -> str:
    return read_fd_line(fd, catalog) if fd is not None else _ask(catalog, key)


def _wrong(error: sealing.SealError) -> StoreError:
    from store.conversion import as_store_error

    return as_store_error(error)


def lock_command(directory: Path, catalog: Catalog, fd: int | None) -> int:
    from store.conversion import lock_folder

    sealing.forget_folder_state(directory)
    if sealing.is_locked(directory):
        return _finish_locking(directory, catalog, fd)
    passphrase = _new_passphrase(catalog, fd)
    if passphrase is None:
        return 1
    try:
        lock_folder(directory, passphrase)
    except OSError as error:
        known = sealing.key_for(directory)
        started = known is not None and known.state == sealing.SEALING
        raise _stopped(catalog, "lock.lock_stopped" if started else "lock.lock_not_started",
                       error) from None
    print(catalog.ui("lock.locked_done"))
    return 0


def _finish_locking(directory: Path, catalog: Catalog, fd: int | None) -> int:
    """`lock` on a folder with a key file: finish a lock that stopped part-way, if it did.

    Only the passphrase opens the folder's state, so it is asked for; "already locked" is
    said only once the state shows every file was encrypted.
    """
    from store import keychain
    from store.conversion import finish

    if not keychain.recall(directory):
        try:
            sealing.unlock_with_passphrase(directory, _current(catalog, fd))
        except sealing.SealError as error:
            raise _wrong(error) from None
        except OSError as error:
            raise _key_file_unreadable(catalog, directory, error) from None
    known = sealing.key_for(directory)
    assert known is not None
    if known.state == sealing.SEALED:
        raise StoreError("already locked", code="already_locked")
    if known.state == sealing.UNSEALING:
        raise CommandFailed(catalog.ui("lock.lock_while_unsealing"))
    try:
        if not finish(directory):
            raise StoreError("another window", code="convert_app_open")
    except OSError as error:
        raise _stopped(catalog, "lock.lock_stopped", error) from None
    _reindex(directory)
    print(catalog.ui("lock.locked_done"))
    return 0


def unlock_command(directory: Path, catalog: Catalog, fd: int | None) -> int:
    from store import keychain
    from store.conversion import _require_locked, unlock_folder

    _require_locked(directory)
    try:
        unlock_folder(directory, _current(catalog, fd))
    except sealing.SealError as error:
        raise _wrong(error) from None
    except OSError as error:
        known = sealing.key_for(directory)
        if known is None and error.filename == str(directory / sealing.SEAL_FILE):
            raise _key_file_unreadable(catalog, directory, error) from None
        started = known is not None and known.state == sealing.UNSEALING
        if not started or (directory / sealing.SEAL_FILE).exists():
            raise _stopped(catalog, "lock.unlock_stopped" if started
                           else "lock.unlock_not_started", error) from None
        # Every file is plain and the key file is gone: only a last flush failed.
    keychain.forget(directory)
    print(catalog.ui("lock.unlocked_done"))
    return 0


def passphrase_command(directory: Path, catalog: Catalog, fd: int | None) -> int:
    from store.conversion import _require_locked, change_passphrase

    _require_locked(directory)
    old = _current(catalog, fd, "ask_current")
    try:
        document = sealing.read_seal_document(directory)
        sealing.unwrap(document, old)  # say "wrong" before asking for a new one
    except sealing.SealError as error:
        raise _wrong(error) from None
    except OSError as error:
        raise _key_file_unreadable(catalog, directory, error) from None
    new = _new_passphrase(catalog, fd)
    if new is None:
        return 1
    try:
        change_passphrase(directory, old, new)
    except sealing.SealError as error:
        raise _wrong(error) from None
    except OSError as error:
        # Only seal.json is rewritten, and atomically: the old one is still in place.
        raise _stopped(catalog, "lock.passphrase_not_changed", error) from None
    print(catalog.ui("lock.changed_done"))
    return 0


def _stopped(catalog: Catalog, key: str, error: OSError) -> CommandFailed:
    """A lock, unlock or passphrase change the disk stopped: why, and where it was left."""
    return CommandFailed(catalog.ui(key, reason=_why(catalog, error)))


_WHY = {errno.ENOSPC: "lock.why_disk_full", errno.EDQUOT: "lock.why_quota",
        errno.EROFS: "lock.why_read_only_disk", errno.EACCES: "lock.why_no_permission",
        errno.EPERM: "lock.why_no_permission"}


def _why(catalog: Catalog, error: OSError) -> str:
    from store.atomic import TEMP_MARK

    name = Path(str(error.filename or ""))
    if TEMP_MARK in name.name:
        name = name.parent  # a temporary file of ours: the folder it could not be made in
    return catalog.ui(_WHY.get(error.errno or 0, "lock.why_io_error"), file=name,
                      detail=os_detail(error))


def _key_file_unreadable(catalog: Catalog, directory: Path, error: OSError) -> CommandFailed:
    return CommandFailed(catalog.ui("lock.key_file_unreadable",
                                    file=directory / sealing.SEAL_FILE,
                                    detail=os_detail(error)))


def _reindex(directory: Path) -> None:
    """Every file has a new signature now: let the store re-read them once."""
    import contextlib

    from store import SessionStore

    with contextlib.suppress(StoreError, OSError):
        SessionStore.open(directory).close()


def open_locked(directory: Path, catalog: Catalog, fd: int | None, *,
                quiet_without_terminal: bool = False) -> bool | None:
    """Make the folder's key known here, if it is locked. True: go on; None: stop, exit 0.

    The keyring is tried first (when the key was remembered), then `--passphrase-fd`,
    then the terminal. Raises `StoreError` for a wrong passphrase.
    """
    sealing.forget_folder_state(directory)
    if not sealing.is_locked(directory) or sealing.key_for(directory) is not None:
        return True
    from store import keychain

    if keychain.recall(directory):
        return True
    if fd is None and not (sys.stdin.isatty() and sys.stderr.isatty()):
        if quiet_without_terminal:
            print(catalog.ui("lock.due_locked"))
            return None
        raise _needs(catalog)
    passphrase = _current(catalog, fd)
    try:
        sealing.unlock_with_passphrase(directory, passphrase)
    except sealing.SealError as error:
        raise _wrong(error) from None
    except FileNotFoundError:
        # `parting unlock` finished in the meantime: the sessions are plain again.
        sealing.forget_folder_state(directory)
        if sealing.is_locked(directory):
            raise
    except OSError as error:
        raise _key_file_unreadable(catalog, directory, error) from None
    return True


def _needs(catalog: Catalog) -> SystemExit:
    print(catalog.ui("lock.need_passphrase"), file=sys.stderr)
    return SystemExit(1)
