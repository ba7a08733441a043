"""A store filled with a few hundred believable sessions, for the screens of past sessions."""

from __future__ import annotations

import pytest

from store import SessionStore
from tests.history.sample_store import make_sessions


@pytest.fixture
def filled(store: SessionStore) -> SessionStore:
    """The shared test store with 300 sessions imported."""
    store.import_sessions(make_sessions(300))
    return store
