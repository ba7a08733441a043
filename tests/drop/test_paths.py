"""Each path through "Should I drop them?", walked with the keyboard alone."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Markdown, Static

from tests.drop.keys import choose, next_step, step_id, tick, type_text
from tui.widgets.draft import DraftEditor

SIZE = (100, 30)


async def client_and_self_check(pilot) -> None:
    assert step_id(pilot) == "client"
    assert pilot.app.screen.focused.id == "f-contact"  # the client was given: next empty field
    await choose(pilot, "#f-duration", "year")
    await type_text(pilot, "#f-income_share", "40")
    await type_text(pilot, "#f-situation", "Anna from Acme keeps adding pages.")
    await next_step(pilot)
    assert step_id(pilot) == "self_check"
    await choose(pilot, "#f-own_part", "no")
    await choose(pilot, "#f-difficult_or_toxic", "toxic")
    await next_step(pilot)
    assert step_id(pilot) == "flags"


async def flag(pilot, name: str, often: str = "sometimes") -> None:
    await tick(pilot, f"#seen-{name}")
    await choose(pilot, f"#often-{name}", often)


def shown(pilot, selector: str) -> str:
    """The text a Static shows, whatever it holds (text, markup or a Rich table)."""
    content = pilot.app.screen.query_one(selector, Static).content
    if isinstance(content, str):
        return content
    if hasattr(content, "plain"):
        return content.plain
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


async def finish_from_after(pilot) -> None:
    assert step_id(pilot) == "after"
    await type_text(pilot, "#f-lessons", "Write the scope down on day one.")
    await next_step(pilot)
    assert step_id(pilot) == "summary"
    page = pilot.app.screen.query_one("#summary-page", Markdown)
    assert page.source
    await next_step(pilot)  # Finish


async def test_a_dealbreaker_ends_it_now_skips_the_attempt_and_writes_the_exit(make_app, store):
    app = make_app(start="drop", client="Acme")
    async with app.run_test(size=SIZE) as pilot:
        await client_and_self_check(pilot)
        await flag(pilot, "harassment", "once")
        await type_text(pilot, "#what-harassment", "Shouted at my designer")
        await next_step(pilot)
        assert step_id(pilot) == "verdict"
        assert shown(pilot, "#verdict-title") == "End it now"
        assert "lawyer" in shown(pilot, "#verdict-legal")
        await next_step(pilot)
        assert step_id(pilot) == "team"
        await choose(pilot, "#f-has_team", "no")
        await next_step(pilot)
        assert step_id(pilot) == "decision"  # no last attempt after a deal-breaker
        options = [b.name for b in app.screen.query("#f-decision RadioButton")]
        assert options == ["keep", "part"]
        await next_step(pilot)
        assert step_id(pilot) == "decision"  # a decision is needed to go on
        await choose(pilot, "#f-decision", "part")
        await next_step(pilot)
        assert step_id(pilot) == "exit"
        message = app.screen.query_one("#f-message", DraftEditor).text
        assert "the way people working on this project have been treated" in message
        assert "Monday, 7 December." in message  # 14 days' notice from the frozen Monday
        await next_step(pilot)
        await finish_from_after(pilot)
    saved = store.get(store.summaries()[0].id)
    assert saved.status == "done" and saved.outcome == "part"
    assert "attempt" not in saved.answers
    assert "Bullies or harasses you or your people** (once) · Deal-breaker" in \
        saved.answers["flags"]["_markdown"]
    kinds = {r["id"] for r in saved.reminders}
    assert {"drop.confirm", "drop.invoice"} <= kinds


async def test_a_last_attempt_with_a_payment_plan_shows_the_schedule_and_sets_reminders(
        make_app, store):
    app = make_app(start="drop", client="Acme")
    async with app.run_test(size=SIZE) as pilot:
        await client_and_self_check(pilot)
        await flag(pilot, "late_payment", "sometimes")
        await choose(pilot, "#cause-late_payment", "cash_flow")
        await next_step(pilot)
        assert shown(pilot, "#verdict-title") == "Make one last attempt"
        await next_step(pilot)
        await choose(pilot, "#f-has_team", "no")
        await next_step(pilot)
        assert step_id(pilot) == "attempt"
        assert app.screen.query_one("#field-pay_amount").display
        assert not app.screen.query_one("#field-scope_terms").display
        await type_text(pilot, "#f-pay_amount", "1000")
        await type_text(pilot, "#f-pay_count", "3")
        await type_text(pilot, "#f-pay_first", "2027-01-31")
        await choose(pilot, "#f-pay_interval", "month")
        await type_text(pilot, "#f-pay_discount", "2")
        table = shown(pilot, "#pay-plan-table")
        assert "28 February 2027" in table and "$333.34" in table and "$1,000" in table
        message = app.screen.query_one("#f-pay_message", DraftEditor).text
        assert "3. Wednesday, 31 March 2027: $333.34" in message
        assert "paid before its due date is reduced by 2%." in message
        await type_text(pilot, "#f-review_on", "2027-04-05")
        await next_step(pilot)
        session = app.screen.session
        ids = [r["id"] for r in session.reminders]
        assert ids == ["drop.instalment.1", "drop.instalment.2", "drop.instalment.3",
                       "drop.review"]
        await choose(pilot, "#f-decision", "last_attempt")
        await next_step(pilot)
        assert step_id(pilot) == "after"  # no exit message when not parting
        await finish_from_after(pilot)
    saved = store.get(session.id)
    assert saved.outcome == "last_attempt" and saved.status == "done"
    assert "| 2 | Sunday, 28 February 2027 | $333.33 |" in saved.answers["attempt"]["_markdown"]


async def test_a_last_attempt_for_scope_creep_lists_the_extras_with_a_new_estimate(
        make_app, store):
    app = make_app(start="drop", client="Acme")
    async with app.run_test(size=SIZE) as pilot:
        await client_and_self_check(pilot)
        await flag(pilot, "scope", "sometimes")
        await next_step(pilot)
        await next_step(pilot)
        await choose(pilot, "#f-has_team", "no")
        await next_step(pilot)
        assert step_id(pilot) == "attempt"
        assert not app.screen.query_one("#field-pay_amount").display
        await type_text(pilot, "#f-scope_terms", "A five-page site for 3000 by 1 December.")
        await type_text(pilot, "#f-scope_extras", "A blog\nA shop")
        await type_text(pilot, "#f-scope_estimate", "1800")
        await type_text(pilot, "#f-scope_schedule", "Two more weeks")
        message = app.screen.query_one("#f-scope_message", DraftEditor).text
        # Typed with a capital, the small word goes lowercase after the colon.
        assert "What we agreed at the start: a five-page site" in message
        assert "- A blog\n- A shop" in message
        assert "Estimate: 1800" in message and "Schedule: Two more weeks" in message
        await next_step(pilot)
        await choose(pilot, "#f-decision", "last_attempt")
        await type_text(pilot, "#f-reason", "They are worth one clear try.")
        await next_step(pilot)
        await finish_from_after(pilot)
    saved = store.get(store.summaries()[0].id)
    assert saved.outcome == "last_attempt"
    assert "A shop" in saved.answers["attempt"]["scope_message"]
    assert "pay_message" not in saved.answers["attempt"]


async def test_parting_after_a_team_round_writes_talking_points_and_checks_the_language(
        make_app, store):
    app = make_app(start="drop", client="Acme")
    async with app.run_test(size=SIZE) as pilot:
        await client_and_self_check(pilot)
        await flag(pilot, "scope", "often")
        await flag(pilot, "belittle", "often")
        await flag(pilot, "obligations", "sometimes")
        await next_step(pilot)
        assert shown(pilot, "#verdict-title") == "Part ways"
        assert "40% of your income" in shown(pilot, "#verdict-cost")
        await next_step(pilot)
        await choose(pilot, "#f-has_team", "yes")
        assert app.screen.query_one("#team-people").display
        await type_text(pilot, ".person-name", "Sam, support")
        await type_text(pilot, ".person-frustrations", "Calls at night")
        assert app.screen.query_one("#breaking-point").display
        await type_text(pilot, ".person-good", "Clear briefs")
        assert not app.screen.query_one("#breaking-point").display
        await choose(pilot, "#f-change", "terms")
        agenda = app.screen.query_one("#f-agenda", DraftEditor).text
        assert "Calls at night" in agenda and "new terms for the work" in agenda
        await next_step(pilot)
        assert step_id(pilot) == "attempt"
        await next_step(pilot)
        await choose(pilot, "#f-decision", "part")
        await next_step(pilot)
        assert step_id(pilot) == "exit"
        await choose(pilot, "#f-format", "meeting")
        assert app.screen.query_one("#field-talking_points").display
        await type_text(pilot, "#f-referral", "Studio Nord")
        await type_text(pilot, "#f-positive", "the spring launch")
        check = shown(pilot, "#exit-check")
        assert "All five parts are there" in check
        area = app.screen.query_one("#f-message TextArea")
        area.focus()
        area.move_cursor(area.document.end)
        await type_text(pilot, "#f-message TextArea", "\nYou always paid late.")
        check = shown(pilot, "#exit-check")
        assert "always" in check and "situation, not the person" in check
        await next_step(pilot)
        assert step_id(pilot) == "after"
        await finish_from_after(pilot)
    saved = store.get(store.summaries()[0].id)
    assert saved.outcome == "part"
    team = saved.answers["team"]
    assert team["people"][0]["good"] == "Clear briefs"
    assert "Sam, support" in team["_markdown"]
    assert "You always paid late." in saved.answers["exit"]["message"]
    assert "talking_points" in saved.answers["exit"]
