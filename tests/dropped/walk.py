"""Keys a person presses to walk "I was dropped", shared by the Pilot and snapshot tests."""

from __future__ import annotations

from typing import Any

from store import Session, SessionStore, new_session
from tests.conftest import frozen_clock

SAID = {
    "slight": "Bob felt left out",
    "systemic": "missed deadlines",
    "external": "budget cut",
}


async def type_text(pilot, text: str) -> None:
    """Type `text` key by key, as a person would."""
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def stored_session(store: SessionStore, step: str, answers: dict[str, Any],
                   client: str = "Acme") -> Session:
    """A saved session of the flow, open at `step` with `answers` (for resuming and snapshots)."""
    session = new_session("dropped", client=client, clock=frozen_clock)
    session.answers = answers
    session.step = step
    store.save(session)
    return session


ANSWERS_BEFORE_REASON: dict[str, Any] = {
    "what_happened": {"client": "Acme", "who": "Anna", "when": "last Friday 3pm",
                      "when__date": "2026-11-20T15:00:00", "how": "call",
                      "said": SAID["external"]},
    "breathe": {"pattern": "box", "status": "finished", "cycles": 4},
    "hold": {"waiting": "yes", "callback": "Thursday", "callback__date": "2026-11-26"},
    "feelings": {"feelings": ["disappointed"], "signs": ["priorities"]},
    "gratitude": {"work": "the new online shop"},
    "ask_why": {"ready": "yes", "their_answer": "The board cut the budget and wants it in-house."},
}
