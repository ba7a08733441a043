"""A word typed into either flow of a locked folder is nowhere on disk in plain text:
not in the folder's files, not in the temporary files each save makes."""

from __future__ import annotations

import pytest

from content import load_catalog
from store import SessionStore, sealing
from store.conversion import lock_folder
from tests.conftest import frozen_clock
from tests.dropped.walk import type_text
from tests.locked.conftest import restart, watch_temp_files
from tests.locked.test_sealing import every_byte

WORD = "Quixotryn"


@pytest.mark.parametrize("flow", ["dropped", "drop"])
async def test_a_word_typed_in_a_flow_of_a_locked_folder_is_never_on_disk(
        tmp_path, monkeypatch, flow):
    from tui.app import PartingApp

    lock_folder(tmp_path, "pw")
    restart(tmp_path)
    sealing.unlock_with_passphrase(tmp_path, "pw")
    written = watch_temp_files(monkeypatch)
    store = SessionStore.open(tmp_path, app_instance=True, clock=frozen_clock)
    app = PartingApp(store=store, catalog=load_catalog("en"), clock=frozen_clock,
                     start=flow, client=f"{WORD}Client")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, f"{WORD} typed")
        await pilot.pause(1.2)  # past the save delay
        app.flush_all()
    store.close()
    assert written, "nothing was saved"
    with SessionStore.open(tmp_path) as again:
        import orjson
        saved = b"".join(orjson.dumps(r) for r in again.records())
        assert f"{WORD} typed".encode() in saved or f"{WORD}Client".encode() in saved
    for data in written:
        assert WORD.encode() not in data
    for path, data in every_byte(tmp_path):
        assert WORD.encode() not in data, path
