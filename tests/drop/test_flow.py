"""The walk through "Should I drop them?": which steps, which outcome, which reminders."""

from datetime import date
from decimal import Decimal

import pytest

from content import load_catalog
from content.drafts import answer_values, fill_draft
from content.flows import get_flow
from content.flows.drop import attempt_parts, outcome, reminders
from content.flows.drop_drafts import (
    drop_context,
    exit_dates,
    format_money,
    neutral_reasons,
    plan_from_answers,
    plan_markdown,
    plan_problem,
)

TODAY = date(2026, 11, 23)  # a Monday
EN = load_catalog("en")


def path(answers):
    return [s.id for s in get_flow("drop").path(answers)]


def seen(*names, often="sometimes"):
    return {n: {"seen": True, "often": often} for n in names}


def test_a_dealbreaker_skips_the_last_attempt():
    assert "attempt" not in path({"flags": seen("harassment")})
    assert "attempt" in path({"flags": seen("scope")})


def test_the_exit_message_appears_only_when_parting():
    assert "exit" not in path({"decision": {"decision": "keep"}})
    assert "exit" not in path({"decision": {"decision": "last_attempt"}})
    assert path({"decision": {"decision": "part"}}) == [
        "client", "self_check", "flags", "verdict", "team", "attempt", "decision", "exit",
        "after", "summary"]


def test_the_outcome_is_the_verdict_until_a_decision_is_made():
    assert outcome({}) is None
    assert outcome({"flags": seen("illegal")}) == "end_now"
    assert outcome({"flags": seen("scope")}) == "last_attempt"
    assert outcome({"flags": seen("scope"), "decision": {"decision": "part"}}) == "part"


@pytest.mark.parametrize("flags, parts", [
    (("scope",), ["scope"]),
    (("late_payment",), ["payment"]),
    (("invoices", "nitpick"), ["payment", "expectations"]),
    (("price",), ["price"]),
    (("schedule",), ["talk"]),
    ((), ["talk"]),
])
def test_the_last_attempt_is_built_from_the_flags_seen(flags, parts):
    assert attempt_parts({"flags": seen(*flags)}) == parts


def plan_answers(**given):
    attempt = {"pay_amount": "1000", "pay_count": "3", "pay_first": "2027-01-31",
               "pay_interval": "month"}
    attempt.update(given)
    return {"client": {"client": "Acme"}, "flags": seen("late_payment"), "attempt": attempt}


def test_payment_plan_instalments_add_up_to_the_amount():
    plan = plan_from_answers(plan_answers(), "en", TODAY)
    assert [i.amount for i in plan] == [Decimal("333.33"), Decimal("333.33"), Decimal("333.34")]
    assert sum(i.amount for i in plan) == Decimal("1000")


def test_payment_plan_keeps_to_month_ends_and_leap_years():
    plan = plan_from_answers(plan_answers(pay_first="2028-01-31", pay_count="3"), "en", TODAY)
    assert [i.due for i in plan] == [date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31)]
    plan = plan_from_answers(plan_answers(pay_first="2027-01-31", pay_count="2"), "en", TODAY)
    assert plan[1].due == date(2027, 2, 28)


def test_payment_plan_reads_amounts_dates_and_percentages_as_typed():
    plan = plan_from_answers(plan_answers(pay_amount="4,800.50", pay_count="2",
                                          pay_first="1 December", pay_interval="two_weeks",
                                          pay_discount="2", pay_interest="1,5"), "en", TODAY)
    assert [i.due for i in plan] == [date(2026, 12, 1), date(2026, 12, 15)]
    assert plan[0].amount == Decimal("2400.25")
    assert plan[0].if_early == Decimal("2352.25") and plan[0].if_late == Decimal("2436.25")


@pytest.mark.parametrize("given, problem", [
    ({"pay_amount": ""}, "drop_attempt.plan_error_amount"),
    ({"pay_count": "0"}, "drop_attempt.plan_error_count"),
    ({"pay_count": "2.5"}, "drop_attempt.plan_error_count"),
    ({"pay_first": "whenever"}, "drop_attempt.plan_error_first"),
    ({"pay_discount": "150"}, "drop_attempt.plan_error_pct"),
    ({"pay_amount": "0.02", "pay_count": "5"}, "drop_attempt.plan_error_small"),
    ({}, None),
])
def test_an_incomplete_payment_plan_says_what_is_missing(given, problem):
    assert plan_problem(plan_answers(**given), "en", TODAY) == problem


def test_each_instalment_and_the_review_become_reminders_with_stable_ids():
    answers = plan_answers()
    answers["attempt"]["review_on"] = "2027-03-01"
    found = reminders(answers, EN, TODAY)
    assert [r["id"] for r in found] == ["drop.instalment.1", "drop.instalment.2",
                                        "drop.instalment.3", "drop.review"]
    assert found[0] == {"id": "drop.instalment.1", "due": "2027-01-31", "kind": "instalment",
                        "what": "Instalment 1 of 3: $333.33",
                        "text_key": "drop.reminder_instalment",
                        "text_values": {"n": "1", "total": "3",
                                        "amount": {"money": "333.33", "currency": "USD"}}}
    assert found[3]["due"] == "2027-03-01"
    assert reminders(answers, EN, TODAY) == found


@pytest.mark.parametrize(("lang", "expected"), [("ru", "Платёж 1 из 3: 333,33\u00a0$"),
                                                ("pt", "Parcela 1 de 3: US$\u00a0333,33")])
def test_a_reminder_made_in_english_reads_in_the_language_on_screen(lang, expected):
    from content.reminders import reminder_text

    made = reminders(plan_answers(), EN, TODAY)[0]
    assert made["what"] == "Instalment 1 of 3: $333.33"
    assert reminder_text(made, load_catalog(lang)) == expected


def test_a_reminder_stored_as_words_only_still_reads_as_written():
    from content.reminders import reminder_text

    old = {"id": "drop.review", "due": "2026-12-01", "what": "Review the plan with Acme"}
    assert reminder_text(old, load_catalog("ru")) == "Review the plan with Acme"


def test_parting_drops_the_attempts_reminders_and_sets_confirmation_and_invoice():
    answers = plan_answers()
    answers["decision"] = {"decision": "part"}
    answers["exit"] = {"format": "call", "notice_days": "14", "handover_days": "3"}
    found = {r["id"]: r for r in reminders(answers, EN, TODAY)}
    assert set(found) == {"drop.confirm", "drop.invoice"}
    assert found["drop.confirm"]["due"] == "2026-11-24"
    assert found["drop.confirm"]["what"] == "Send the written confirmation of the ending"
    assert found["drop.invoice"]["due"] == "2026-12-10"


def test_the_user_can_move_the_confirmation_and_invoice_reminders():
    answers = {"decision": {"decision": "part"}, "exit": {"notice_days": "14"},
               "after": {"confirm_on": "2026-11-30", "invoice_on": "2026-12-31"}}
    found = {r["id"]: r["due"] for r in reminders(answers, EN, TODAY)}
    assert found == {"drop.confirm": "2026-11-30", "drop.invoice": "2026-12-31"}


def test_exit_dates_follow_the_notice_and_skip_weekends():
    timeline = exit_dates({"exit": {"notice_days": "12"}}, "en", TODAY)
    assert timeline.last_working_day == date(2026, 12, 4)  # notice ends on a Saturday
    assert exit_dates({"exit": {"notice_days": "soon"}}, "en", TODAY) is None
    later = exit_dates({"exit": {"decided_on": "2026-12-01", "notice_days": "7",
                                 "handover_days": "2"}}, "en", TODAY)
    assert (later.last_working_day, later.handover_until) == (date(2026, 12, 8),
                                                              date(2026, 12, 10))


def test_the_neutral_reason_names_the_heaviest_flags_without_blaming():
    answers = {"flags": {**seen("nitpick", often="once"), **seen("scope", often="often")}}
    reason = neutral_reasons(answers, EN)
    assert reason.startswith("the scope has grown")
    assert "you" not in reason.split()
    assert neutral_reasons({}, EN) == EN.ui("drop_exit.reason_fallback")


def test_money_is_written_with_the_languages_separators_and_its_currency():
    assert format_money(Decimal("4800.5"), EN) == "$4,800.50"
    assert format_money(Decimal("120000"), load_catalog("ru"), "RUB") == "120\u00a0000\u00a0₽"
    assert format_money(Decimal("4800.5"), load_catalog("pt"), "BRL") == "R$\u00a04.800,50"


def test_the_plan_table_lists_every_instalment_and_the_total():
    plan = plan_from_answers(plan_answers(), "en", TODAY)
    table = plan_markdown(plan, EN)
    assert "| 3 | Wednesday, 31 March 2027 | $333.34 |" in table
    assert "| Total | | $1,000.00 | | |" in table


def test_the_exit_message_holds_reason_dates_referral_window_and_a_good_thing():
    answers = {"client": {"client": "Acme", "contact": "Jane"},
               "flags": seen("scope", often="often"),
               "decision": {"decision": "part"},
               "exit": {"format": "letter", "notice_days": "14", "handover": "the files",
                        "handover_days": "2", "referral": "Studio Nord",
                        "positive": "the spring launch",
                        "window": "If things change, I would be glad to work together again."}}
    values = {"client": "Acme", **answer_values(answers), **drop_context(answers, EN, TODAY)}
    answers["exit"]["reason"] = fill_draft(EN, "drop_exit.reason", values).strip()
    values = {"client": "Acme", **answer_values(answers), **drop_context(answers, EN, TODAY)}
    message = fill_draft(EN, "drop_exit.message", values)
    for part in ("Hi Jane,", "the scope has grown", "Monday, 7 December.",
                 "Until Wednesday, 9 December, I will be available to hand over the files",
                 "recommend Studio Nord", "I will remember the spring launch with real pleasure.",
                 "work together again"):
        assert part in message
    from content.language_check import check_message, missing_parts

    assert check_message(message, "en") == []
    assert missing_parts(message, "en") == []


@pytest.mark.parametrize("lang, thanks", [("en", "Thank you for the work we did together."),
                                          ("ru", "Спасибо за совместную работу."),
                                          ("pt", "Agradeço muito pela parceria.")])
def test_the_exit_letter_still_closes_with_thanks_when_no_good_thing_was_named(lang, thanks):
    catalog = load_catalog(lang)
    answers = {"client": {"client": "Acme"}, "decision": {"decision": "part"},
               "exit": {"format": "letter", "positive": "", "reason": "It no longer fits."}}
    values = {"client": "Acme", **answer_values(answers), **drop_context(answers, catalog, TODAY)}
    assert thanks in fill_draft(catalog, "drop_exit.message", values)


def test_the_summary_leaves_out_answers_to_fields_the_walk_hid():
    from content.markdown import session_markdown

    record = {"flow": "drop", "client": "Acme", "status": "in_progress",
              "created_at": "2026-11-23T09:30:00+03:00",
              "answers": {"flags": seen("late_payment"),
                          "attempt": {"scope_terms": "typed by mistake", "pay_amount": "3600"}},
              "reminders": []}
    page = session_markdown(record, EN)
    assert "3600" in page
    assert "typed by mistake" not in page
