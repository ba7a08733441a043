"""Turning a data folder's encryption on and off, and changing its passphrase, crash-safely.

`seal.json` is the marker: it is written first (state "sealing") before any file is
encrypted, and rewritten as "sealed" only after every file is; unlocking first writes
"unsealing" and removes seal.json only after every file is plain again. Each file is
replaced atomically, and while the state is not "sealed" both kinds are read, so a kill at
any moment leaves a folder that opens with the passphrase and finishes the work there
(`finish`). The state is sealed with the data key, so it cannot be edited from outside.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from store import sealing
from store.atomic import TEMP_MARK, fsync_dir, write_atomic
from store.errors import StoreError, StoreLocked
from store.locks import FileLock

REMEMBERED_MARK = "seal.remembered"
WAIT = 10.0


def _files(directory: Path) -> Iterator[Path]:
    """Every file the store wrote in the folder that may hold what the user typed."""
    for folder in (directory, directory / "sessions"):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except FileNotFoundError:
            continue
        for entry in entries:
            name = entry.name
            if (not entry.is_file(follow_symlinks=False) or name in sealing.PLAIN_NAMES
                    or name == REMEMBERED_MARK or name.endswith(".lock")
                    or TEMP_MARK in name):
                continue
            yield Path(entry.path)


@contextlib.contextmanager
def _folder_held(directory: Path) -> Iterator[None]:
    """Both locks: no window may have the folder open while its files change form."""
    app_lock = FileLock(directory / "app.lock")
    write_lock = FileLock(directory / "sessions.lock")
    try:
        if not app_lock.try_acquire():
            raise StoreLocked("parting is open in another window; close it first.",
                              code="convert_app_open")
        with write_lock.held(WAIT):
            yield
    finally:
        write_lock.close()
        app_lock.close()


def _write_seal(directory: Path, document: dict) -> None:
    import json

    write_atomic(directory / sealing.SEAL_FILE,
                 json.dumps(document, indent=2).encode("ascii") + b"\n", keep_backup=False)


def _convert_file(path: Path, key: bytes, to_sealed: bool) -> None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return
    if path.name == "index.log":
        lines = raw.split(b"\n")[:-1]  # a torn last line is dropped: the files hold the truth
        out = []
        for line in lines:
            if to_sealed:
                out.append(line + b"\n" if line.startswith(sealing.LINE_MARK)
                           else sealing.seal_line(path, line))
            else:
                try:
                    out.append(sealing.open_line(path, line) + b"\n")
                except sealing.Tampered:
                    return  # leave a damaged journal as it is; the index is rebuilt
        new = b"".join(out)
        if new != raw:
            write_atomic(path, new, keep_backup=False, seal=False)
        return
    if sealing.is_sealed(raw):
        if to_sealed:
            return
        try:
            plain = sealing.open_bytes(key, raw)
        except sealing.Tampered:
            return  # not ours or damaged: left exactly as it is
        write_atomic(path, plain, keep_backup=False, seal=False)
    elif to_sealed:
        write_atomic(path, sealing.seal_bytes(key, raw), keep_backup=False, seal=False)


def _convert_all(directory: Path, key: bytes, to_sealed: bool) -> None:
    for path in _files(directory):
        _convert_file(path, key, to_sealed)
    fsync_dir(directory)
    with contextlib.suppress(FileNotFoundError):
        fsync_dir(directory / "sessions")


def lock_folder(directory: Path, passphrase: str) -> None:
    """Encrypt every file of the folder under a new random key wrapped by `passphrase`."""
    directory = Path(directory)
    sealing.forget_folder_state(directory)
    if sealing.is_locked(directory):
        raise StoreError("The sessions are already locked.", code="already_locked")
    directory.mkdir(parents=True, exist_ok=True)
    with _folder_held(directory):
        key = os.urandom(sealing.KEY_BYTES)
        _write_seal(directory, sealing.new_seal_document(passphrase, key, sealing.SEALING))
        sealing.remember_key(directory, key, sealing.SEALING)
        _finish_held(directory)
    _refresh_index(directory)


def unlock_folder(directory: Path, passphrase: str) -> None:
    """Turn encryption off: check `passphrase`, then write every file back in plain text."""
    directory = Path(directory)
    _require_locked(directory)
    with _folder_held(directory):
        key = sealing.unlock_with_passphrase(directory, passphrase)
        document = sealing.read_seal_document(directory)
        _write_seal(directory, sealing.with_state(document, key, sealing.UNSEALING))
        sealing.remember_key(directory, key, sealing.UNSEALING)
        _finish_held(directory)
    _refresh_index(directory)


def change_passphrase(directory: Path, old: str, new: str) -> None:
    """Wrap the same data key under `new`: only seal.json is rewritten."""
    directory = Path(directory)
    _require_locked(directory)
    with FileLock(directory / "sessions.lock").held(WAIT):
        document = sealing.read_seal_document(directory)
        key = sealing.unwrap(document, old)
        state = sealing.state_of(document, key)
        _write_seal(directory, sealing.new_seal_document(new, key, state))


def finish(directory: Path) -> bool:
    """Complete a conversion a kill interrupted (the key must be known). True if done."""
    directory = Path(directory)
    known = sealing.key_for(directory)
    if known is None or known.state == sealing.SEALED:
        return True
    try:
        with _folder_held(directory):
            _finish_held(directory)
    except StoreLocked:
        return False  # another window is open; it is finished on a later open
    return True


def _finish_held(directory: Path) -> None:
    known = sealing.key_for(directory)
    assert known is not None
    if known.state == sealing.SEALING:
        _convert_all(directory, known.key, to_sealed=True)
        document = sealing.read_seal_document(directory)
        _write_seal(directory, sealing.with_state(document, known.key, sealing.SEALED))
        sealing.remember_key(directory, known.key, sealing.SEALED)
    elif known.state == sealing.UNSEALING:
        _convert_all(directory, known.key, to_sealed=False)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(directory / REMEMBERED_MARK)
        os.unlink(directory / sealing.SEAL_FILE)
        fsync_dir(directory)
        sealing.forget_key(directory)


def _refresh_index(directory: Path) -> None:
    """Every file has a new signature now: let the store re-read them once and say so."""
    from store.session_store import SessionStore

    with contextlib.suppress(StoreError, OSError):
        SessionStore.open(directory).close()


def as_store_error(error: sealing.SealError) -> StoreError:
    """A wrong passphrase or a damaged key file, as the error the interface explains."""
    if isinstance(error, sealing.WrongPassphrase):
        return StoreError(str(error), code="wrong_passphrase")
    return StoreError(str(error), code="key_file_damaged")


def _require_locked(directory: Path) -> None:
    sealing.forget_folder_state(directory)
    if not sealing.is_locked(directory):
        raise StoreError("The sessions are not locked.", code="not_locked")
