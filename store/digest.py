"""The digest: what home and `parting due` show, in a small file that each save keeps current.

`digest.json` holds the session count, the newest unfinished and newest sessions (a few
each, as index rows), how many sessions are unfinished, and every session with a reminder
still open. Reading it costs the same with 100 sessions or 100,000, where reading the index
grows with every session kept.

It is a cache of a cache, so it is never trusted blindly. It carries its *key*: the
signatures of `index.json` and `index.log` and the stamp of `sessions/` at the moment it
was written, with the write lock held, right after the index. A reader that finds another
key (a save that did not reach the digest, a crash between the index and the digest,
another process, files copied in by hand), or a file it cannot read, rebuilds it from the
index rows, which are themselves checked against the session files. It is written like
every other file of the store (`write_atomic`: temporary file, fsync, rename), so it is
either the old one or the new one, never torn.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from store.atomic import move_aside, read_bytes, write_atomic
from store.index import Signature, Stamp, folder_stamp, signature
from store.reports import Summary
from store.sealing import Tampered

DIGEST_SCHEMA = 1
SHOWN = 8  # sessions of each list kept: home shows eight unfinished and eight recent

Key = list[Any]


class Digest:
    """What home shows and `parting due` prints, without reading the index."""

    __slots__ = ("count", "exact", "key", "recent", "reminding", "unfinished",
                 "unfinished_count")

    def __init__(self, rows: list[dict[str, Any]], *, key: Key, exact: bool) -> None:
        """From index rows, newest first by `created_at` (as `SessionStore.summaries`)."""
        unfinished = [r for r in rows if r.get("status") != "done"]
        self.count = len(rows)
        self.unfinished_count = len(unfinished)
        self.unfinished = [Summary.from_row(r) for r in unfinished[:SHOWN]]
        self.recent = [Summary.from_row(r) for r in rows[:SHOWN]]
        self.reminding = [Summary.from_row(r) for r in rows if _open_reminder(r)]
        self.key = key
        # True when the index was exact (stamped with the folder as it is) as this was made:
        # then an open that finds the same key needs neither the index nor the files.
        self.exact = exact

    def to_bytes(self) -> bytes:
        return json.dumps({
            "schema": DIGEST_SCHEMA, "key": self.key, "exact": self.exact,
            "count": self.count, "unfinished_count": self.unfinished_count,
            "unfinished": [_row(s) for s in self.unfinished],
            "recent": [_row(s) for s in self.recent],
            "reminding": [_row(s) for s in self.reminding],
        }, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> Digest:
        """Raises ValueError (or KeyError, TypeError) for anything but a whole digest."""
        document = json.loads(raw)
        if document["schema"] != DIGEST_SCHEMA:
            raise ValueError("another schema")
        digest = cls.__new__(cls)
        digest.key = document["key"]
        digest.exact = document["exact"] is True
        digest.count = _whole(document["count"])
        digest.unfinished_count = _whole(document["unfinished_count"])
        digest.unfinished = _summaries(document["unfinished"])
        digest.recent = _summaries(document["recent"])
        digest.reminding = _summaries(document["reminding"])
        return digest


def key_now(directory: Path) -> Key:
    """The key a digest made now would carry: index.json, index.log, sessions/."""
    return [_sig(directory / "index.json"), _sig(directory / "index.log"),
            folder_stamp(directory / "sessions")]


def read(path: Path, key: Key,
         tampered: Callable[[Path | None], None] | None = None) -> Digest | None:
    """The digest at `path` if it is whole and made for `key`, else None (rebuild it).

    A sealed digest changed from outside is kept aside, never shown, and `tampered` is
    told where it went (None when it could not be moved).
    """
    try:
        digest = Digest.from_bytes(read_bytes(path))
    except Tampered:
        aside = None
        with contextlib.suppress(OSError):
            aside = move_aside(path)
        if tampered is not None:
            tampered(aside)
        return None
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return digest if digest.key == key else None


def write(path: Path, digest: Digest) -> None:
    """Replace the digest atomically (write lock held). OSErrors propagate."""
    write_atomic(path, digest.to_bytes(), keep_backup=False)


def _sig(path: Path) -> Signature | None:
    try:
        return list(signature(os.stat(path)))  # type: ignore[return-value]
    except FileNotFoundError:
        return None


def _open_reminder(row: dict[str, Any]) -> bool:
    return any(isinstance(r, dict) and not r.get("done") for r in row.get("reminders") or ())


def _row(summary: Summary) -> dict[str, Any]:
    return {name: getattr(summary, name) for name in Summary.__slots__} | {
        "reminders": list(summary.reminders)}


def _whole(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise ValueError("not a count")
    return value


def _summaries(rows: Iterable[Any]) -> list[Summary]:
    found = []
    for row in rows:
        if not (isinstance(row, dict) and isinstance(row.get("id"), str)
                and isinstance(row.get("created_at"), str)):
            raise ValueError("not a summary")
        found.append(Summary.from_row(row))
    return found


__all__ = ["Digest", "Key", "Stamp", "key_now", "read", "write"]
