"""What each step of "I was dropped" looks like, with the clock frozen and the pacer still."""

from __future__ import annotations

import time

import pytest

from tests.dropped.walk import ANSWERS_BEFORE_REASON, stored_session
from tui.widgets.breathing import BreathingPacer

STEPS = ["what_happened", "breathe", "hold", "feelings", "gratitude", "ask_why", "reason",
         "referrals", "learn", "summary"]
BRANCHES = {"slight": "amends", "systemic": "improve", "external": "accept"}
BRANCH_ANSWERS = {
    "amends": {"lacking": "the final report", "hurt": "your CTO"},
    "improve": {"habit": "a weekly update", "first_step": "notes every Friday",
                "review": "in a month", "review__date": "2026-12-23"},
    "accept": {"well": "shipped two weeks early"},
}


@pytest.fixture(autouse=True)
def utc(monkeypatch):
    """Stored times are written in the machine's zone; pin it so pictures match anywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


async def settled(pilot) -> None:
    """Hold the picture still: save now (the status line would race the save timer) and
    stop cursors blinking."""
    await pilot.pause()
    pilot.app.screen.flush()
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()


def answers_for(kind: str = "external") -> dict:
    answers = {name: dict(value) for name, value in ANSWERS_BEFORE_REASON.items()}
    answers["reason"] = {"kind": kind, "detail": "their budget was cut"}
    answers[BRANCHES[kind]] = dict(BRANCH_ANSWERS[BRANCHES[kind]])
    answers["referrals"] = {"role": "IT directors", "service": "web design"}
    answers["learn"] = {"good_deal": "yes", "check_in": True, "check_in_when": "in 3 months",
                        "check_in_when__date": "2027-02-23"}
    return answers


def app_at(make_app, store, step: str, kind: str = "external"):
    session = stored_session(store, step, answers_for(kind))
    return make_app(session_id=session.id)


@pytest.mark.parametrize("step", STEPS)
def test_snapshot_step(snap_compare, make_app, store, step):
    assert snap_compare(app_at(make_app, store, step), run_before=settled,
                        terminal_size=(100, 30))


@pytest.mark.parametrize("kind", list(BRANCHES))
def test_snapshot_branch(snap_compare, make_app, store, kind):
    assert snap_compare(app_at(make_app, store, BRANCHES[kind], kind), run_before=settled,
                        terminal_size=(100, 30))


def test_snapshot_first_step_of_a_new_session(snap_compare, make_app):
    assert snap_compare(make_app(start="dropped", client="Acme"), run_before=settled,
                        terminal_size=(100, 30))


def test_snapshot_breathing_mid_breath(snap_compare, make_app, store):
    async def hold_still(pilot):
        await pilot.pause()  # the step is built after the first frame of its screen
        pilot.app.screen.query_one(BreathingPacer).show_at(6.0)  # the hold after breathing in
        await settled(pilot)

    assert snap_compare(app_at(make_app, store, "breathe"), run_before=hold_still,
                        terminal_size=(100, 30))


@pytest.mark.parametrize("step", ["breathe", "reason", "summary"])
def test_snapshot_small_terminal(snap_compare, make_app, store, step):
    assert snap_compare(app_at(make_app, store, step), run_before=settled,
                        terminal_size=(60, 20))
