"""Snapshots of the screens people see first, in Russian, with the clock frozen.

They catch Cyrillic text that wraps badly, overflows the footer or is cut at the edge.
"""

from __future__ import annotations


async def settle(pilot) -> None:
    """Wait until the screen is still: the first save has run, the palette is filled, and
    no text cursor blinks (a blinking cursor is caught on or off at random)."""
    await pilot.pause(0.7)
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def test_snapshot_russian_home(snap_compare, make_app):
    assert snap_compare(make_app(lang="ru"), terminal_size=(100, 30),
                        run_before=settle)


def test_snapshot_russian_home_small_terminal(snap_compare, make_app):
    assert snap_compare(make_app(lang="ru"), terminal_size=(60, 20),
                        run_before=settle)


def test_snapshot_russian_help(snap_compare, make_app):
    assert snap_compare(make_app(lang="ru"), press=["f1"], terminal_size=(100, 30),
                        run_before=settle)


def test_snapshot_russian_first_step_of_i_was_dropped(snap_compare, make_app):
    assert snap_compare(make_app(lang="ru", start="dropped"), terminal_size=(100, 30),
                        run_before=settle)


def test_snapshot_russian_first_step_of_should_i_drop_them(snap_compare, make_app):
    assert snap_compare(make_app(lang="ru", start="drop"), terminal_size=(100, 30),
                        run_before=settle)


async def open_palette(pilot) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)


def test_snapshot_russian_command_palette(snap_compare, make_app):
    assert snap_compare(make_app(lang="ru"), terminal_size=(100, 30), run_before=open_palette)
