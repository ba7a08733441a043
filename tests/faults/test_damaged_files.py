"""Every kind of damaged data file, met by the app at start.

The app must start, say what happened, keep the damaged file aside (never delete it) and
offer the last good copy back. The store's tests check the files; these check the person
at the keyboard is told and can choose.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from textual.widgets import OptionList

from content import load_catalog
from store import SessionStore, new_session
from tests.conftest import frozen_clock
from tui.app import PartingApp
from tui.screens.home import HomeScreen
from tui.screens.recovery import RecoveryModal

DAMAGE = {
    "empty": lambda raw: b"",
    "cut short": lambda raw: raw[: len(raw) // 2],
    "not JSON": lambda raw: b"this is not what parting wrote\n",
    "JSON of the wrong shape": lambda raw: b'["a", "list", "of", "words"]',
    "a session missing its fields": lambda raw: orjson.dumps({"schema": 1, "session": {"id": 1}}),
    "binary garbage": lambda raw: bytes(range(256)) * 8,
    "zeros after a crash": lambda raw: b"\0" * len(raw),
}


def saved_twice(data_dir: Path, client: str = "Acme") -> str:
    """A session saved twice, so its previous save is kept as the earlier copy."""
    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        session = new_session("dropped", client=client, clock=frozen_clock)
        session.answers = {"what_happened": {"client": client, "what": "They cut the budget."}}
        store.save(session)
        session.answers["what_happened"]["what"] = "They cut the budget in March."
        store.save(session)
        return session.id


def open_app(data_dir: Path) -> PartingApp:
    store = SessionStore.open(data_dir, app_instance=True, clock=frozen_clock)
    return PartingApp(store=store, catalog=load_catalog("en"), clock=frozen_clock)


def messages(app: PartingApp) -> str:
    return "\n".join(n.message for n in app._notifications)


def recent_ids(app: PartingApp) -> list[str]:
    options = app.screen.query_one("#home-recent", OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)
            if options.get_option_at_index(i).id]


@pytest.mark.parametrize("kind", list(DAMAGE))
async def test_damaged_session_file_is_kept_aside_and_its_earlier_copy_restored(tmp_path, kind):
    data_dir = tmp_path / "data"
    session_id = saved_twice(data_dir)
    path = data_dir / "sessions" / f"{session_id}.json"
    damaged = DAMAGE[kind](path.read_bytes())
    path.write_bytes(damaged)

    app = open_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryModal)
        told = str(app.screen.query_one("#recovery-what").render())
        assert "could not be read" in told and "was kept as" in told
        aside = list((data_dir / "sessions").glob(f"{session_id}.json.corrupt-*"))
        assert [p.read_bytes() for p in aside] == [damaged]  # kept, byte for byte

        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "earlier copy is back" in messages(app)
        restored = app.store.get(session_id)
        assert restored.answers["what_happened"]["what"] == "They cut the budget."
        assert session_id in recent_ids(app)
        assert [p.read_bytes() for p in aside] == [damaged]
    app.store.close()


async def test_keep_going_leaves_the_damaged_file_aside_and_the_app_usable(tmp_path):
    data_dir = tmp_path / "data"
    session_id = saved_twice(data_dir)
    other_id = saved_twice(data_dir, client="Globex")
    (data_dir / "sessions" / f"{session_id}.json").write_bytes(b"{")

    app = open_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert recent_ids(app) == [other_id]
        assert list((data_dir / "sessions").glob(f"{session_id}.json.corrupt-*"))
        await pilot.press("d")  # and work goes on
        await pilot.pause()
        assert app.screen.__class__.__name__ == "FlowScreen"
    app.store.close()


async def test_damaged_file_without_an_earlier_copy_is_reported_without_an_offer(tmp_path):
    data_dir = tmp_path / "data"
    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        session = new_session("dropped", client="Once", clock=frozen_clock)
        store.save(session)  # saved once: there is no earlier copy
    (data_dir / "sessions" / f"{session.id}.json").write_bytes(b"\0\0\0")

    app = open_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "No earlier copy" in messages(app)
        assert list((data_dir / "sessions").glob(f"{session.id}.json.corrupt-*"))
    app.store.close()


@pytest.mark.parametrize("damage", [b"", b"{\"schema\": 1, \"tables\"", b"\xff\xfe garbage",
                                    b'{"schema": 1}'])
async def test_damaged_session_list_is_rebuilt_and_every_session_shown(tmp_path, damage):
    data_dir = tmp_path / "data"
    ids = {saved_twice(data_dir, client=f"Client {n}") for n in range(3)}
    (data_dir / "index.json").write_bytes(damage)

    app = open_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # nothing to restore: it was rebuilt
        assert "rebuilt" in messages(app)
        assert set(recent_ids(app)) == ids
        assert list(data_dir.glob("index.json.corrupt-*"))
    app.store.close()


async def test_session_from_a_newer_parting_is_left_untouched_and_explained(tmp_path):
    data_dir = tmp_path / "data"
    session_id = saved_twice(data_dir)
    path = data_dir / "sessions" / f"{session_id}.json"
    document = orjson.loads(path.read_bytes())
    document["schema"] = 99
    newer = orjson.dumps(document)
    path.write_bytes(newer)

    app = open_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "newer version of parting" in messages(app)
        assert path.read_bytes() == newer
    app.store.close()
