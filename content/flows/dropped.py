"""The "I was dropped" flow: from the first minute after the news to the lessons.

The walk: what happened, a minute of breathing, a holding reply if the client waits,
feelings and the signs that were there, thanks, asking why, the kind of reason, then one
branch (make amends, improve a habit, or accept), a referral request, what to learn, and a
summary. The kind of reason chosen on the `reason` step decides the branch and is the
session's outcome.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from content.catalog import Catalog
from content.flows import register
from content.flows.base import Answers, Field, Flow, Step, answer
from content.letters import clause
from content.reminders import reminder_text

NAME = "dropped"
REASON_KINDS = ("slight", "systemic", "external")
BRANCH_OF_KIND = {"slight": "amends", "systemic": "improve", "external": "accept"}
TOO_SOON = timedelta(minutes=5)
"""Drafts reached this soon after starting come with a gentle suggestion to wait."""

DRAFTS = "dropped_drafts"  # the catalog file holding the message templates


def reason_kind(answers: Answers) -> str | None:
    """The kind of reason the user picked on the reason step, or None."""
    kind = answer(answers, "reason", "kind")
    return kind if kind in REASON_KINDS else None


def branch(answers: Answers) -> str | None:
    """The step that follows the reason: "amends", "improve" or "accept" (None before a pick)."""
    kind = reason_kind(answers)
    return BRANCH_OF_KIND[kind] if kind else None


def client_waits(answers: Answers) -> bool:
    return answer(answers, "hold", "waiting") == "yes"


def ready_to_ask(answers: Answers) -> bool:
    return answer(answers, "ask_why", "ready") == "yes"


def wants_check_in(answers: Answers) -> bool:
    return bool(answer(answers, "learn", "check_in", False))


def too_soon(created_at: str | datetime, now: datetime) -> bool:
    """True when `now` is within `TOO_SOON` of the session's start (drafts can wait)."""
    try:
        start = created_at if isinstance(created_at, datetime) else \
            datetime.fromisoformat(str(created_at))
    except ValueError:
        return False
    if (start.tzinfo is None) != (now.tzinfo is None):
        start, now = start.replace(tzinfo=None), now.replace(tzinfo=None)
    return timedelta(0) <= now - start < TOO_SOON


def resolved_date(answers: Answers, step_id: str, field_id: str, lang: str, today: date,
                  prefer: str = "future") -> date | datetime | None:
    """The day a date field names: the day stored when it was typed, else read from its words.

    Relative words ("Thursday") are read once, against the day they were typed; the step
    keeps that day beside the text (`<field>__date`), so reopening a session a week later
    does not move the date.
    """
    stored = answer(answers, step_id, f"{field_id}__date")
    if stored:
        try:
            if "T" in str(stored):
                return datetime.fromisoformat(str(stored))
            return date.fromisoformat(str(stored))
        except ValueError:
            pass
    text = answer(answers, step_id, field_id)
    if not text:
        return None
    from content.dates import parse_when

    parsed = parse_when(str(text), lang, today, prefer=prefer)  # type: ignore[arg-type]
    return parsed.value if parsed else None


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def context(answers: Answers, catalog: Catalog, today: date) -> Mapping[str, str]:
    """Placeholders for the drafts beyond the raw answers: the greeting, dates, chosen labels.

    The letters greet the person who told the user, by the name given, or no one: never
    the client, which may be a company or a nickname only the user understands.
    """
    from content.date_format import letter_date, letter_date_on
    from content.letters import greeting

    ui = catalog.ui
    lang = catalog.lang
    who = str(answer(answers, "what_happened", "who", "")).strip()
    values: dict[str, str] = {
        "greeting": greeting(who, catalog),
        "client_name": str(answer(answers, "what_happened", "client", "")).strip(),
    }
    happened = resolved_date(answers, "what_happened", "when", lang, today, "past")
    if happened:
        values["when_day"] = letter_date(_day(happened), lang, today)  # type: ignore[arg-type]
    callback = _day(resolved_date(answers, "hold", "callback", lang, today))
    values["callback_when"] = (ui("dropped.callback_on", day=letter_date_on(callback, lang, today))
                               if callback else ui("dropped.callback_soon"))
    values["role"] = clause(answer(answers, "referrals", "role", "")) or \
        ui("dropped.role_fallback")
    values["service"] = clause(answer(answers, "referrals", "service", "")) or \
        ui("dropped.service_fallback")
    kind = reason_kind(answers)
    if kind:
        values["reason_ack"] = ui(f"dropped.reason_ack_{kind}")
    return values


def reminders(answers: Answers, catalog: Catalog, today: date) -> list[dict[str, Any]]:
    """The reminders the answers ask for, one per kind with a stable id.

    A call-back when the client waits for a reply, a review of the habit to change on the
    improve branch, and a check-in months later if the user wants one. Each keeps its text
    as a key and values (see `content.reminders`), so it reads in the language on screen.
    """
    from content.reminders import reminder_what

    lang = catalog.lang
    client = str(answer(answers, "what_happened", "client", "")).strip()
    wanted: list[dict[str, Any]] = []

    def add(kind: str, day: date | None, key: str, **values: Any) -> None:
        if day is not None:
            meaning = reminder_what(key, **values)
            wanted.append({"id": f"{NAME}.{kind}", "kind": kind, "due": day.isoformat(),
                           "what": reminder_text(meaning, catalog), "done": False, **meaning})

    if client_waits(answers):
        who = str(answer(answers, "what_happened", "who", "")).strip() or client
        add("call_back", _day(resolved_date(answers, "hold", "callback", lang, today)),
            "dropped.reminder_call_back", name=who or {"ui": "app.the_client"})
    if branch(answers) == "improve":
        habit = str(answer(answers, "improve", "habit", "")).strip()
        add("review_habit", _day(resolved_date(answers, "improve", "review", lang, today)),
            "dropped.reminder_review_habit", habit=habit or {"ui": "dropped.habit_fallback"})
    if wants_check_in(answers):
        add("check_in", _day(resolved_date(answers, "learn", "check_in_when", lang, today)),
            "dropped.reminder_check_in")
    return wanted


def outcome(answers: Answers) -> str | None:
    """The session's outcome in history: the kind of reason."""
    return reason_kind(answers)


def _is(kind: str):
    return lambda answers: reason_kind(answers) == kind


FLOW = register(Flow(
    name=NAME,
    steps=(
        Step("what_happened", fields=(
            Field("client"),
            Field("who"),
            Field("when", "date", prefer="past"),
            Field("how", "choice", options=("email", "call", "meeting", "message")),
            Field("said", "text"),
        )),
        Step("breathe", widget="breathe"),
        Step("hold", widget="draft", fields=(
            Field("waiting", "yesno"),
            Field("callback", "date", when=client_waits),
            Field("reply", "draft", template=f"{DRAFTS}.hold", when=client_waits),
        )),
        Step("feelings", fields=(
            Field("feelings", "checklist",
                  options=("angry", "disappointed", "hurt", "worried", "ashamed", "relieved",
                           "numb")),
            Field("signs", "checklist",
                  options=("calls", "distant", "next_phase", "priorities", "realities",
                           "quieter", "new_people")),
            Field("notes", "text"),
        )),
        Step("gratitude", widget="draft", fields=(
            Field("work"),
            Field("message", "draft", template=f"{DRAFTS}.gratitude"),
        )),
        Step("ask_why", widget="draft", fields=(
            Field("ready", "yesno"),
            Field("questions", "draft", template=f"{DRAFTS}.ask_why", when=ready_to_ask),
            Field("their_answer", "text", when=ready_to_ask),
        )),
        Step("reason", widget="reason", fields=(
            Field("kind", "choice", options=REASON_KINDS),
            Field("detail"),
        )),
        Step("amends", widget="draft", when=_is("slight"), branch_of="reason", fields=(
            Field("lacking"),
            Field("hurt"),
            Field("offer", "draft", template=f"{DRAFTS}.amends"),
        )),
        Step("improve", when=_is("systemic"), branch_of="reason", fields=(
            Field("habit"),
            Field("first_step"),
            Field("review", "date"),
        )),
        Step("accept", when=_is("external"), branch_of="reason", fields=(
            Field("well"),
            Field("note", "draft", template=f"{DRAFTS}.accept"),
        )),
        Step("referrals", widget="draft", fields=(
            Field("role"),
            Field("service"),
            Field("message", "draft", template=f"{DRAFTS}.referral"),
        )),
        Step("learn", fields=(
            Field("good_deal", "yesno"),
            Field("pattern", "yesno"),
            Field("level", "choice", options=("owner", "manager", "team")),
            Field("higher", "yesno"),
            Field("offer_shape", "choice", options=("ongoing", "fixed_term", "projects")),
            Field("end_upfront", "yesno"),
            Field("lesson", "text"),
            Field("check_in", "switch"),
            Field("check_in_when", "date", when=wants_check_in),
        )),
        Step("summary", widget="summary"),
    ),
    context=context,
    outcome=outcome,
    reminders=reminders,
    people=lambda answers: [answer(answers, "what_happened", "who", "")],
))
