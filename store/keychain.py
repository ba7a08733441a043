"""Remembering a locked folder's data key on this computer, in the system keyring.

Only used when the person asks for it, and only where a real keyring exists (the
`keyring` package's "fail" and "null" backends mean there is none). A small plain mark,
`seal.remembered`, says a key was put there, so a folder that never asked does not pay
for loading the keyring at every start.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from store import sealing
from store.atomic import write_atomic

SERVICE = "parting"
MARK = "seal.remembered"


def _account(directory: Path) -> str:
    return f"data key for {Path(directory).resolve()}"


def available() -> bool:
    """True when the system has a keyring that can really keep a secret."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:
        return False
    if isinstance(backend, fail.Keyring) or "null" in type(backend).__module__.lower():
        return False
    try:
        return float(backend.priority) > 0
    except Exception:
        return False


def remembered(directory: Path) -> bool:
    return (Path(directory) / MARK).exists()


def remember(directory: Path) -> bool:
    """Put the folder's key (already unlocked here) in the keyring. True if it was kept."""
    known = sealing.key_for(directory)
    if known is None or not available():
        return False
    try:
        import keyring

        keyring.set_password(SERVICE, _account(directory), sealing.encode_key(known.key))
        write_atomic(Path(directory) / MARK, b"", keep_backup=False, seal=False)
    except Exception:
        return False
    return True


def recall(directory: Path) -> bool:
    """Unlock the folder with a remembered key, if there is one that still fits."""
    if not remembered(directory):
        return False
    try:
        import keyring

        text = keyring.get_password(SERVICE, _account(directory))
    except Exception:
        return False
    key = sealing.decode_key(text) if text else None
    if key is None:
        return False
    try:
        sealing.unlock_with_key(directory, key)
    except (sealing.SealError, OSError):
        return False
    return True


def forget(directory: Path) -> None:
    """Take the key out of the keyring (after unlocking the folder for good)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(Path(directory) / MARK)
    if not available():
        return
    with contextlib.suppress(Exception):
        import keyring

        keyring.delete_password(SERVICE, _account(directory))
