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


LONG_CLIENT = "Padaria Pão Quente Comércio de Alimentos e Bebidas Artesanais"  # 61 characters


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("flow_name", ["drop", "dropped"])
async def test_a_long_client_name_is_shortened_so_the_step_counter_fits_80_columns(
        make_app, lang, flow_name):
    from rich.cells import cell_len

    from content.flows import get_flow

    catalog = load_catalog(lang)
    flow = get_flow(flow_name)
    second = flow.steps[1]
    session = new_session(flow_name, client=LONG_CLIENT, lang=lang, clock=frozen_clock)
    session.step = second.id
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_session(session)
        await pilot.pause()
        header = header_text(app)
        position = catalog.ui("flow.position", n=2, total=flow.position(second.id, {})[1],
                              title=catalog.item(f"{flow_name}.{second.id}").get("title"))
        assert header.endswith(position)  # the counter and the step's title, whole
        assert cell_len(header) <= 80 - 2  # inside the header's padding: nothing cut off
        shortened = header.split("   ")[0].split(" · ")[-1]
        assert shortened.endswith("…") and LONG_CLIENT.startswith(shortened[:-1])
        assert len(shortened) >= 10


async def test_a_client_name_that_fits_is_shown_whole_beside_the_flow_name(make_app):
    session = new_session("drop", client="Acme", clock=frozen_clock)
    session.step = "self_check"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_session(session)
        await pilot.pause()
        assert header_text(app).startswith("Should I drop them? · Acme   Step 2 of ")
