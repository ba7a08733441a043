"""What the drafts of "Should I drop them?" say beyond the raw answers.

`drop_context` is the flow's `context`: placeholders computed from the answers (the neutral
reason drawn from the red flags, the payment plan, the exit dates, format-specific
openings). The payment plan and the exit dates come from `content.timeline`; this module
only reads the answers and words the results.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from content.catalog import Catalog
from content.dates import format_date, parse_when
from content.flows.base import Answers, answer
from content.timeline import Instalment, Timeline, exit_timeline, parse_amount, payment_schedule
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
    if text in (None, ""):
        return None
    try:
        value = Decimal(str(text).strip().rstrip("%").replace(",", ".").strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _whole(text: Any) -> int | None:
    value = _number(text)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def format_money(amount: Decimal, catalog: Catalog) -> str:
    """An amount with two decimals and the language's separators: 4,800.00 / 4 800,00."""
    whole, _, cents = f"{amount:,.2f}".partition(".")
    group = catalog.ui("drop.money_group")
    return whole.replace(",", group) + catalog.ui("drop.money_decimal") + cents


# -- payment plan --------------------------------------------------------------------------
def plan_problem(answers: Answers, lang: str, today: date) -> str | None:
    """The ui key saying what keeps the payment plan from being computed, or None."""
    amount = parse_amount(str(answer(answers, "attempt", "pay_amount", "")))
    if amount is None or amount <= 0:
        return "drop_attempt.plan_error_amount"
    count = _whole(answer(answers, "attempt", "pay_count"))
    if count is None or not 1 <= count <= 120:
        return "drop_attempt.plan_error_count"
    if parse_day(answer(answers, "attempt", "pay_first"), lang, today) is None:
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
    amount = parse_amount(str(answer(answers, "attempt", "pay_amount", "")))
    count = _whole(answer(answers, "attempt", "pay_count"))
    first = parse_day(answer(answers, "attempt", "pay_first"), lang, today)
    interval = answer(answers, "attempt", "pay_interval", "month")
    early = _number(answer(answers, "attempt", "pay_discount", "0"))
    late = _number(answer(answers, "attempt", "pay_interest", "0"))
    if amount is None or count is None or first is None or early is None or late is None:
        return None
    try:
        return payment_schedule(amount, count, first, interval, early_discount_pct=early,
                                late_interest_pct=late)
    except ValueError:
        return None


def plan_markdown(plan: list[Instalment], catalog: Catalog) -> str:
    """The payment plan as a Markdown table (for the summary and the export)."""
    ui = catalog.ui
    head = [ui("drop_attempt.table_number"), ui("drop_attempt.table_due"),
            ui("drop_attempt.table_amount"), ui("drop_attempt.table_early"),
            ui("drop_attempt.table_late")]
    rows = [f"| {' | '.join(head)} |", "|" + "---|" * len(head)]
    for item in plan:
        rows.append(f"| {item.number} | {format_date(item.due, catalog.lang)} | "
                    f"{format_money(item.amount, catalog)} | "
                    f"{format_money(item.if_early, catalog)} | "
                    f"{format_money(item.if_late, catalog)} |")
    total = sum((i.amount for i in plan), Decimal(0))
    rows.append(f"| {ui('drop_attempt.table_total')} | | {format_money(total, catalog)} | | |")
    return f"**{catalog.item('drop.attempt').get('pay_table_title')}**\n\n" + "\n".join(rows)


# -- exit dates ----------------------------------------------------------------------------
def exit_dates(answers: Answers, lang: str, today: date) -> Timeline | None:
    """The exit timeline from the exit step (the decision day defaults to today)."""
    decided = parse_day(answer(answers, "exit", "decided_on"), lang, today) or today
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
    return catalog.ui("drop_exit.reason_join").join(phrases)


def _table(answers: Answers, step: str) -> Mapping[str, Any]:
    value = answers.get(step)
    return value if isinstance(value, Mapping) else {}


def _options(catalog: Catalog, step: str, field: str, key: Any) -> str:
    return str(catalog.item(f"drop.{step}").get(f"{field}_options", {}).get(key, ""))


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


def _flag_names(answers: Answers, catalog: Catalog) -> str:
    verdict = assess(_table(answers, "flags"), {})
    names = []
    for name in verdict.seen:
        often = _table(_table(answers, "flags"), name).get("often") or "sometimes"
        names.append(catalog.ui("drop.flag_name_line",
                                title=catalog.item(f"drop_flags.{name}").get("title"),
                                often=catalog.ui(f"drop.frequency_{often}")))
    return "; ".join(names)


def _lines(text: Any, template_key: str, catalog: Catalog) -> str:
    items = [line.strip(" -•*\t") for line in str(text or "").splitlines()]
    return "\n".join(catalog.ui(template_key, item=i) for i in items if i)


def _team_frustrations(answers: Answers) -> str:
    people = _table(answers, "team").get("people") or []
    found = [str(p.get("frustrations", "")).strip() for p in people if isinstance(p, Mapping)]
    return "; ".join(f.replace("\n", "; ") for f in found if f)


def drop_context(answers: Answers, catalog: Catalog, today: date) -> dict[str, str]:
    """Placeholders for every draft of the flow, computed from the answers."""
    ui = catalog.ui
    lang = catalog.lang
    values: dict[str, str] = {
        "duration": _options(catalog, "client", "duration",
                             answer(answers, "client", "duration")) or ui("drop.duration_unknown"),
        "difficult_or_toxic": _options(catalog, "self_check", "difficult_or_toxic",
                                       answer(answers, "self_check", "difficult_or_toxic"))
        or ui("drop.toxic_unknown"),
        "self_check_lines": _self_check_lines(answers, catalog),
        "flag_names": _flag_names(answers, catalog),
        "neutral_reasons": neutral_reasons(answers, catalog),
        "scope_extras_list": _lines(answer(answers, "attempt", "scope_extras"),
                                    "drop_attempt.extra_line", catalog),
        "expect_list_lines": _lines(answer(answers, "attempt", "expect_list"),
                                    "drop_attempt.expect_line", catalog),
        "team_frustrations": _team_frustrations(answers),
    }
    if values["scope_extras_list"]:
        values["scope_extras_intro"] = ui("drop_attempt.extras_intro")
    change = answer(answers, "team", "change")
    if change:
        values["change"] = ui(f"drop_team.change_{change}")
    pause = str(answer(answers, "attempt", "expect_pause", "")).strip()
    values["expect_pause_clause"] = ui("drop_attempt.expect_pause", pause=pause) if pause else ""

    plan = plan_from_answers(answers, lang, today)
    if plan:
        values["pay_total"] = format_money(sum((i.amount for i in plan), Decimal(0)), catalog)
        values["pay_plan_lines"] = "\n".join(
            ui("drop_attempt.plan_line", n=i.number, due=format_date(i.due, lang),
               amount=format_money(i.amount, catalog)) for i in plan)
        for name, key in (("pay_discount", "plan_discount"), ("pay_interest", "plan_interest")):
            pct = _number(answer(answers, "attempt", name, "0"))
            if pct:
                values[f"{name}_line"] = ui(f"drop_attempt.{key}", pct=f"{pct.normalize():f}")

    values.update(_exit_values(answers, catalog, today))
    return values


def _exit_values(answers: Answers, catalog: Catalog, today: date) -> dict[str, str]:
    ui = catalog.ui
    lang = catalog.lang
    form = answer(answers, "exit", "format", "letter")
    values = {"opening": ui(f"drop_exit.opening_{form}") if form in ("letter", "meeting", "call")
              else ui("drop_exit.opening_letter")}
    handover = " ".join(str(answer(answers, "exit", "handover", "")).split())
    referral = str(answer(answers, "exit", "referral", "")).strip()
    positive = str(answer(answers, "exit", "positive", "")).strip().rstrip(".")
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
        last = format_date(dates.last_working_day, lang)
        until = format_date(dates.handover_until, lang)
        invoice = format_date(dates.final_invoice, lang)
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
    return values
