"""Fixtures for the store tests: a data folder in tmp_path, a fixed clock, sample sessions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from store import Session, SessionStore, new_session


class Clock:
    """A clock that moves only when told, so updated_at values are predictable."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 1) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, clock: Clock) -> Iterator[SessionStore]:
    opened = SessionStore.open(data_dir, app_instance=True, clock=clock)
    yield opened
    opened.close()


def sample(client: str = "Acme", flow: str = "dropped", clock: Clock | None = None,
           **answers: object) -> Session:
    """A session with a little of everything in it."""
    session = new_session(flow, client=client, clock=clock)
    session.answers = {"what_happened": "They chose a cheaper agency.", **answers}
    return session
