"""The insights screen draws bar charts with numbers, for none, one and many sessions."""

from __future__ import annotations

from store import new_session
from tests.conftest import frozen_clock
from tui.screens.insights import InsightsScreen
from tui.widgets.bar_chart import BarChart

SIZE = (100, 30)


async def show_insights(app, pilot):
    await pilot.press("i")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, InsightsScreen)


async def test_no_sessions_says_so(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_insights(app, pilot)
        assert "No sessions yet" in str(app.screen.query_one("#insights-status").render())
        assert not any(chart.display for chart in app.screen.query(BarChart))


async def test_one_session_draws_its_flags_with_the_client(store, make_app):
    session = new_session("drop", client="Acme", clock=frozen_clock)
    session.answers = {"flags": {"late_payment": {"seen": True, "often": "often"}}}
    store.save(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_insights(app, pilot)
        chart = app.screen.query_one("#insights-flags", BarChart)
        drawn = str(chart.render())
        assert "Pays late" in drawn and "with Acme" in drawn and drawn.splitlines()[0].endswith("1")
        assert "No reasons recorded yet." in str(
            app.screen.query_one("#insights-reasons-empty").render())


async def test_hundreds_of_sessions_show_every_section(filled, make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_insights(app, pilot)
        status = str(app.screen.query_one("#insights-status").render())
        assert status.startswith("300 sessions")
        for section in ("flags", "reasons", "decisions", "turned_out", "came_back", "repeat"):
            chart = app.screen.query_one(f"#insights-{section}", BarChart)
            assert chart.display and chart.bars, section
        outcome = str(app.screen.query_one("#insights-turned_out", BarChart).render())
        assert "yes ·" in outcome


async def test_a_flag_seen_with_one_client_names_it_in_the_singular_in_portuguese(store,
                                                                                 make_app):
    session = new_session("drop", client="Acme", clock=frozen_clock)
    session.answers = {"flags": {"late_payment": {"seen": True, "often": "often"}}}
    store.save(session)
    app = make_app(lang="pt")
    async with app.run_test(size=SIZE) as pilot:
        await show_insights(app, pilot)
        drawn = str(app.screen.query_one("#insights-flags", BarChart).render())
        assert "cliente: Acme" in drawn and "clientes:" not in drawn


async def test_a_reason_too_long_to_stand_beside_its_bar_is_shown_whole_above_it(filled,
                                                                                 make_app):
    app = make_app(lang="pt")
    async with app.run_test(size=(80, 24)) as pilot:
        await show_insights(app, pilot)
        chart = app.screen.query_one("#insights-reasons", BarChart)
        drawn = chart.render().plain
        assert "Jeito de trabalhar — melhorar um hábito" in drawn
        assert "…" not in drawn
        assert chart.size.height == len(drawn.splitlines())
