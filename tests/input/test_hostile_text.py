"""Escape sequences, control characters and markup in stored text never reach the terminal raw.

A session can arrive from an import file someone else wrote. Its text is shown, never
obeyed: an escape sequence must not retitle the window or clear the screen, and square
brackets must not be read as styles (or crash the screen).
"""

from __future__ import annotations

import pytest

from tests.input.hostile import CONTROL, HOSTILE, hostile_sessions, raw_controls


async def show(app, pilot, where: str, unfinished: str, finished: str) -> None:
    if where == "flow":
        app.open_session(app.store.get(unfinished))
    elif where == "session page":
        app.open_session_read_only(app.store.get(finished))
    elif where == "history":
        app.action_history()
    elif where == "reminders":
        app.action_reminders()
    elif where == "insights":
        app.action_insights()
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("where", ["home", "flow", "session page", "history", "reminders",
                                   "insights"])
async def test_hostile_text_is_shown_without_reaching_the_terminal(make_app, store, where):
    unfinished, finished = hostile_sessions(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await show(app, pilot, where, unfinished, finished)
        assert app.is_running
        assert raw_controls(app) == []


async def test_square_brackets_in_a_client_name_show_as_typed_in_the_flow(make_app, store):
    unfinished, _finished = hostile_sessions(store)
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        app.open_session(app.store.get(unfinished))
        await pilot.pause()
        header = str(app.screen.query_one("#flow-header").render())
        assert "[/] [b]bold?[/b]" in header
        # and the text is kept as it was: showing it safely must not rewrite the answers
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.get(unfinished).answers["what_happened"]["said"].startswith(HOSTILE)


def test_due_reminders_printed_by_the_command_line_carry_no_terminal_codes(store, capsys):
    from tui.cli import main

    hostile_sessions(store)
    assert main(["--data-dir", str(store.directory), "due"]) == 0
    out = capsys.readouterr().out
    assert "Acme" in out
    assert CONTROL.findall(out.replace("\n", "")) == []


def hostile_answers(flow) -> dict:
    """Every field of every step answered: text fields with HOSTILE, choices with an option."""
    answers: dict = {}
    for step in flow.steps:
        values: dict = {}
        for field in step.fields:
            if field.kind in ("line", "text", "draft", "date"):
                values[field.id] = HOSTILE
            elif field.kind in ("choice",) and field.options:
                values[field.id] = field.options[0]
            elif field.kind == "yesno":
                values[field.id] = "yes"
            elif field.kind == "checklist" and field.options:
                values[field.id] = list(field.options[:2])
            elif field.kind == "switch":
                values[field.id] = True
        answers[step.id] = values
    return answers


@pytest.mark.parametrize("flow_name", ["dropped", "drop"])
async def test_every_step_shows_hostile_answers_without_terminal_codes(make_app, store,
                                                                      flow_name):
    from content.flows import get_flow
    from store import new_session
    from tests.conftest import frozen_clock

    flow = get_flow(flow_name)
    session = new_session(flow_name, client=HOSTILE, clock=frozen_clock)
    session.answers = hostile_answers(flow)
    app = make_app()
    leaks = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for step in flow.steps:
            session.step = step.id
            app.open_session(session)
            await pilot.pause()
            assert app.is_running, step.id
            found = raw_controls(app)
            if found:
                leaks[step.id] = found
            app.pop_screen()
            await pilot.pause()
    assert leaks == {}


@pytest.mark.parametrize("dialog", ["snooze", "check-in", "delete", "export", "done toggled"])
async def test_dialogs_and_messages_show_hostile_text_safely(make_app, store, dialog):
    from tui.screens.checkin import CheckinModal
    from tui.screens.export import ExportModal
    from tui.screens.reminders import SnoozeModal
    from tui.screens.session_view import confirm_and_delete

    _unfinished, finished = hostile_sessions(store)
    session = store.get(finished)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if dialog == "snooze":
            app.push_screen(SnoozeModal(HOSTILE))
        elif dialog == "check-in":
            app.push_screen(CheckinModal(session, "checkin_30"))
        elif dialog == "delete":
            confirm_and_delete(app, session, lambda: None)
        elif dialog == "export":
            app.push_screen(ExportModal([session], formats=("md",)))
        else:
            app.action_reminders()
            await pilot.pause()
            await pilot.press("d")  # mark the hostile reminder done: a message names it
        await pilot.pause()
        assert app.is_running
        assert raw_controls(app) == []
