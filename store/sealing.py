"""Encryption at rest for a locked data folder: AES-GCM under a random data key.

A locked folder holds `seal.json`, which is never encrypted: the scrypt parameters and salt,
and the 256-bit data key wrapped (AES-GCM) by the key scrypt makes from the passphrase.
Changing the passphrase rewrites only this file. Every other file the store writes is sealed
on its way to disk in `atomic.write_atomic`, and opened on its way back in `opened`:

    b"PSEAL" + version (1 byte) + nonce (12 bytes) + ciphertext + 16-byte tag

The first six bytes are authenticated with the contents, so a changed byte anywhere,
the header included, makes the file fail to open (`Tampered`). The index journal is
sealed line by line (`seal_line`), so appending stays one write and a torn line stays
recognisable. `settings.json` stays plain: it names no client and holds only what the
unlock screen needs before the key is known (the language, the theme).

Keys are kept per data folder in this process (`remember_key`); the store finds the folder
of any path it writes from the path itself, so no caller has to carry a key around.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEAL_FILE = "seal.json"
MAGIC = b"PSEAL"
FORMAT_VERSION = 1
HEADER = MAGIC + bytes([FORMAT_VERSION])
NONCE_BYTES = 12
KEY_BYTES = 32
LINE_MARK = b"~"  # a sealed journal line: "~" + base64(sealed bytes) + "\n"
# scrypt cost, measured in docs/store.md ("Locked folders"): about 0.25 s on the reference
# machine, 32 MiB of memory. Stored in seal.json, so it can be raised later without
# breaking folders locked before.
SCRYPT_N = 2 ** 15
SCRYPT_R = 8
SCRYPT_P = 1
# Files that stay plain in a locked folder: the key file itself, locks, and settings.
PLAIN_NAMES = frozenset({SEAL_FILE, "seal.remembered", "settings.json", "app.lock",
                         "sessions.lock"})

# States of a locked folder, sealed with the data key inside seal.json so that nobody can
# turn "sealed" back into "sealing" to slip plain files in.
SEALED = "sealed"
SEALING = "sealing"      # plain files are being encrypted; both kinds are read
UNSEALING = "unsealing"  # encrypted files are being turned back into plain ones


class SealError(Exception):
    """Base for the problems of a locked folder; the message is for logs, codes for people."""


class Tampered(SealError):
    """An encrypted file failed its authentication: changed, cut short, or not ours."""


class WrongPassphrase(SealError):
    """The passphrase (or remembered key) does not open this folder's key."""


class NeedKey(SealError):
    """The folder is locked and no key for it is known in this process."""


@dataclass
class FolderKey:
    key: bytes
    state: str


_keys: dict[Path, FolderKey] = {}
_locked_cache: dict[Path, bool] = {}
# The locked folder (or None) of each folder a file was read from or written to, by the
# folder's name: every read of a session asks, and working it out again from `Path`
# objects took 40 of the 170 ms of `parting export --all` at 1,000 sessions.
_folder_cache: dict[str, Path | None] = {}
_lock = threading.Lock()


def _aesgcm(key: bytes) -> Any:
    # Imported on first use: an unlocked folder never pays for the import.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def seal_bytes(key: bytes, data: bytes) -> bytes:
    """`data` encrypted under `key` with a fresh random nonce."""
    nonce = os.urandom(NONCE_BYTES)
    return HEADER + nonce + _aesgcm(key).encrypt(nonce, data, HEADER)


def open_bytes(key: bytes, raw: bytes) -> bytes:
    """The plain bytes of a sealed blob, or `Tampered`."""
    from cryptography.exceptions import InvalidTag

    if not is_sealed(raw) or len(raw) < len(HEADER) + NONCE_BYTES + 16:
        raise Tampered("it is not an encrypted parting file")
    nonce = raw[len(HEADER):len(HEADER) + NONCE_BYTES]
    try:
        return _aesgcm(key).decrypt(nonce, raw[len(HEADER) + NONCE_BYTES:], raw[:len(HEADER)])
    except InvalidTag:
        raise Tampered("it does not pass its authentication check") from None


def is_sealed(raw: bytes) -> bool:
    return raw[:len(MAGIC)] == MAGIC


# -- the folder a path belongs to -------------------------------------------------------------

def folder_of(path: Path) -> Path | None:
    """The locked data folder `path` lies in (itself or one level down), if any."""
    where = os.path.dirname(path)
    try:
        return _folder_cache[where]
    except KeyError:
        pass
    found = next((parent for parent in (path.parent, path.parent.parent) if is_locked(parent)),
                 None)
    _folder_cache[where] = found
    return found


def is_locked(directory: Path) -> bool:
    """True when `directory` has a seal file (a key known here counts without a look)."""
    directory = Path(directory)
    if directory in _keys:
        return True
    cached = _locked_cache.get(directory)
    if cached is None:
        cached = (directory / SEAL_FILE).exists()
        _locked_cache[directory] = cached
    return cached


def forget_folder_state(directory: Path | None = None) -> None:
    """Drop what is cached about folders (after lock/unlock, and in tests)."""
    with _lock:
        _folder_cache.clear()
        if directory is None:
            _locked_cache.clear()
        else:
            _locked_cache.pop(Path(directory), None)


def key_for(directory: Path) -> FolderKey | None:
    return _keys.get(Path(directory))


def any_key_known() -> bool:
    """True when some locked folder has been opened in this process."""
    return bool(_keys)


def remember_key(directory: Path, key: bytes, state: str) -> None:
    with _lock:
        _keys[Path(directory)] = FolderKey(key, state)
        _locked_cache[Path(directory)] = True
        _folder_cache.clear()


def forget_key(directory: Path) -> None:
    with _lock:
        _keys.pop(Path(directory), None)
        _locked_cache.pop(Path(directory), None)
        _folder_cache.clear()


# -- the hooks the store calls ----------------------------------------------------------------

def _applies(path: Path) -> Path | None:
    if path.name in PLAIN_NAMES:
        return None
    return folder_of(path)


def sealed_for(path: Path, data: bytes) -> bytes:
    """What to write at `path`: `data` sealed if it lies in a locked folder, else as is."""
    folder = _applies(path)
    if folder is None:
        return data
    known = _keys.get(folder)
    if known is None or known.state == UNSEALING:
        if known is None:
            raise NeedKey(f"{folder} is locked")
        return data
    return seal_bytes(known.key, data)


def opened(path: Path, raw: bytes) -> bytes:
    """The plain bytes of a file read from `path`; `Tampered` for a bad or unexpected file."""
    folder = _applies(path)
    if folder is None:
        if is_sealed(raw):
            raise Tampered("it is encrypted, but this folder is not locked")
        return raw
    known = _keys.get(folder)
    if known is None:
        raise NeedKey(f"{folder} is locked")
    if is_sealed(raw):
        return open_bytes(known.key, raw)
    if known.state == SEALED and raw:
        raise Tampered("it is not encrypted, although this folder is locked")
    return raw


def seal_line(path: Path, line: bytes) -> bytes:
    """A journal line as written at `path` (ending in a newline either way)."""
    folder = _applies(path)
    if folder is None:
        return line
    known = _keys.get(folder)
    if known is None:
        raise NeedKey(f"{folder} is locked")
    if known.state == UNSEALING:
        return line
    return LINE_MARK + base64.b64encode(seal_bytes(known.key, line.rstrip(b"\n"))) + b"\n"


def open_line(path: Path, line: bytes) -> bytes:
    """A journal line as read from `path`, without its newline. Raises `Tampered`."""
    folder = _applies(path)
    line = line.rstrip(b"\n")
    if folder is None:
        if line.startswith(LINE_MARK):
            raise Tampered("an encrypted line in a folder that is not locked")
        return line
    known = _keys.get(folder)
    if known is None:
        raise NeedKey(f"{folder} is locked")
    if line.startswith(LINE_MARK):
        try:
            raw = base64.b64decode(line[1:], validate=True)
        except ValueError:
            raise Tampered("a journal line is not valid") from None
        return open_bytes(known.key, raw)
    if known.state == SEALED and line:
        raise Tampered("a journal line is not encrypted, although this folder is locked")
    return line


# -- the key file -------------------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text, validate=True)


def stretch(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """The key-encrypting key scrypt makes from `passphrase`."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(
        passphrase.encode("utf-8"))


def _kdf_header(document: dict[str, Any]) -> bytes:
    """The parts of seal.json the wrapped key is bound to (authenticated with it)."""
    fields = {k: document[k] for k in ("format", "version", "kdf", "n", "r", "p", "salt")}
    return json.dumps(fields, sort_keys=True).encode("ascii")


def new_seal_document(passphrase: str, key: bytes, state: str) -> dict[str, Any]:
    """A fresh seal.json for `key` under `passphrase` (new salt, new nonce)."""
    salt = os.urandom(16)
    document: dict[str, Any] = {"format": "parting-seal", "version": FORMAT_VERSION,
                                "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                                "salt": _b64(salt)}
    wrapping = stretch(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    nonce = os.urandom(NONCE_BYTES)
    document["nonce"] = _b64(nonce)
    document["wrapped"] = _b64(_aesgcm(wrapping).encrypt(nonce, key, _kdf_header(document)))
    return with_state(document, key, state)


def with_state(document: dict[str, Any], key: bytes, state: str) -> dict[str, Any]:
    document = dict(document)
    document["state"] = _b64(seal_bytes(key, state.encode("ascii")))
    return document


def read_seal_document(directory: Path) -> dict[str, Any]:
    """seal.json as a dict; `Tampered` if it is not one we wrote."""
    try:
        document = json.loads((Path(directory) / SEAL_FILE).read_bytes())
    except ValueError:
        raise Tampered("the key file is not valid") from None
    if not isinstance(document, dict) or document.get("format") != "parting-seal":
        raise Tampered("the key file is not a parting key file")
    if document.get("version") != FORMAT_VERSION or document.get("kdf") != "scrypt":
        raise Tampered("the key file is of an unknown version")
    return document


def unwrap(document: dict[str, Any], passphrase: str) -> bytes:
    """The data key in `document`; `WrongPassphrase` if the passphrase does not open it."""
    from cryptography.exceptions import InvalidTag

    try:
        n, r, p = (int(document[k]) for k in ("n", "r", "p"))
        if not (2 <= n <= 2 ** 22 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError("cost out of range")
        wrapping = stretch(passphrase, _unb64(document["salt"]), n, r, p)
        key = _aesgcm(wrapping).decrypt(_unb64(document["nonce"]),
                                        _unb64(document["wrapped"]), _kdf_header(document))
    except (KeyError, ValueError, TypeError):
        raise Tampered("the key file is not valid") from None
    except InvalidTag:
        raise WrongPassphrase("the passphrase does not open this folder") from None
    return key


def state_of(document: dict[str, Any], key: bytes) -> str:
    """The folder's state, which only the right key can read. `WrongPassphrase` otherwise."""
    try:
        state = open_bytes(key, _unb64(document.get("state"))).decode("ascii")
    except (Tampered, ValueError):
        raise WrongPassphrase("the key does not open this folder") from None
    if state not in (SEALED, SEALING, UNSEALING):
        raise Tampered("the key file has an unknown state")
    return state


def unlock_with_passphrase(directory: Path, passphrase: str) -> bytes:
    """Open the folder's key with `passphrase` and remember it here; return the key."""
    document = read_seal_document(directory)
    key = unwrap(document, passphrase)
    remember_key(directory, key, state_of(document, key))
    return key


def unlock_with_key(directory: Path, key: bytes) -> None:
    """Remember `key` (from the keyring) for the folder if it really is the folder's key."""
    document = read_seal_document(directory)
    remember_key(directory, key, state_of(document, key))


def same_key(a: bytes, b: bytes) -> bool:
    # Imported here: only a locked folder compares keys, and hmac brings OpenSSL's hashing,
    # 4 ms of every `parting due` on a folder that was never locked.
    import hmac

    return hmac.compare_digest(a, b)


def encode_key(key: bytes) -> str:
    return _b64(key)


def decode_key(text: str) -> bytes | None:
    with contextlib.suppress(ValueError):
        key = _unb64(text)
        if len(key) == KEY_BYTES:
            return key
    return None
