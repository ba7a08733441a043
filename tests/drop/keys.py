"""Keyboard moves shared by the drop flow's Pilot tests: each answers one widget by keys."""

from __future__ import annotations

from textual.widgets import RadioSet

KEY_NAMES = {" ": "space", "\n": "enter", ".": "full_stop", ",": "comma", "%": "percent_sign",
             "-": "minus", "'": "apostrophe", ":": "colon", "?": "question_mark",
             "!": "exclamation_mark", "/": "slash", "(": "left_parenthesis",
             ")": "right_parenthesis", "\"": "quotation_mark", ";": "semicolon"}


async def type_text(pilot, selector: str, text: str) -> None:
    """Focus the field and type `text` key by key."""
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()
    await pilot.press(*[KEY_NAMES.get(ch, ch) for ch in text])
    await pilot.pause()


async def choose(pilot, selector: str, key: str) -> None:
    """Pick the option named `key` in a radio set with the arrow keys and Enter."""
    radio_set = pilot.app.screen.query_one(selector, RadioSet)
    radio_set.focus()
    await pilot.pause()
    names = [button.name for button in radio_set._nodes]
    here = radio_set._selected or 0
    target = names.index(key)
    step = "down" if target >= here else "up"
    await pilot.press(*[step] * abs(target - here), "enter")
    await pilot.pause()


async def tick(pilot, selector: str) -> None:
    """Tick a checkbox with the space bar."""
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()
    await pilot.press("space")
    await pilot.pause()


async def next_step(pilot) -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()
    await pilot.pause()


def step_id(pilot) -> str:
    return pilot.app.screen.session.step
