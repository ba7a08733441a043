"""Shared fixtures: a store in a temporary folder, a frozen clock, and an app built on both."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from content import load_catalog
from store import SessionStore

# Monday 23 November 2026, 09:30 in UTC+3: every date on screen in tests derives from this.
FROZEN = datetime(2026, 11, 23, 9, 30, tzinfo=timezone(timedelta(hours=3)))


def frozen_clock() -> datetime:
    return FROZEN


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return frozen_clock


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[SessionStore]:
    opened = SessionStore.open(data_dir, clock=frozen_clock)
    yield opened
    opened.close()


@pytest.fixture
def make_app(store: SessionStore):
    """Build a `PartingApp` on the temporary store with the frozen clock: make_app(lang="ru")."""

    def build(lang: str = "en", **kwargs):
        from tui.app import PartingApp

        return PartingApp(store=store, catalog=load_catalog(lang), clock=frozen_clock, **kwargs)

    return build
