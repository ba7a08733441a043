"""Sessions deleted during this run of the app, so that a deletion can be undone.

The deleted session is kept whole in memory (answers, reminders, times) until the app
closes; undoing saves it back exactly as it was.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual.app import App

from store import Session


class Trash:
    """Deleted sessions, most recent last."""

    def __init__(self) -> None:
        self._sessions: list[Session] = []

    def put(self, session: Session) -> None:
        self._sessions.append(session)

    def take(self) -> Session | None:
        """The most recently deleted session, removed from the trash; None if it is empty."""
        return self._sessions.pop() if self._sessions else None

    def __len__(self) -> int:
        return len(self._sessions)


_TRASHES: WeakKeyDictionary[App, Trash] = WeakKeyDictionary()


def trash_for(app: App) -> Trash:
    """The trash of this app run (one per app, gone when the app is)."""
    found = _TRASHES.get(app)
    if found is None:
        found = _TRASHES[app] = Trash()
    return found
