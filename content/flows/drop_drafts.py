"""What the drafts of "Should I drop them?" say beyond the raw answers.

`drop_context` is the flow's `context`: placeholders computed from the answers (the neutral
reason drawn from the red flags, the payment plan, the exit dates, format-specific
openings). The payment plan and the exit dates come from `content.timeline`; this module
only reads the answers and words the results.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from content.catalog import Catalog
from content.date_format import letter_date
from content.dates import format_date, parse_when
from content.flows.base import Answers, answer
from content.letters import clause, greeting, list_lines, spoken_list
from content.money import default_currency, format_number, read_money, read_number, with_cents
from content.money import format_money as _format_money
from content.timeline import Instalment, Timeline, exit_timeline, payment_schedule
from content.verdict import SELF_CHECK, assess

DEFAULT_NOTICE_DAYS = 14
MAX_NOTICE_DAYS = 366


def parse_day(text: Any, lang: str, today: date, prefer: str = "future") -> date | None:
    """The day typed in a date field, or None when empty or not understood."""
    if not isinstance(text, str) or not text.strip():
        return None
    parsed = parse_when(text, lang, today, prefer=prefer)  # type: ignore[arg-type]
    if parsed is None:
        return None
    value = parsed.value
    return value.date() if isinstance(value, datetime) else value


def _number(text: Any) -> Decimal | None:
    return read_number(text)


def _whole(text: Any) -> int | None:
    value = _number(text)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def currency_of(answers: Answers, lang: str) -> str:
    """The currency the payment plan is in: the one chosen on the step, else the language's."""
    return str(answer(answers, "attempt", "pay_currency", "") or default_currency(lang))


def format_money(amount: Decimal, catalog: Catalog, currency: str | None = None, *,
                 cents: bool | None = None) -> str:
    """An amount as the catalog's language writes money, with its currency: "120 000 ₽"."""
    return _format_money(amount, catalog.lang, currency, cents=cents)


def _plan_total(plan: list[Instalment]) -> Decimal:
    return sum((i.amount for i in plan), Decimal(0))


def answer_day(answers: Answers, step: str, field: str, lang: str, today: date,
               prefer: str = "future") -> date | None:
    """The day a date field names: the day kept when it was typed, else read from its words."""
    stored = answer(answers, step, f"{field}__date")
    if stored:
        try:
            return date.fromisoformat(str(stored)[:10])
        except ValueError:
            pass
    return parse_day(answer(answers, step, field), lang, today, prefer)


# -- payment plan --------------------------------------------------------------------------
def plan_problem(answers: Answers, lang: str, today: date) -> str | None:
    """The ui key saying what keeps the payment plan from being computed, or None."""
    amount = read_money(answer(answers, "attempt", "pay_amount"))
    if amount is None or amount <= 0:
        return "drop_attempt.plan_error_amount"
    count = _whole(answer(answers, "attempt", "pay_count"))
    if count is None or not 1 <= count <= 120:
        return "drop_attempt.plan_error_count"
    if answer_day(answers, "attempt", "pay_first", lang, today) is None:
        return "drop_attempt.plan_error_first"
    for name in ("pay_discount", "pay_interest"):
        pct = _number(answer(answers, "attempt", name, "0"))
        if pct is None or not 0 <= pct <= 100:
            return "drop_attempt.plan_error_pct"
    if plan_from_answers(answers, lang, today) is None:
        return "drop_attempt.plan_error_small"
    return None


def plan_from_answers(answers: Answers, lang: str, today: date) -> list[Instalment] | None:
    """The payment schedule the attempt step describes, or None while it is incomplete."""
    amount = read_money(answer(answers, "attempt", "pay_amount"))
    count = _whole(answer(answers, "attempt", "pay_count"))
    first = answer_day(answers, "attempt", "pay_first", lang, today)
    interval = answer(answers, "attempt", "pay_interval", "month")
    if not isinstance(interval, str):
        return None  # a value no screen writes (from an edited import): no plan
    early = _number(answer(answers, "attempt", "pay_discount", "0"))
    late = _number(answer(answers, "attempt", "pay_interest", "0"))
    if amount is None or count is None or first is None or early is None or late is None:
        return None
    try:
        return payment_schedule(amount, count, first, interval, early_discount_pct=early,
                                late_interest_pct=late)
    except (ValueError, ArithmeticError):
        return None


def plan_markdown(plan: list[Instalment], catalog: Catalog, currency: str | None = None) -> str:
    """The payment plan as a Markdown table (for the summary and the export)."""
    ui = catalog.ui
    head = [ui("drop_attempt.table_number"), ui("drop_attempt.table_due"),
            ui("drop_attempt.table_amount"), ui("drop_attempt.table_early"),
            ui("drop_attempt.table_late")]
    rows = [f"| {' | '.join(head)} |", "|" + "---|" * len(head)]
    total = _plan_total(plan)
    cents = with_cents([*(a for i in plan for a in (i.amount, i.if_early, i.if_late)), total],
                       catalog.lang)
    for item in plan:
        rows.append(f"| {item.number} | {format_date(item.due, catalog.lang)} | "
                    f"{format_money(item.amount, catalog, currency, cents=cents)} | "
                    f"{format_money(item.if_early, catalog, currency, cents=cents)} | "
                    f"{format_money(item.if_late, catalog, currency, cents=cents)} |")
    rows.append(f"| {ui('drop_attempt.table_total')} | | "
                f"{format_money(total, catalog, currency, cents=cents)} | | |")
    return f"**{catalog.item('drop.attempt').get('pay_table_title')}**\n\n" + "\n".join(rows)


# -- exit dates ----------------------------------------------------------------------------
def exit_dates(answers: Answers, lang: str, today: date) -> Timeline | None:
    """The exit timeline from the exit step (the decision day defaults to today)."""
    decided = answer_day(answers, "exit", "decided_on", lang, today) or today
    notice = _whole(answer(answers, "exit", "notice_days"))
    handover = _whole(answer(answers, "exit", "handover_days", "0"))
    if notice is None or handover is None or not 0 <= notice <= MAX_NOTICE_DAYS \
            or not 0 <= handover <= MAX_NOTICE_DAYS:
        return None
    return exit_timeline(decided, notice, handover_days=handover)


# -- the context ---------------------------------------------------------------------------
def neutral_reasons(answers: Answers, catalog: Catalog) -> str:
    """The seen red flags, heaviest first, in the neutral words an exit message can use."""
    verdict = assess(_table(answers, "flags"), _table(answers, "self_check"))
    order = list(verdict.reasons) + [n for n in verdict.seen if n not in verdict.reasons]
    phrases = [str(catalog.item(f"drop_flags.{name}").get("neutral")) for name in order[:3]]
    if not phrases:
        return catalog.ui("drop_exit.reason_fallback")
    return spoken_list(phrases, catalog, "drop_exit.reason_join", "drop_exit.reason_join_last",
                       "drop_exit.reason_join_pair")


def _table(answers: Answers, step: str) -> Mapping[str, Any]:
    value = answers.get(step)
    return value if isinstance(value, Mapping) else {}


def _option_line(catalog: Catalog, key: str, value: Any, options: tuple[str, ...]) -> str:
    """The draft's own sentence for an option answer (never the option's label on screen)."""
    return catalog.ui(f"{key}_{value}") if value in options else ""


def _self_check_lines(answers: Answers, catalog: Catalog) -> str:
    item = catalog.item("drop.self_check")
    given = _table(answers, "self_check")
    lines = []
    for question in SELF_CHECK:
        value = given.get(question)
        if value not in ("yes", "no", "unsure"):
            continue
        note = str(given.get(f"{question}_note") or "").strip()
        lines.append(catalog.ui("drop.self_check_line", question=item.get(f"{question}_summary"),
                                answer=catalog.ui(f"app.{value}"),
                                note=catalog.ui("drop.self_check_note", note=note) if note else ""))
    return "\n".join(lines)


def _flag_lines(answers: Answers, catalog: Catalog) -> str:
    """The seen flags as the user says them in the first person, one per line."""
    verdict = assess(_table(answers, "flags"), {})
    lines = []
    for name in verdict.seen:
        often = _table(_table(answers, "flags"), name).get("often") or "sometimes"
        flag = catalog.item(f"drop_flags.{name}")
        lines.append(catalog.ui("drop.flag_name_line", title=flag.get("mine") or flag.get("title"),
                                often=catalog.ui(f"drop.frequency_{often}")))
    return "\n".join(lines)


def _team_facts(answers: Answers, catalog: Catalog) -> str:
    """What frustrates the team, as a list under its own heading; empty when nobody said."""
    people = _table(answers, "team").get("people") or []
    found = [str(p.get("frustrations", "")) for p in people if isinstance(p, Mapping)]
    lines = list_lines("\n".join(found), catalog, "drop_team.fact_line")
    return f"{catalog.ui('drop_team.facts_intro')}\n{lines}" if lines else ""


def drop_context(answers: Answers, catalog: Catalog, today: date) -> dict[str, str]:
    """Placeholders for every draft of the flow, computed from the answers."""
    ui = catalog.ui
    lang = catalog.lang
    client = str(answer(answers, "client", "client", "")).strip()
    values: dict[str, str] = {
        "greeting": greeting(answer(answers, "client", "contact"), catalog),
        "client_name": client,
        "duration_line": _option_line(catalog, "drop.mentor_duration",
                                      answer(answers, "client", "duration"),
                                      ("new", "months", "year", "years")),
        "feels_line": _option_line(catalog, "drop.mentor_feels",
                                   answer(answers, "self_check", "difficult_or_toxic"),
                                   ("difficult", "toxic", "unsure")),
        "self_check_lines": _self_check_lines(answers, catalog),
        "flag_lines": _flag_lines(answers, catalog),
        "neutral_reasons": neutral_reasons(answers, catalog),
        "scope_extras_list": list_lines(answer(answers, "attempt", "scope_extras"), catalog,
                                        "drop_attempt.extra_line"),
        "expect_list_lines": list_lines(answer(answers, "attempt", "expect_list"), catalog,
                                        "drop_attempt.expect_line"),
        "team_facts": _team_facts(answers, catalog),
    }
    share = read_number(answer(answers, "client", "income_share"))
    if share is not None and 0 <= share <= 100:
        values["income_share"] = format_number(share, lang)
    if values["self_check_lines"]:
        values["self_check_intro"] = ui("drop.mentor_self_check_intro")
    if values["flag_lines"]:
        values["flags_intro"] = ui("drop.mentor_flags_intro")
    if values["scope_extras_list"]:
        values["scope_extras_intro"] = ui("drop_attempt.extras_intro")
    change = answer(answers, "team", "change")
    if change in ("team", "terms", "both", "neither"):
        values["change"] = ui(f"drop_team.change_{change}")
    pause = clause(answer(answers, "attempt", "expect_pause", ""))
    values["expect_pause_clause"] = ui("drop_attempt.expect_pause", pause=pause) if pause else ""

    plan = plan_from_answers(answers, lang, today)
    if plan:
        currency = currency_of(answers, lang)
        # The letter names the amounts alone, not what paying early or late changes.
        total = _plan_total(plan)
        cents = with_cents([*(i.amount for i in plan), total], lang)
        values["pay_total"] = format_money(total, catalog, currency, cents=cents)
        values["pay_plan_lines"] = "\n".join(
            ui("drop_attempt.plan_line", n=i.number, due=letter_date(i.due, lang, today),
               amount=format_money(i.amount, catalog, currency, cents=cents)) for i in plan)
        for name, key in (("pay_discount", "plan_discount"), ("pay_interest", "plan_interest")):
            pct = _number(answer(answers, "attempt", name, "0"))
            if pct:
                values[f"{name}_line"] = ui(f"drop_attempt.{key}", pct=format_number(pct, lang))

    values.update(_exit_values(answers, catalog, today))
    return values


def _exit_values(answers: Answers, catalog: Catalog, today: date) -> dict[str, str]:
    ui = catalog.ui
    lang = catalog.lang
    form = answer(answers, "exit", "format", "letter")
    values = {"opening": ui(f"drop_exit.opening_{form}") if form in ("letter", "meeting", "call")
              else ui("drop_exit.opening_letter")}
    handover = clause(answer(answers, "exit", "handover", ""))
    referral = clause(answer(answers, "exit", "referral", ""))
    positive = clause(answer(answers, "exit", "positive", ""))
    if referral:
        values["referral_line"] = ui("drop_exit.referral_line", who=referral)
        values["referral_point"] = ui("drop_exit.referral_point", who=referral)
    if positive:
        values["positive_line"] = ui("drop_exit.positive_line", what=positive)
        values["positive_clause"] = ui("drop_exit.positive_clause", what=positive)
    else:  # the letter still closes with thanks; one named good thing makes it personal
        values["positive_line"] = ui("drop_exit.positive_line_plain")
    dates = exit_dates(answers, lang, today)
    if dates is not None:
        last = letter_date(dates.last_working_day, lang, today)
        until = letter_date(dates.handover_until, lang, today)
        invoice = letter_date(dates.final_invoice, lang, today)
        values.update({
            "last_working_day": last, "handover_until": until, "final_invoice": invoice,
            "procedure_intro": ui("drop_exit.procedure_intro"),
            "last_day_line": ui("drop_exit.last_day_line", date=last),
            "invoice_line": ui("drop_exit.invoice_line", date=invoice),
            "last_day_point": ui("drop_exit.last_day_point", date=last),
            "invoice_point": ui("drop_exit.invoice_point", date=invoice),
        })
        if handover:
            values["handover_line"] = ui("drop_exit.handover_line", date=until, what=handover)
            values["handover_point"] = ui("drop_exit.handover_point", date=until, what=handover)
        elif dates.handover_until != dates.last_working_day:
            values["handover_line"] = ui("drop_exit.handover_line_plain", date=until)
            values["handover_point"] = ui("drop_exit.handover_point_plain", date=until)
        # The same date on two lines running reads like a form: "the same day" says it once.
        above = dates.handover_until if "handover_line" in values else dates.last_working_day
        if dates.final_invoice == above:
            values["invoice_line"] = ui("drop_exit.invoice_line_same_day")
    return values
