"""Keys that arrive in one burst (a fast typist, a browser tab over a busy connection):
Continue and Save act on everything typed before them, not on a few keys less."""

from __future__ import annotations

from textual import events

from store import new_session
from tests.conftest import frozen_clock


def burst(app, text: str, then: str) -> None:
    """Send `text` and the key `then` as one burst, without waiting between keys."""
    for character in text:
        key = "space" if character == " " else character
        app.post_message(events.Key(key, character))
    app.post_message(events.Key(then, None))


def at_first_step(make_app, store):
    """The app open on the first step of a new "I was dropped" session (focus: Client)."""
    session = new_session("dropped", clock=frozen_clock)
    store.save(session)
    return make_app(session_id=session.id), session


async def test_continue_right_after_typing_keeps_the_last_letters(make_app, store):
    app, session = at_first_step(make_app, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, "Acme Industries", "ctrl+n")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.current.step.id == "breathe"
    assert store.get(session.id).answers["what_happened"]["client"] == "Acme Industries"


async def test_save_right_after_typing_keeps_the_last_letters(make_app, store):
    app, session = at_first_step(make_app, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, "Northwind", "ctrl+s")
        await pilot.pause()
        assert store.get(session.id).client == "Northwind"
