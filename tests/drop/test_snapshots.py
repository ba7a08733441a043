"""Snapshots of every step of "Should I drop them?", clock frozen, answers given."""

from __future__ import annotations

import pytest

from store import new_session
from tests.conftest import frozen_clock

ANSWERS = {
    "client": {"client": "Acme", "duration": "year", "income_share": "40",
               "situation": "Anna keeps adding pages and calls late at night."},
    "self_check": {"own_part": "no", "could_better": "unsure",
                   "could_better_note": "I could say no sooner", "difficult_or_toxic": "toxic"},
    "flags": {"scope": {"seen": True, "often": "often", "when": "2026-11-02",
                        "what": "Asked for a shop on top"},
              "late_payment": {"seen": True, "often": "sometimes", "cause": "cash_flow"}},
    "team": {"has_team": "yes",
             "people": [{"name": "Sam", "frustrations": "Calls at night", "good": "",
                         "part": "", "lesson": ""}]},
    "attempt": {"pay_amount": "1000", "pay_count": "3", "pay_first": "2027-01-31",
                "pay_interval": "month", "pay_discount": "2"},
    "decision": {"decision": "part", "reason": "It costs more than it brings."},
    "exit": {"format": "letter", "referral": "Studio Nord", "positive": "the spring launch"},
    "after": {"lessons": "Write the scope down on day one."},
}
STEPS = ("client", "self_check", "flags", "verdict", "team", "attempt", "decision", "exit",
         "after", "summary")


async def settled(pilot) -> None:
    """Wait past the save delay (the status line reads "Saved") and stop cursors blinking."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause(0.8)
    await pilot.pause()


def app_at(make_app, store, step: str):
    session = new_session("drop", client="Acme", clock=frozen_clock)
    session.answers = {k: dict(v) for k, v in ANSWERS.items()}
    session.step = step
    store.save(session)
    return make_app(session_id=session.id)


@pytest.mark.parametrize("step", STEPS)
def test_snapshot_drop_step(snap_compare, make_app, store, step):
    assert snap_compare(app_at(make_app, store, step), terminal_size=(100, 30), run_before=settled)


@pytest.mark.parametrize("step", ("flags", "exit"))
def test_snapshot_drop_step_small_terminal(snap_compare, make_app, store, step):
    assert snap_compare(app_at(make_app, store, step), terminal_size=(60, 20), run_before=settled)


def test_snapshot_dealbreaker_verdict(snap_compare, make_app, store):
    session = new_session("drop", client="Acme", clock=frozen_clock)
    session.answers = {"client": {"client": "Acme"},
                       "flags": {"illegal": {"seen": True, "often": "once"}}}
    session.step = "verdict"
    store.save(session)
    assert snap_compare(make_app(session_id=session.id), terminal_size=(100, 30), run_before=settled)
