"""`SessionStore`: sessions kept in TinyDB, safe against crashes, full disks and a second copy.

INTERFACE STUB: the implementation is being written; signatures and docstrings are the contract.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from store.record import Reminder, Session


@dataclass(frozen=True)
class Summary:
    """What the history list and the reminder list need of a session, without its answers."""

    id: str
    flow: str
    client: str
    created_at: str
    updated_at: str
    status: str
    lang: str
    outcome: str | None
    step: str | None
    reminders: tuple[Reminder, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Notice:
    """Something the store did on open that the user should hear about.

    kind: "damaged" (a file could not be read and was moved aside to `path`; `backup` is the
    last good copy, if any, which `restore_backup` puts back), "migrated" (an older schema
    was upgraded; `backup` is the copy kept), "read_only" (another parting window has the
    data folder; this one can read but not save).
    """

    kind: str
    message: str
    path: Path | None = None
    backup: Path | None = None


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int


class SessionStore:
    """All sessions in one data folder."""

    read_only: bool
    notices: list[Notice]
    directory: Path

    @classmethod
    def open(cls, directory: Path, *, app_instance: bool = False, wait: float = 5.0,
             clock: Callable[[], datetime] | None = None) -> SessionStore:
        raise NotImplementedError

    def save(self, session: Session, *, touch: bool = True) -> None:
        raise NotImplementedError

    def get(self, session_id: str) -> Session:
        raise NotImplementedError

    def delete(self, session_id: str) -> Session:
        raise NotImplementedError

    def summaries(self) -> list[Summary]:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def sessions(self) -> Iterator[Session]:
        raise NotImplementedError

    def import_sessions(self, sessions: Iterable[Session]) -> ImportResult:
        raise NotImplementedError

    def restore_backup(self, notice: Notice) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError
