"""`parting lock`, `unlock`, `passphrase`, and unlocking a folder for the other commands.

A passphrase is asked on the terminal without echo (getpass), or read as gpg does from a
file descriptor given with `--passphrase-fd N`; never from the command line or the
environment, where other programs and shell histories could see it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from content import Catalog
from store import StoreError, sealing

_fd_lines: dict[int, list[str]] = {}


def read_fd_line(fd: int) -> str:
    """The next line written to descriptor `fd` (without its newline)."""
    if fd not in _fd_lines:
        chunks = []
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        _fd_lines[fd] = b"".join(chunks).decode("utf-8").splitlines()
    lines = _fd_lines[fd]
    return lines.pop(0) if lines else ""


def _ask(catalog: Catalog, key: str) -> str:
    import getpass

    return getpass.getpass(catalog.ui(f"lock.{key}"))


def _new_passphrase(catalog: Catalog, fd: int | None) -> str | None:
    if fd is not None:
        new = read_fd_line(fd)
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
    return read_fd_line(fd) if fd is not None else _ask(catalog, key)


def _wrong(error: sealing.SealError) -> StoreError:
    from store.conversion import as_store_error

    return as_store_error(error)


def lock_command(directory: Path, catalog: Catalog, fd: int | None) -> int:
    from store.conversion import lock_folder

    sealing.forget_folder_state(directory)
    if sealing.is_locked(directory):
        raise StoreError("already locked", code="already_locked")
    passphrase = _new_passphrase(catalog, fd)
    if passphrase is None:
        return 1
    lock_folder(directory, passphrase)
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
    new = _new_passphrase(catalog, fd)
    if new is None:
        return 1
    try:
        change_passphrase(directory, old, new)
    except sealing.SealError as error:
        raise _wrong(error) from None
    print(catalog.ui("lock.changed_done"))
    return 0


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
    return True


def _needs(catalog: Catalog) -> SystemExit:
    print(catalog.ui("lock.need_passphrase"), file=sys.stderr)
    return SystemExit(1)
