"""Remembering a locked folder's data key on this computer, in the system keyring.

Only used when the person asks for it, and only where a real keyring exists (the
`keyring` package's "fail" and "null" backends mean there is none). A small plain mark,
`seal.remembered`, says a key was put there, so a folder that never asked does not pay
for loading the keyring at every start. The mark names the keyring backend that took the
key (a class name such as `keyring.backends.SecretService.Keyring`, nothing secret): the
next start asks that backend directly instead of letting `keyring` load every backend it
knows to choose one, which here took about 80 ms (its macOS backend looks for the macOS
libraries even on Linux). When that backend cannot be loaded or does not have the key,
the usual choice is made.
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

        backend = keyring.get_keyring()
    except Exception:
        return False
    return _keeps_secrets(backend)


def _keeps_secrets(backend: object) -> bool:
    """True for a backend that can really keep a secret here: not keyring's "fail" or
    "null" ones, and usable (its priority, keyring's own test, raises when it is not)."""
    try:
        from keyring.backends import fail

        if isinstance(backend, fail.Keyring) or "null" in type(backend).__module__.lower():
            return False
        return float(backend.priority) > 0  # type: ignore[attr-defined]
    except Exception:
        return False


def remembered(directory: Path) -> bool:
    return (Path(directory) / MARK).exists()


def _backend_name(backend: object) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _named_backend(directory: Path):  # noqa: ANN202 - a keyring backend, or None
    """The backend the mark names, loaded on its own; None if it names none usable here."""
    try:
        name = (Path(directory) / MARK).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    module_name, _, class_name = name.rpartition(".")
    if not name.isascii() or not all(part.isidentifier() for part in name.split(".")):
        return None  # an empty mark (a key remembered by an earlier version), or no class
    try:
        import importlib

        from keyring.backend import KeyringBackend

        found = getattr(importlib.import_module(module_name), class_name, None)
        if not (isinstance(found, type) and issubclass(found, KeyringBackend)):
            return None
        backend = found()
    except Exception:
        return None
    return backend if _keeps_secrets(backend) else None


def remember(directory: Path) -> bool:
    """Put the folder's key (already unlocked here) in the keyring. True if it was kept."""
    known = sealing.key_for(directory)
    if known is None or not available():
        return False
    try:
        import keyring

        backend = keyring.get_keyring()
        backend.set_password(SERVICE, _account(directory), sealing.encode_key(known.key))
        write_atomic(Path(directory) / MARK, _backend_name(backend).encode(),
                     keep_backup=False, seal=False)
    except Exception:
        return False
    return True


def recall(directory: Path) -> bool:
    """Unlock the folder with a remembered key, if there is one that still fits."""
    if not remembered(directory):
        return False
    text = None
    named = _named_backend(directory)
    if named is not None:
        with contextlib.suppress(Exception):
            text = named.get_password(SERVICE, _account(directory))
    if not text:
        try:
            import keyring

            chosen = keyring.get_keyring()
            if named is None or _backend_name(chosen) != _backend_name(named):
                text = chosen.get_password(SERVICE, _account(directory))
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
