"""The summary's export key is named in the footer in the user's language, however the
summary was reached."""

from __future__ import annotations

import pytest

from content import load_catalog
from store import new_session
from tests.conftest import frozen_clock
from tests.drop.test_snapshots import ANSWERS


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
async def test_reaching_the_summary_names_its_export_key_in_words(make_app, store, lang):
    session = new_session("drop", client="Acme", clock=frozen_clock)
    session.answers = {k: dict(v) for k, v in ANSWERS.items()}
    session.step = "after"
    store.save(session)
    app = make_app(lang=lang, session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("ctrl+n")
        await pilot.pause(0.5)
        shown = {k: b.binding.description for k, b in app.screen.active_bindings.items()}
        assert shown["ctrl+e"] == load_catalog(lang).ui("flow.export")
