"""An amount of 27 digits or more, typed, pasted or imported, and a payment interval no
screen writes (`{}`, `["a"]`): the amount reads as "cannot read this amount" with the text
kept, the plan is simply not there, and nothing crashes (app, Markdown export).
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Static

from content.flows.drop_drafts import plan_from_answers, plan_problem
from content.money import read_money
from content.timeline import parse_amount
from store import SessionStore, new_session
from store.exchange import dumps_document, export_document
from tests.conftest import frozen_clock
from tests.drop.keys import type_text
from tui.cli import main

HUGE = "1" + "9" * 26  # 27 digits: decimal's default precision cannot count its cents
TODAY = date(2026, 12, 1)


def attempt(amount: object = "1", interval: object = "month") -> dict:
    return {"client": {"client": "PayCo"}, "flags": {"late_payment": {"seen": True}},
            "attempt": {"pay_amount": amount, "pay_count": "3", "pay_first": "2026-12-10",
                        "pay_interval": interval}}


@pytest.mark.parametrize("text", [HUGE, "1" + "0" * 30, "1 000 000 000 000 000",
                                  "999999999999999999999999999,99", "$" + "9" * 40])
def test_an_amount_beyond_any_invoice_is_not_read(text):
    assert parse_amount(text) is None and read_money(text) is None


def test_the_largest_amount_still_read_is_just_under_a_quadrillion():
    assert parse_amount("999 999 999 999 999,99") is not None
    assert parse_amount("1.000.000.000.000.000") is None


@pytest.mark.parametrize(("amount", "interval"), [(HUGE, "month"), ("1", {}), ("1", ["a"]),
                                                  ("1", 7), (HUGE, None)])
def test_a_plan_that_cannot_be_made_is_no_plan(amount, interval):
    answers = attempt(amount, interval)
    assert plan_from_answers(answers, "en", TODAY) is None
    assert plan_problem(answers, "en", TODAY) is not None


@pytest.mark.parametrize(("amount", "interval"), [(HUGE, "month"), ("1", {}), ("1", ["a"])])
def test_an_imported_session_with_such_a_plan_exports_as_markdown(tmp_path, capsys,
                                                                   amount, interval):
    session = new_session("drop", client="PayCo", clock=frozen_clock)
    session.answers = attempt(amount, interval)
    session.step = "attempt"
    backup = tmp_path / "in.json"
    backup.write_bytes(dumps_document(export_document([session])))
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "--lang", "en", "import", str(backup)]) == 0
    out = tmp_path / "out.md"
    assert main(["--data-dir", str(data), "--lang", "en", "export", "--all", "--format", "md",
                 "-o", str(out)]) == 0
    assert "PayCo" in out.read_text()


async def test_typing_a_27th_digit_in_the_amount_says_it_cannot_be_read_and_keeps_it(
        make_app, store):
    session = new_session("drop", client="PayCo", clock=frozen_clock)
    session.answers = attempt("1")
    session.step = "attempt"
    store.save(session)
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#f-pay_amount", Input)
        field.cursor_position = len(field.value)
        await type_text(pilot, "#f-pay_amount", "9" * 26)
        await pilot.pause()
        assert field.value == HUGE
        echo = str(app.screen.query_one("#echo-pay_amount", Static).render())
        assert echo == app.catalog.ui("app.money_unknown")
    assert app.return_code in (None, 0)
    with SessionStore.open(store.directory) as reopened:
        assert reopened.get(session.id).answers["attempt"]["pay_amount"] == HUGE


@pytest.mark.parametrize(("amount", "interval"), [(HUGE, "month"), ("1", {}), ("1", ["a"])])
async def test_a_session_with_such_a_plan_opens_in_the_app(make_app, store, amount, interval):
    session = new_session("drop", client="PayCo", clock=frozen_clock)
    session.answers = attempt(amount, interval)
    session.step = "attempt"
    store.save(session)
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#f-pay_amount", Input).value == amount
    assert app.return_code in (None, 0)
