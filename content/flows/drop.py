"""The "Should I drop them?" flow: steps, branching, the outcome and the reminders.

The walk: the client, a look at oneself, the red flags, the verdict, the team round, the last
attempt (skipped after a deal-breaker), the decision, the exit message (only when parting),
what comes after, and a summary. The drafts' computed placeholders live in
`content.flows.drop_drafts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from content.flows import register
from content.flows.base import Answers, Field, Flow, Step, answer
from content.flows.drop_drafts import (
    currency_of,
    drop_context,
    exit_dates,
    parse_day,
    plan_from_answers,
)
from content.money import CURRENCIES
from content.reminders import reminder_text, reminder_what
from content.verdict import FLAGS, Verdict, assess

DECISIONS = ("keep", "last_attempt", "part")

SCOPE_FLAGS = frozenset({"scope"})
PAYMENT_FLAGS = frozenset({"late_payment", "invoices"})
EXPECTATION_FLAGS = frozenset({"dissatisfied", "nitpick"})
PRICE_FLAGS = frozenset({"price", "terms"})
ATTEMPT_PARTS = {"scope": SCOPE_FLAGS, "payment": PAYMENT_FLAGS,
                 "expectations": EXPECTATION_FLAGS, "price": PRICE_FLAGS}


def verdict_of(answers: Answers) -> Verdict:
    """The verdict for the answers so far (red flags and self-check)."""
    flags = answers.get("flags") if isinstance(answers.get("flags"), Mapping) else {}
    self_check = answers.get("self_check") if isinstance(answers.get("self_check"), Mapping) else {}
    return assess(flags, self_check)


def attempt_parts(answers: Answers) -> list[str]:
    """Which parts of the last attempt the seen flags call for ("talk" when none does)."""
    seen = set(verdict_of(answers).seen)
    parts = [name for name, flags in ATTEMPT_PARTS.items() if seen & flags]
    return parts or ["talk"]


def _part(name: str):
    return lambda answers: name in attempt_parts(answers)


def has_team(answers: Answers) -> bool:
    return answer(answers, "team", "has_team") == "yes"


def decision(answers: Answers) -> str | None:
    chosen = answer(answers, "decision", "decision")
    return chosen if chosen in DECISIONS else None


def parting(answers: Answers) -> bool:
    return decision(answers) == "part"


def last_attempt_applies(answers: Answers) -> bool:
    return verdict_of(answers).last_attempt_allowed


def in_person(answers: Answers) -> bool:
    return answer(answers, "exit", "format") in ("meeting", "call")


def people(answers: Answers) -> list[str]:
    """The contact at the client and the people of the team step."""
    team = answers.get("team")
    listed = team.get("people", []) if isinstance(team, Mapping) else []
    names = [answer(answers, "client", "contact", "")]
    names += [str(p.get("name") or "") for p in listed if isinstance(p, Mapping)]
    return names


def outcome(answers: Answers) -> str | None:
    """The decision once made; before that, the verdict (when any flag or self-check exists)."""
    chosen = decision(answers)
    if chosen:
        return chosen
    if not answers.get("flags") and not answers.get("self_check"):
        return None
    return verdict_of(answers).kind


def _day(text: Any, lang: str, today: date) -> date | None:
    return parse_day(text, lang, today, prefer="future")


def reminders(answers: Answers, catalog: Any, today: date) -> list[dict[str, Any]]:
    """The reminders these answers ask for, each with a stable id starting with "drop.".

    Each keeps its text as a key and values (see `content.reminders`), so it reads in the
    language on screen; the client is shown beside every reminder, so the text leaves it out.
    """
    lang = catalog.lang
    found: list[dict[str, Any]] = []

    def add(rid: str, due: date, kind: str, key: str, **values: Any) -> None:
        meaning = reminder_what(key, **values)
        found.append({"id": rid, "due": due.isoformat(), "kind": kind,
                      "what": reminder_text(meaning, catalog), **meaning})

    attempt_on = last_attempt_applies(answers) and decision(answers) != "part"
    if attempt_on and "payment" in attempt_parts(answers):
        plan = plan_from_answers(answers, lang, today)
        if plan is not None:
            currency = currency_of(answers, lang)
            for item in plan:
                add(f"drop.instalment.{item.number}", item.due, "instalment",
                    "drop.reminder_instalment", n=str(item.number), total=str(len(plan)),
                    amount={"money": str(item.amount), "currency": currency})
    review = _day(answer(answers, "attempt", "review_on"), lang, today)
    if attempt_on and review is not None:
        add("drop.review", review, "review", "drop.reminder_review")
    if parting(answers):
        dates = exit_dates(answers, lang, today)
        told = dates.decided_on if dates else today
        confirm = _day(answer(answers, "after", "confirm_on"), lang, today) \
            or told + timedelta(days=1)
        key = "drop.reminder_confirm" if in_person(answers) else "drop.reminder_confirm_letter"
        add("drop.confirm", confirm, "confirmation", key)
        invoice = _day(answer(answers, "after", "invoice_on"), lang, today) \
            or (dates.final_invoice if dates else None)
        if invoice is not None:
            add("drop.invoice", invoice, "invoice", "drop.reminder_invoice")
    return found


_TEAM = has_team
_SELF_CHECK = ("own_part", "could_better", "best_effort", "others_agree")

FLOW = register(Flow(
    name="drop",
    steps=(
        Step("client", fields=(
            Field("client"),
            Field("contact"),
            Field("duration", "choice", options=("new", "months", "year", "years")),
            Field("income_share", "number"),
            Field("situation", "text"),
        )),
        Step("self_check", widget="self_check", fields=(
            *(f for q in _SELF_CHECK for f in (Field(q, "yesno"), Field(f"{q}_note"))),
            Field("difficult_or_toxic", "choice", options=("difficult", "toxic", "unsure")),
            Field("second_opinion"),
            Field("mentor_summary", "draft", template="drop.mentor_summary", anonymised=True),
        )),
        Step("flags", widget="flags"),
        Step("verdict", widget="verdict"),
        Step("team", widget="team", fields=(
            Field("has_team", "choice", options=("yes", "no")),
            Field("problem_scope", "choice", options=("one_or_two", "everywhere"), when=_TEAM),
            Field("change", "choice", options=("team", "terms", "both", "neither"), when=_TEAM),
            Field("reset_helps", "yesno", when=_TEAM),
            Field("recurrence", "choice", options=("once", "recurring"), when=_TEAM),
            Field("keep_pros", "text", when=_TEAM),
            Field("end_pros", "text", when=_TEAM),
            Field("agenda", "draft", template="drop_team.agenda", when=_TEAM),
            Field("lost_income", when=_TEAM),
            Field("bonuses", when=_TEAM),
            Field("costs", "text", when=_TEAM),
            Field("ready", "yesno", when=_TEAM),
        )),
        Step("attempt", widget="attempt", when=last_attempt_applies, branch_of="flags", fields=(
            Field("scope_terms", "text", when=_part("scope")),
            Field("scope_extras", "text", when=_part("scope")),
            Field("scope_estimate", when=_part("scope")),
            Field("scope_schedule", when=_part("scope")),
            Field("scope_message", "draft", template="drop_attempt.scope", when=_part("scope")),
            Field("pay_amount", "money", when=_part("payment")),
            Field("pay_currency", "choice", options=CURRENCIES, when=_part("payment")),
            Field("pay_count", "number", when=_part("payment")),
            Field("pay_first", "date", when=_part("payment")),
            Field("pay_interval", "choice", options=("week", "two_weeks", "month"),
                  when=_part("payment")),
            Field("pay_discount", "number", when=_part("payment")),
            Field("pay_interest", "number", when=_part("payment")),
            Field("pay_message", "draft", template="drop_attempt.payment",
                  when=_part("payment")),
            Field("expect_list", "text", when=_part("expectations")),
            Field("expect_pause", when=_part("expectations")),
            Field("expect_message", "draft", template="drop_attempt.expectations",
                  when=_part("expectations")),
            Field("price_value", "text", when=_part("price")),
            Field("price_message", "draft", template="drop_attempt.price", when=_part("price")),
            Field("talk_issue", "text", when=_part("talk")),
            Field("talk_ask", when=_part("talk")),
            Field("talk_message", "draft", template="drop_attempt.talk", when=_part("talk")),
            Field("review_on", "date"),
        )),
        Step("decision", widget="decision", fields=(
            Field("decision", "choice", options=DECISIONS),
            Field("reason", "text"),
        )),
        Step("exit", widget="exit", when=parting, branch_of="decision", fields=(
            Field("format", "choice", options=("letter", "meeting", "call")),
            Field("reason", "draft", template="drop_exit.reason"),
            Field("decided_on", "date"),
            Field("notice_days", "number"),
            Field("handover_days", "number"),
            Field("handover", "text"),
            Field("referral"),
            Field("window"),
            Field("positive"),
            Field("talking_points", "draft", template="drop_exit.talking_points",
                  when=in_person),
            Field("message", "draft", template="drop_exit.message"),
        )),
        Step("after", widget="after", fields=(
            Field("lessons", "text"),
            Field("fit", "text"),
            Field("confirm_on", "date", when=parting),
            Field("invoice_on", "date", when=parting),
        )),
        Step("summary", widget="summary"),
    ),
    context=drop_context,
    outcome=outcome,
    reminders=reminders,
    people=people,
))

__all__ = ["DECISIONS", "FLAGS", "FLOW", "attempt_parts", "decision", "has_team", "outcome",
           "reminders", "verdict_of"]
