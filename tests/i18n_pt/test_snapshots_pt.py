"""What the screens look like in Portuguese, with the clock frozen."""

from __future__ import annotations

from textual.widgets import Input, TextArea


async def steady_cursor(pilot) -> None:
    """Stop the cursors blinking and save at once, so the picture does not depend on timing."""
    await pilot.pause()
    flush = getattr(pilot.app.screen, "flush", None)
    if flush is not None:
        flush()  # "Saved" now, instead of half a second after the client's name went in
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False
    await pilot.pause()


def test_snapshot_home_in_portuguese(snap_compare, make_app):
    assert snap_compare(make_app(lang="pt"), terminal_size=(100, 30))


def test_snapshot_home_in_portuguese_small_terminal(snap_compare, make_app):
    assert snap_compare(make_app(lang="pt"), terminal_size=(60, 20))


def test_snapshot_dropped_first_step_in_portuguese(snap_compare, make_app):
    assert snap_compare(make_app(lang="pt", start="dropped", client="Acme"),
                        run_before=steady_cursor, terminal_size=(100, 30))


def test_snapshot_drop_first_step_in_portuguese(snap_compare, make_app):
    assert snap_compare(make_app(lang="pt", start="drop", client="Acme"),
                        run_before=steady_cursor, terminal_size=(100, 30))


def test_snapshot_help_in_portuguese(snap_compare, make_app):
    assert snap_compare(make_app(lang="pt"), press=["f1"], terminal_size=(100, 30))
