"""The end-of-work timeline, payment plans that add up to the cent, and typed amounts."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.timeline import (
    MAX_INSTALMENTS,
    Instalment,
    Timeline,
    exit_timeline,
    parse_amount,
    payment_schedule,
)

TODAY = date(2026, 11, 23)  # a Monday


def test_notice_ending_on_a_weekday_ends_that_day():
    timeline = exit_timeline(TODAY, 14)
    assert timeline == Timeline(TODAY, date(2026, 12, 7), date(2026, 12, 7), date(2026, 12, 7),
                                date(2026, 12, 7))


@pytest.mark.parametrize(("notice_days", "ends", "last"), [
    (12, date(2026, 12, 5), date(2026, 12, 4)),  # Saturday -> Friday
    (13, date(2026, 12, 6), date(2026, 12, 4)),  # Sunday -> Friday
    (11, date(2026, 12, 4), date(2026, 12, 4)),  # Friday stays
])
def test_notice_ending_on_a_weekend_moves_back_to_friday(notice_days, ends, last):
    timeline = exit_timeline(TODAY, notice_days)
    assert timeline.notice_ends == ends
    assert timeline.last_working_day == last


def test_a_weekend_decision_with_no_notice_never_ends_before_the_decision():
    saturday = date(2026, 11, 28)
    assert exit_timeline(saturday, 0).last_working_day == date(2026, 11, 30)


def test_handover_counts_working_days_after_the_last_day():
    timeline = exit_timeline(TODAY, 11, handover_days=3)  # last day Friday 4 Dec
    assert timeline.last_working_day == date(2026, 12, 4)
    assert timeline.handover_until == date(2026, 12, 9)  # Mon, Tue, Wed


def test_final_invoice_goes_out_when_all_work_is_done():
    assert exit_timeline(TODAY, 12).final_invoice == date(2026, 12, 4)
    assert exit_timeline(TODAY, 12, handover_days=1).final_invoice == date(2026, 12, 7)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
       st.integers(0, 120), st.integers(0, 30))
@settings(max_examples=200, deadline=None)
def test_timeline_dates_are_weekdays_in_order(decided_on, notice_days, handover_days):
    timeline = exit_timeline(decided_on, notice_days, handover_days=handover_days)
    for day in (timeline.last_working_day, timeline.handover_until, timeline.final_invoice):
        assert day.weekday() < 5
    assert decided_on <= timeline.last_working_day + timedelta(days=2)
    assert timeline.last_working_day <= timeline.handover_until <= timeline.final_invoice
    assert abs((timeline.last_working_day - timeline.notice_ends).days) <= 2


@pytest.mark.parametrize(("notice_days", "handover_days"), [(-1, 0), (0, -1)])
def test_negative_counts_are_refused(notice_days, handover_days):
    with pytest.raises(ValueError, match="negative"):
        exit_timeline(TODAY, notice_days, handover_days=handover_days)


def test_a_schedule_splits_evenly_and_puts_the_remainder_on_the_last_payment():
    plan = payment_schedule(Decimal("1000"), 3, date(2026, 12, 1), "month")
    assert [p.amount for p in plan] == [Decimal("333.33"), Decimal("333.33"), Decimal("333.34")]
    assert [p.number for p in plan] == [1, 2, 3]


def test_rounding_is_half_up():
    plan = payment_schedule(Decimal("0.05"), 2, TODAY, "week")
    assert [p.amount for p in plan] == [Decimal("0.03"), Decimal("0.02")]


def test_a_single_instalment_is_the_whole_amount():
    assert payment_schedule(Decimal("99.99"), 1, TODAY, "month") == [
        Instalment(1, TODAY, Decimal("99.99"), Decimal("99.99"), Decimal("99.99"))]


@given(amount=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("10000000"), places=2),
       instalments=st.integers(1, MAX_INSTALMENTS),
       interval=st.sampled_from(["week", "two_weeks", "month"]))
@settings(max_examples=300, deadline=None)
def test_instalments_always_add_up_exactly_to_the_amount(amount, instalments, interval):
    try:
        plan = payment_schedule(amount, instalments, TODAY, interval)
    except ValueError as error:
        # Only an amount too small for that many cents may be refused.
        assert "too small" in str(error)
        assert amount < Decimal("0.01") * instalments * instalments
        return
    assert len(plan) == instalments
    assert sum(p.amount for p in plan) == amount
    assert all(p.amount > 0 and p.amount == p.amount.quantize(Decimal("0.01")) for p in plan)
    assert all(p.amount == plan[0].amount for p in plan[:-1])
    assert [p.due for p in plan] == sorted({p.due for p in plan})


@given(st.decimals(min_value=Decimal("100"), max_value=Decimal("1000000"), places=2),
       st.integers(1, 24))
@settings(max_examples=100, deadline=None)
def test_amounts_large_enough_are_always_split(amount, instalments):
    plan = payment_schedule(amount, instalments, TODAY, "month")
    assert sum(p.amount for p in plan) == amount


def test_weekly_and_fortnightly_dates_step_by_seven_and_fourteen_days():
    weekly = payment_schedule(Decimal(300), 3, TODAY, "week")
    fortnightly = payment_schedule(Decimal(300), 3, TODAY, "two_weeks")
    assert [p.due for p in weekly] == [TODAY, date(2026, 11, 30), date(2026, 12, 7)]
    assert [p.due for p in fortnightly] == [TODAY, date(2026, 12, 7), date(2026, 12, 21)]


@pytest.mark.parametrize(("first_due", "expected"), [
    (date(2027, 1, 31), [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31),
                         date(2027, 4, 30), date(2027, 5, 31)]),
    (date(2028, 1, 31), [date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31),
                         date(2028, 4, 30), date(2028, 5, 31)]),
    (date(2027, 1, 30), [date(2027, 1, 30), date(2027, 2, 28), date(2027, 3, 30),
                         date(2027, 4, 30), date(2027, 5, 30)]),
    (date(2027, 1, 29), [date(2027, 1, 29), date(2027, 2, 28), date(2027, 3, 29),
                         date(2027, 4, 29), date(2027, 5, 29)]),
    (date(2028, 1, 29), [date(2028, 1, 29), date(2028, 2, 29), date(2028, 3, 29),
                         date(2028, 4, 29), date(2028, 5, 29)]),
    (date(2026, 11, 15), [date(2026, 11, 15), date(2026, 12, 15), date(2027, 1, 15),
                          date(2027, 2, 15), date(2027, 3, 15)]),
])
def test_monthly_dates_keep_the_day_and_clamp_to_short_months(first_due, expected):
    plan = payment_schedule(Decimal(500), 5, first_due, "month")
    assert [p.due for p in plan] == expected


def test_a_plan_starting_on_29_february_returns_to_29_february_four_years_on():
    plan = payment_schedule(Decimal(4900), 49, date(2028, 2, 29), "month")
    assert plan[12].due == date(2029, 2, 28)
    assert plan[13].due == date(2029, 3, 29)
    assert plan[48].due == date(2032, 2, 29)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(1, 60))
@settings(max_examples=150, deadline=None)
def test_monthly_dates_fall_once_a_month_on_the_same_day_or_the_months_last(first_due, count):
    plan = payment_schedule(Decimal(count * 10), count, first_due, "month")
    for i, p in enumerate(plan):
        months = first_due.month - 1 + i
        assert (p.due.year, p.due.month) == (first_due.year + months // 12, months % 12 + 1)
        next_month = p.due.replace(day=28) + timedelta(days=4)
        month_end = next_month - timedelta(days=next_month.day)
        assert p.due.day == min(first_due.day, month_end.day)


def test_early_and_late_prices_apply_the_percentages_to_each_payment():
    plan = payment_schedule(Decimal("1000"), 2, TODAY, "month",
                            early_discount_pct=Decimal("2.5"), late_interest_pct=Decimal(10))
    assert plan[0] == Instalment(1, TODAY, Decimal("500.00"), Decimal("487.50"),
                                 Decimal("550.00"))


def test_early_and_late_prices_round_half_up_to_the_cent():
    plan = payment_schedule(Decimal("0.10"), 1, TODAY, "week",
                            early_discount_pct=Decimal(5), late_interest_pct=Decimal(5))
    assert (plan[0].if_early, plan[0].if_late) == (Decimal("0.10"), Decimal("0.11"))


def test_without_percentages_early_and_late_prices_equal_the_amount():
    plan = payment_schedule(Decimal("750"), 3, TODAY, "week")
    assert all(p.if_early == p.amount == p.if_late for p in plan)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"amount": Decimal(0)}, "more than zero"),
    ({"amount": Decimal(-5)}, "more than zero"),
    ({"amount": Decimal("10.005")}, "fractions of a cent"),
    ({"amount": Decimal("NaN")}, "finite"),
    ({"amount": "lots"}, "must be a number"),
    ({"instalments": 0}, "between 1 and 120"),
    ({"instalments": 121}, "between 1 and 120"),
    ({"early_discount_pct": Decimal(-1)}, "between 0 and 100"),
    ({"late_interest_pct": Decimal("100.01")}, "between 0 and 100"),
    ({"interval": "day"}, "interval"),
    ({"amount": Decimal("1.00"), "instalments": 120}, "too small"),
])
def test_invalid_plans_are_refused_with_a_plain_message(kwargs, message):
    arguments = {"amount": Decimal(100), "instalments": 2, "first_due": TODAY,
                 "interval": "month", **kwargs}
    with pytest.raises(ValueError, match=message):
        payment_schedule(**arguments)


def test_whole_percentages_may_be_given_as_integers():
    plan = payment_schedule(Decimal(100), 1, TODAY, "week", early_discount_pct=10)
    assert plan[0].if_early == Decimal("90.00")


@pytest.mark.parametrize(("text", "expected"), [
    ("1500", "1500"),
    ("1,500.50", "1500.50"),
    ("1 500,50", "1500.50"),
    ("1.500,50", "1500.50"),
    ("R$ 1.500,00", "1500.00"),
    ("15 000 ₽", "15000"),
    ("15\u00a0000\u00a0₽", "15000"),
    ("$2,000", "2000"),
    ("12,345,678.90", "12345678.90"),
    ("1.500.000,00", "1500000.00"),
    ("1500,5", "1500.5"),
    ("99.99", "99.99"),
    ("1,500", "1500"),
    ("1.500", "1500"),
    ("€ 30", "30"),
    ("30 руб.", "30"),
    ("  250 USD ", "250"),
])
def test_amounts_are_read_as_people_type_them(text, expected):
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text", [
    "", "abc", "R$", "1,50,00", "1.5000", "1,500,00.5", "1.500.50", "1 50", "--5", "12a",
    "1,500.000",
])
def test_text_that_is_not_an_amount_gives_none(text):
    assert parse_amount(text) is None


@given(st.decimals(min_value=Decimal("0"), max_value=Decimal("99999999.99"), places=2),
       st.sampled_from([(",", "."), (".", ","), (" ", ","), ("\u00a0", ",")]))
@settings(max_examples=200, deadline=None)
def test_amounts_written_with_any_separators_read_back_exactly(amount, separators):
    thousands, decimal = separators
    grouped = f"{amount:,.2f}".replace(",", "\x00").replace(".", decimal)
    text = grouped.replace("\x00", thousands)
    assert parse_amount(text) == amount
