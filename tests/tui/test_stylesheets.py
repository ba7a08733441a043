"""Each screen keeps its rules in its own stylesheet, so start-up styles only the home screen."""

from __future__ import annotations

from tui.app import PREPARE_AFTER
from tui.screens import all_styles, styles


def _read(app) -> set[str]:
    return {path for path, _ in app.stylesheet.source}


async def test_start_reads_only_the_shared_stylesheet_before_the_first_frame(make_app,
                                                                              monkeypatch):
    monkeypatch.setattr("tui.app.PREPARE_AFTER", 60.0)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert str(styles("flow")) not in _read(app)
        assert str(styles("tables")) not in _read(app)


async def test_other_screens_stylesheets_are_read_once_home_is_up(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause(PREPARE_AFTER + 0.2)
        assert {str(p) for p in all_styles()} <= _read(app)


async def test_a_screen_opened_before_then_shows_with_its_own_rules(make_app, monkeypatch):
    monkeypatch.setattr("tui.app.PREPARE_AFTER", 60.0)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert str(styles("tables")) in _read(app)
        # #history-table's margin comes from tables.tcss alone.
        assert app.screen.query_one("#history-table").styles.margin.left == 1
