"""The page of a past session says when it was started the way its language writes it."""

from __future__ import annotations

import pytest
from textual.widgets import Markdown

from store import Session
from tui.screens.session_view import SessionViewScreen

STARTED = {
    "en": "Started Tuesday, 1 December 2026 at 14:30",
    "ru": "Дата начала: вторник, 1 декабря 2026, 14:30",
    "pt": "Início: terça-feira, 1º de dezembro de 2026 às 14:30",
}


@pytest.mark.parametrize("lang", sorted(STARTED))
async def test_session_page_says_when_it_started_joining_the_time_as_each_language_does(
        make_app, store, lang):
    stamp = "2026-12-01T14:30:00-03:00"
    store.save(Session(id="a1b2c3d4-0000-4000-8000-000000000001", flow="dropped",
                       client="Acme", created_at=stamp, updated_at=stamp, lang=lang),
               touch=False)
    app = make_app(lang=lang, start="history")
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionViewScreen)
        source = app.screen.query_one("#view-page", Markdown).source
        assert f"_{STARTED[lang]} · " in source
