"""Walking "I was dropped" with the keyboard alone, down each branch, to the summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input, RadioSet, Static, TextArea

from store.settings import load_settings
from tests.dropped.walk import ANSWERS_BEFORE_REASON, SAID, stored_session, type_text
from tui.screens.dropped.reason import ReasonStep
from tui.screens.flow import FlowScreen
from tui.widgets.breathing import BreathingPacer
from tui.widgets.draft import DraftEditor
from tui.widgets.summary import SummaryStep

BRANCH = {"slight": "amends", "systemic": "improve", "external": "accept"}


def step_id(app) -> str:
    return app.screen.current.step.id


async def walk_to_summary(pilot, kind: str) -> None:
    """From step 1 to the summary, answering as someone whose reason is `kind`."""
    app = pilot.app
    assert step_id(app) == "what_happened"
    assert app.focused.id == "f-who"  # the client was given: the first empty field
    await type_text(pilot, "Anna")
    await pilot.press("tab")
    await type_text(pilot, "last Friday 3pm")
    await pilot.press("tab", "enter", "tab")  # how: the first option; then what they said
    await type_text(pilot, SAID[kind])
    await pilot.press("ctrl+n")

    assert step_id(app) == "breathe"
    await pilot.press("s", "ctrl+n")

    assert step_id(app) == "hold"
    await pilot.press("enter", "tab")  # yes, they wait
    await type_text(pilot, "Thursday")
    await pilot.press("ctrl+n")

    assert step_id(app) == "feelings"
    await pilot.press("down", "space", "ctrl+n")

    assert step_id(app) == "gratitude"
    await type_text(pilot, "the shop")
    await pilot.press("ctrl+n")

    assert step_id(app) == "ask_why"
    await pilot.press("enter", "tab", "tab", "tab", "tab")
    await type_text(pilot, "final")
    await pilot.press("ctrl+n")

    assert step_id(app) == "reason"
    await pilot.press("enter")  # the suggestion's button has focus
    await pilot.press("ctrl+n")

    assert step_id(app) == BRANCH[kind]
    if kind == "slight":
        await type_text(pilot, "the report")
        await pilot.press("tab")
        await type_text(pilot, "Bob")
    elif kind == "systemic":
        await type_text(pilot, "updates")
        await pilot.press("tab")
        await type_text(pilot, "notes")
        await pilot.press("tab")
        await type_text(pilot, "in a month")
    else:
        await type_text(pilot, "on time")
    await pilot.press("ctrl+n")

    assert step_id(app) == "referrals"
    await type_text(pilot, "IT directors")
    await pilot.press("tab")
    await type_text(pilot, "web design")
    await pilot.press("ctrl+n")

    assert step_id(app) == "learn"
    await pilot.press("ctrl+n")
    assert step_id(app) == "summary"


@pytest.mark.parametrize("kind", ["slight", "systemic", "external"])
async def test_each_branch_can_be_walked_by_keyboard_to_a_summary_that_holds_everything(
        make_app, store, kind, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(start="dropped", client="Acme")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await walk_to_summary(pilot, kind)
        session = app.screen.session
        assert session.outcome == kind
        page = app.screen.query_one(SummaryStep).markdown()
        for typed in ("Anna", "last Friday 3pm", "Friday, 20 November 2026 at 15:00",
                      SAID[kind], "the shop", "final", "IT directors",
                      "web design", "Thursday, 26 November 2026", "Hi Anna,",
                      "Call Anna back, as promised"):
            assert typed in page, typed
        assert {"slight": "Bob felt left out", "systemic": "Check how it's going: updates",
                "external": "One thing I did well: on time"}[kind] in page

        await pilot.press("ctrl+e")
        await pilot.pause()
        [exported] = list(tmp_path.glob("2026-11-23-acme-dropped*.md"))
        assert exported.read_text(encoding="utf-8") == page

        await pilot.press("ctrl+n")  # Finish
        await pilot.pause()
        assert not isinstance(app.screen, FlowScreen)
    saved = store.get(session.id)
    assert saved.status == "done"
    assert saved.outcome == kind
    assert saved.answers["referrals"]["role"] == "IT directors"
    assert [r["id"] for r in saved.reminders if r["id"] == "dropped.call_back"] == \
        ["dropped.call_back"]


async def test_back_keeps_the_answers_of_the_step_left_and_of_the_step_returned_to(make_app):
    app = make_app(start="dropped", client="Acme")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Anna")
        await pilot.press("ctrl+n", "escape")
        assert step_id(app) == "what_happened"
        assert app.screen.query_one("#f-who", Input).value == "Anna"
        await pilot.press("ctrl+n", "ctrl+n", "enter", "tab")
        await type_text(pilot, "Friday")
        await pilot.press("escape", "ctrl+n")
        assert step_id(app) == "hold"
        assert app.screen.query_one("#f-callback", Input).value == "Friday"


async def test_answers_reach_the_store_within_a_second_of_the_last_keystroke(make_app, store):
    app = make_app(start="dropped", client="Acme")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Anna")
        session_id = app.screen.session.id
        await pilot.pause(1.0)
        assert store.get(session_id).answers["what_happened"]["who"] == "Anna"


async def test_reopening_resumes_at_the_step_with_every_field_as_it_was(make_app, store):
    app = make_app(start="dropped", client="Acme")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n", "ctrl+n", "enter", "tab")
        await type_text(pilot, "in two days")
        await pilot.press("tab")
        await type_text(pilot, " Talk soon.")
        session_id = app.screen.session.id
        typed_draft = app.screen.query_one("#f-reply", DraftEditor).text
        await app.action_quit()
    again = make_app(session_id=session_id)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert step_id(again) == "hold"
        screen = again.screen
        assert screen.query_one("#f-callback", Input).value == "in two days"
        assert "Wednesday, 25 November 2026" in str(screen.query_one("#echo-callback").render())
        assert screen.query_one("#f-reply", DraftEditor).text == typed_draft
        assert "Talk soon." in typed_draft
        assert screen.query_one("#f-waiting", RadioSet).pressed_button.name == "yes"
    assert [r["due"] for r in store.get(session_id).reminders] == ["2026-11-25"]


async def test_changing_the_call_back_day_moves_the_one_reminder(make_app, store):
    session = stored_session(store, "hold", {"hold": {"waiting": "yes"}})
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.focused.id == "f-callback"  # "waiting" is answered: the day is next
        await type_text(pilot, "Thursday")
        await pilot.press(*["backspace"] * 8)
        await type_text(pilot, "Friday")
        await pilot.pause(0.8)
        reminders = app.screen.session.reminders
    assert [(r["id"], r["due"]) for r in reminders] == [("dropped.call_back", "2026-11-27")]
    assert store.get(session.id).reminders == reminders


async def test_drafts_reached_minutes_after_starting_suggest_waiting(make_app, store):
    session = stored_session(store, "gratitude", ANSWERS_BEFORE_REASON)
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query(".gentle-notice")


async def test_drafts_reached_later_do_not_nag(make_app, store, monkeypatch):
    session = stored_session(store, "gratitude", ANSWERS_BEFORE_REASON)
    session.created_at = "2026-11-23T06:00:00+00:00"  # 09:00 at +03:00, half an hour before
    store.save(session)
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.screen.query(".gentle-notice")
        editor = app.screen.query_one("#f-message", DraftEditor)
        assert "our work on the new online shop." in editor.text


async def test_ctrl_o_copies_the_draft_to_the_clipboard(make_app, store):
    session = stored_session(store, "gratitude", ANSWERS_BEFORE_REASON)
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        assert app.clipboard.startswith("Hi Anna,")
        assert "the new online shop" in app.clipboard


async def test_the_reason_step_suggests_a_kind_and_says_which_words_led_there(make_app, store):
    session = stored_session(store, "reason", ANSWERS_BEFORE_REASON)
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        why = str(app.screen.query_one("#reason-why", Static).render())
        assert "Nothing to do with me" in why and "budget" in why and "in-house" in why
        await pilot.press("ctrl+n")
        assert step_id(app) == "reason"  # no kind picked yet: Continue is refused
        await pilot.press("enter")
        assert app.screen.query_one(ReasonStep).data["kind"] == "external"
        assert "accept what you could not control" in \
            str(app.screen.query_one("#reason-follows", Static).render())
        await pilot.press("ctrl+n")
        assert step_id(app) == "accept"


async def test_the_pacer_runs_a_timer_only_while_breathing_on_screen(make_app, store):
    session = stored_session(store, "breathe", {})
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pacer = app.screen.query_one(BreathingPacer)
        assert not pacer.animating  # nothing ticks before Start
        assert app.focused.id == "breathe-start"
        await pilot.press("enter")
        assert pacer.animating and pacer.running
        await pilot.press("f1")  # another screen on top: the pacer pauses
        await pilot.pause()
        assert not pacer.animating and pacer.running
        await pilot.press("escape")
        await pilot.pause()
        assert pacer.animating
        await pilot.press("s")
        assert not pacer.animating and not pacer.running
        assert app.screen.session.answers["breathe"]["status"] == "skipped"


async def test_the_pacer_counts_breaths_and_finishes(make_app, store):
    session = stored_session(store, "breathe", {})
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pacer = app.screen.query_one(BreathingPacer)
        fake = [1000.0]
        pacer.clock = lambda: fake[0]
        await pilot.press("enter")
        fake[0] += 5.0
        await pilot.pause(0.2)
        assert "Hold" in str(pacer.query_one(".pacer-phase", Static).render())
        assert "Breath 1 of 4" in str(pacer.query_one(".pacer-cycle", Static).render())
        fake[0] += 64.0
        await pilot.pause(0.2)
        assert pacer.finished and not pacer.animating
        assert app.screen.session.answers["breathe"]["status"] == "finished"
        assert app.focused is app.screen.query_one("#nav-next", Button)


async def test_reduced_motion_hides_the_shape_and_is_remembered(make_app, store):
    session = stored_session(store, "breathe", {})
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        pacer = app.screen.query_one(BreathingPacer)
        assert not pacer.query_one(".pacer-shape").display
        assert load_settings(Path(store.directory)).reduced_motion is True
        assert app.settings.reduced_motion is True
        await pilot.press("enter")
        assert "Breathe in" in str(pacer.query_one(".pacer-phase", Static).render())
        assert "4" in str(pacer.query_one(".pacer-count", Static).render())


async def test_the_breathing_pattern_choice_changes_the_count_and_is_remembered(make_app, store):
    session = stored_session(store, "breathe", {})
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("shift+tab", "shift+tab")  # past the checkbox to the patterns
        assert isinstance(app.focused, RadioSet)
        await pilot.press("down", "enter")
        pacer = app.screen.query_one(BreathingPacer)
        assert pacer.pattern == "478" and pacer.cycles == 3
        assert load_settings(Path(store.directory)).breathing_pattern == "478"
        assert app.screen.session.answers["breathe"]["pattern"] == "478"


async def test_the_amends_letter_says_where_it_will_appear_until_there_is_something_to_put_right(
        make_app, store):
    answers = {**ANSWERS_BEFORE_REASON, "reason": {"kind": "slight"}}
    session = stored_session(store, "amends", answers)
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        area = app.screen.query_one("#f-offer", DraftEditor).query_one(TextArea)
        assert area.text == ""
        assert "appears here once the answers above" in str(area.placeholder)
        app.screen.query_one("#f-lacking", Input).focus()
        await type_text(pilot, "the logo")
        await pilot.pause(0.3)
        assert "the logo" in area.text
        assert "Whatever you decide" in area.text
