"""Schema versions of session files, and the steps that bring an old file up to date.

A session file holds `{"schema": N, "session": record}`. `MIGRATIONS[n]` turns a version-n
document into a version-(n+1) one, so any old file reaches `SCHEMA_VERSION` one step at a
time. Version 0 is the earliest layout: the bare record with no wrapper.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1


class DamagedDocument(Exception):
    """The bytes are not a session document at all; the message says why."""


class NewerSchema(Exception):
    """The file was written by a newer parting; it must be left alone."""

    def __init__(self, version: int) -> None:
        super().__init__(f"schema version {version} is newer than this parting knows "
                         f"({SCHEMA_VERSION})")
        self.version = version


def _v0_to_v1(document: dict[str, Any]) -> dict[str, Any]:
    """Version 0 was the bare record; version 1 wraps it so the version can travel with it."""
    return {"schema": 1, "session": document}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _v0_to_v1,
}


def version_of(document: Any) -> int:
    """The schema version of a parsed session file, or raise `DamagedDocument`."""
    if not isinstance(document, dict):
        raise DamagedDocument(f"it holds a {type(document).__name__}, not a session")
    if "schema" not in document:
        if "id" in document:
            return 0
        raise DamagedDocument("it has neither a schema version nor a session id")
    version = document["schema"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise DamagedDocument(f"its schema version {version!r} is not a whole number")
    return version


def upgrade(document: Any) -> tuple[dict[str, Any], int]:
    """Bring a parsed session file to `SCHEMA_VERSION`; return it and the version it had.

    Raises `NewerSchema` for a file from a newer parting and `DamagedDocument` for
    anything that is not a session document.
    """
    original = version_of(document)
    if original > SCHEMA_VERSION:
        raise NewerSchema(original)
    version = original
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
    if not isinstance(document.get("session"), dict):
        raise DamagedDocument("it has no session record inside")
    return document, original


def wrap(record: dict[str, Any]) -> dict[str, Any]:
    """The current-version document for a record."""
    return {"schema": SCHEMA_VERSION, "session": record}
