"""Damage found by a command is told: printed by the command, offered back by the next app.

Whoever finds a damaged file sets it aside; no later process would ever see it again, so
the finder records it in the data folder and the app tells it on its next start.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from content import load_catalog
from store import SessionStore, new_session
from store.recovery import DAMAGE_FILE
from tests.conftest import frozen_clock
from tui.app import PartingApp
from tui.cli import main
from tui.screens.recovery import RecoveryModal


def damaged_store(data_dir: Path, *, drop_index: bool) -> tuple[str, str]:
    """Two sessions; the first saved twice (so it has an earlier copy), then cut short."""
    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        hurt = new_session("dropped", client="Acme", clock=frozen_clock)
        hurt.answers = {"what_happened": {"what": "first words"}}
        store.save(hurt)
        hurt.answers["what_happened"]["what"] = "second words"
        store.save(hurt)
        whole = new_session("drop", client="Beta", clock=frozen_clock)
        store.save(whole)
    path = data_dir / "sessions" / f"{hurt.id}.json"
    path.write_bytes(path.read_bytes()[:40])
    if drop_index:  # so that an open reads every file
        for name in ("index.json", "index.json.bak", "index.log"):
            (data_dir / name).unlink(missing_ok=True)
    return hurt.id, whole.id


def test_export_all_says_what_it_set_aside_and_exits_non_zero(data_dir, tmp_path, capsys):
    hurt, whole = damaged_store(data_dir, drop_index=False)
    out = tmp_path / "backup.json"
    assert main(["--data-dir", str(data_dir), "export", "--all", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Acme" in err and "could not be read" in err and "kept as" in err
    assert "incomplete" in err
    assert [s["id"] for s in json.loads(out.read_bytes())["sessions"]] == [whole]
    assert (data_dir / DAMAGE_FILE).exists()
    # Asked again before anyone looked: still incomplete, still said.
    assert main(["--data-dir", str(data_dir), "export", "--all", "-o", str(out)]) == 1
    assert "Acme" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["due"], ["export", "--all", "--format", "md"]])
async def test_the_app_offers_the_earlier_copy_of_what_a_command_set_aside(data_dir, command,
                                                                         capsys):
    hurt, _whole = damaged_store(data_dir, drop_index=True)
    main(["--data-dir", str(data_dir), *command])
    assert "could not be read" in capsys.readouterr().err
    assert not (data_dir / "sessions" / f"{hurt}.json").exists(), "set aside by the command"

    store = SessionStore.open(data_dir, app_instance=True, clock=frozen_clock)
    app = PartingApp(store=store, catalog=load_catalog("en"), clock=frozen_clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, RecoveryModal)
            await pilot.press("r")
            await pilot.pause()
            assert not isinstance(app.screen, RecoveryModal)
            assert store.get(hurt).answers["what_happened"]["what"] == "first words"
    finally:
        store.close()
    assert not (data_dir / DAMAGE_FILE).exists()


async def test_damage_the_user_was_told_of_is_not_offered_again(data_dir, capsys):
    damaged_store(data_dir, drop_index=True)
    main(["--data-dir", str(data_dir), "due"])
    for expected in (True, False):
        store = SessionStore.open(data_dir, app_instance=True, clock=frozen_clock)
        app = PartingApp(store=store, catalog=load_catalog("en"), clock=frozen_clock)
        try:
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause()
                assert isinstance(app.screen, RecoveryModal) == expected
                if expected:
                    await pilot.press("escape")  # keep going without the earlier copy
                    await pilot.pause()
        finally:
            store.close()
    assert main(["--data-dir", str(data_dir), "export", "--all", "-o",
                 str(data_dir.parent / "b.json")]) == 0, "told and declined: nothing missing"


def test_the_index_rebuilt_by_a_command_is_told_by_the_next_app(data_dir, capsys):
    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        store.save(new_session("drop", client="Beta", clock=frozen_clock))
    (data_dir / "index.json").write_bytes(b"{ not json")
    assert main(["--data-dir", str(data_dir), "due"]) == 0
    assert "list of your sessions" in capsys.readouterr().err
    with SessionStore.open(data_dir, app_instance=True, clock=frozen_clock) as store:
        assert [n.code for n in store.notices] == ["index_damaged"]
        store.dismiss(store.notices[0])
    with SessionStore.open(data_dir, app_instance=True, clock=frozen_clock) as store:
        assert store.notices == []
