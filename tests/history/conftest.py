"""A store filled with a few hundred believable sessions, for the screens of past sessions.

The sessions are imported once per test run into a template folder; each test that asks for
`filled` starts from its own copy of it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from store import SessionStore
from tests.history.sample_store import make_sessions

SAMPLE_SIZE = 300


@pytest.fixture(scope="session")
def sample_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sample") / "data"
    with SessionStore.open(folder) as store:
        store.import_sessions(make_sessions(SAMPLE_SIZE))
    return folder


@pytest.fixture
def data_dir(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    folder = tmp_path / "data"
    if "filled" in request.fixturenames:
        shutil.copytree(request.getfixturevalue("sample_folder"), folder)
    return folder


@pytest.fixture
def filled(store: SessionStore) -> SessionStore:
    """The test's store, holding SAMPLE_SIZE sessions (see `sample_store`)."""
    return store
