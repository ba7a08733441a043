"""The end of work with a client, and a plan for what is still owed.

`exit_timeline` turns "I decided today, with 14 days' notice" into the dates a message
can promise: the last working day, the end of the handover and the final invoice.
`payment_schedule` splits an amount into instalments whose cents add up exactly, with
what each costs if paid early or late. `parse_amount` reads an amount typed the way
people in each language write money. Weekends are skipped; public holidays are not known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from dateutil.relativedelta import FR, MO, relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, rrule

Interval = Literal["week", "two_weeks", "month"]

_CENT = Decimal("0.01")
MAX_AMOUNT = Decimal(10) ** 15
"""Amounts from here up are not read as money: a quadrillion is beyond any invoice."""
_HUNDRED = Decimal(100)
_WORKDAYS = (0, 1, 2, 3, 4)  # Monday to Friday, as rrule numbers them
MAX_INSTALMENTS = 120
"""The most instalments a schedule may have (ten years of monthly payments)."""


@dataclass(frozen=True)
class Timeline:
    """The dates that close the work: all of them fall on weekdays."""

    decided_on: date
    notice_ends: date
    last_working_day: date
    handover_until: date
    final_invoice: date


@dataclass(frozen=True)
class Instalment:
    """One payment: `if_early` is `amount` less the discount, `if_late` plus the interest."""

    number: int
    due: date
    amount: Decimal
    if_early: Decimal
    if_late: Decimal


def _is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def exit_timeline(decided_on: date, notice_days: int, *, handover_days: int = 0) -> Timeline:
    """The end dates for work decided on `decided_on` with `notice_days` calendar days' notice.

    Notice that ends on a Saturday or Sunday ends on the Friday before (unless that would
    be before the decision itself; then on the Monday after). The handover then runs
    `handover_days` working days more, and the final invoice goes out when all work is
    done: on the handover's last day, which is the last working day when there is none.
    Negative counts raise ValueError.
    """
    if notice_days < 0:
        raise ValueError("notice_days cannot be negative")
    if handover_days < 0:
        raise ValueError("handover_days cannot be negative")
    notice_ends = decided_on + timedelta(days=notice_days)
    last = notice_ends
    if _is_weekend(last):
        last = notice_ends + relativedelta(weekday=FR(-1))
        if last < decided_on:
            last = notice_ends + relativedelta(weekday=MO(+1))
    handover_until = last
    if handover_days:
        # Count working days after the last one; rrule does the weekday arithmetic.
        days = rrule(DAILY, dtstart=last + timedelta(days=1), byweekday=_WORKDAYS,
                     count=handover_days)
        handover_until = list(days)[-1].date()
    final_invoice = handover_until
    if _is_weekend(final_invoice):
        final_invoice += relativedelta(weekday=MO(+1))
    return Timeline(decided_on, notice_ends, last, handover_until, final_invoice)


def _as_decimal(value: Decimal | int | str, name: str) -> Decimal:
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{name} must be a number, not {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"{name} must be a finite number")
    return number


def _due_dates(first_due: date, count: int, interval: Interval) -> list[date]:
    if interval == "week":
        rule = rrule(WEEKLY, dtstart=first_due, count=count)
    elif interval == "two_weeks":
        rule = rrule(WEEKLY, interval=2, dtstart=first_due, count=count)
    elif first_due.day <= 28:
        rule = rrule(MONTHLY, dtstart=first_due, count=count, bymonthday=first_due.day)
    else:
        # Plain bymonthday=31 would skip every shorter month. Offering every day from the
        # 28th up to the due day and keeping the last that exists clamps instead:
        # 31 Jan, 28/29 Feb, 31 Mar, 30 Apr.
        rule = rrule(MONTHLY, dtstart=first_due, count=count,
                     bymonthday=tuple(range(28, first_due.day + 1)), bysetpos=-1)
    return [moment.date() for moment in rule]


def payment_schedule(amount: Decimal, instalments: int, first_due: date, interval: Interval,
                     *, early_discount_pct: Decimal = Decimal(0),
                     late_interest_pct: Decimal = Decimal(0)) -> list[Instalment]:
    """Split `amount` into `instalments` payments due every week, two weeks or month.

    Each payment is the amount divided evenly and rounded half-up to the cent; the last
    takes what rounding left over, so the payments add up exactly to `amount`. Monthly
    dates keep the day of `first_due`, clamped to shorter months. Raises ValueError with
    a plain message when the amount is not positive or has fractions of a cent, when
    `instalments` is outside 1..120, a percentage is outside 0..100, or the amount is too
    small to give every payment at least a cent.
    """
    total = _as_decimal(amount, "amount")
    early = _as_decimal(early_discount_pct, "early_discount_pct")
    late = _as_decimal(late_interest_pct, "late_interest_pct")
    if total <= 0:
        raise ValueError("amount must be more than zero")
    if total >= MAX_AMOUNT:
        raise ValueError(f"amount must be less than {MAX_AMOUNT}")
    if total != total.quantize(_CENT):
        raise ValueError("amount cannot have fractions of a cent")
    if isinstance(instalments, bool) or not 1 <= instalments <= MAX_INSTALMENTS:
        raise ValueError(f"instalments must be between 1 and {MAX_INSTALMENTS}")
    for name, pct in (("early_discount_pct", early), ("late_interest_pct", late)):
        if not 0 <= pct <= 100:
            raise ValueError(f"{name} must be between 0 and 100")
    if interval not in ("week", "two_weeks", "month"):
        raise ValueError(f"interval must be week, two_weeks or month, not {interval!r}")

    share = (total / instalments).quantize(_CENT, ROUND_HALF_UP)
    last = total - share * (instalments - 1)
    if share <= 0 or last <= 0:
        raise ValueError(f"{total} is too small to split into {instalments} instalments")
    amounts = [share] * (instalments - 1) + [last]
    dues = _due_dates(first_due, instalments, interval)
    return [
        Instalment(
            number=i,
            due=due,
            amount=part,
            if_early=(part * (1 - early / _HUNDRED)).quantize(_CENT, ROUND_HALF_UP),
            if_late=(part * (1 + late / _HUNDRED)).quantize(_CENT, ROUND_HALF_UP),
        )
        for i, (due, part) in enumerate(zip(dues, amounts, strict=True), start=1)
    ]


_CURRENCY = re.compile(
    r"^(?:r\$|us\$|\$|€|£|₽|brl|usd|eur|rub|gbp)\s*|\s*(?:r\$|\$|€|£|₽|руб\.?|р\.|"
    r"rub|brl|usd|eur|gbp|reais|rublos|dollars?)$",
    re.IGNORECASE,
)
# Either grouped thousands ("1,500", "1 500", "1.500.000") with an optional decimal part
# on the other separator, or plain digits with an optional decimal part. Two decimal
# digits at most: this is money.
_AMOUNT = re.compile(
    r"(?P<int>[1-9]\d{0,2}(?:(?P<sep>[ .,'])\d{3})(?:(?P=sep)\d{3})*|\d+)"
    r"(?:(?P<dec>[.,])(?P<frac>\d{1,2}))?"
)


def parse_amount(text: str) -> Decimal | None:
    """Read an amount of money as people type it, or None if it is not one.

    Accepts "1500", "1,500.50", "1.500,50", "1 500,50", "R$ 1.500,00", "15 000 ₽",
    "$2,000". A single separator followed by exactly three digits groups thousands
    ("1,500" and "1.500" are both 1500); followed by one or two digits it marks cents.
    """
    cleaned = re.sub(r"[\u00a0\u202f\u2009]", " ", text).strip()
    previous = None
    while previous != cleaned:
        previous, cleaned = cleaned, _CURRENCY.sub("", cleaned).strip()
    match = _AMOUNT.fullmatch(cleaned)
    if not match or (match["sep"] and match["sep"] == match["dec"]):
        return None
    digits = re.sub(r"\D", "", match["int"])
    amount = Decimal(f"{digits}.{match['frac']}" if match["frac"] else digits)
    # Beyond this no one owes it, and decimal's 28 digits could no longer count the cents.
    return amount if amount < MAX_AMOUNT else None
