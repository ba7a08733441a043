"""The header over a step: where the step is in the walk, and whose session it is."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from content import LANGUAGES, load_catalog
from store import new_session
from tests.conftest import frozen_clock


def header_text(app) -> str:
    return str(app.screen.query_one("#flow-header", Static).render())


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_a_step_off_the_walk_shows_its_title_without_a_step_zero_counter(make_app, lang):
    # Resumed on "amends" (for a small slip), though the reason chosen since is systemic.
    session = new_session("dropped", client="Acme", lang=lang, clock=frozen_clock)
    session.answers = {"what_happened": {"client": "Acme"}, "reason": {"kind": "systemic"}}
    session.step = "amends"
    catalog = load_catalog(lang)
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_session(session)
        await pilot.pause()
        assert app.screen.current.step.id == "amends"
        header = header_text(app)
        assert catalog.item("dropped.amends").get("title") in header
        counter = catalog.ui("flow.position", n=0, total=0, title="").split("0")[0]
        assert counter.strip() not in header  # no "Step", "Шаг", "Etapa"
        assert " 0 " not in header
