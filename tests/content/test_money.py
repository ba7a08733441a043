"""Numbers and money are read the way each language types them and written the way it
writes money: currency shown, no ",00" on a whole amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from content.money import format_money, format_number, read_money, read_number

NBSP = "\u00a0"


@pytest.mark.parametrize(("text", "expected"), [
    ("4.800,50", "4800.50"), ("4800,50", "4800.50"), ("120 000", "120000"),
    ("120 000,5", "120000.5"), ("1,200.50", "1200.50"), ("R$ 4.800,50", "4800.50"),
    ("120\u00a0000 ₽", "120000"), ("$4,800", "4800"),
])
def test_amounts_typed_in_any_of_the_three_languages_are_read(text, expected):
    assert read_money(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "4,80,0", "1.200.5,,", "12-3"])
def test_what_is_not_an_amount_reads_as_none(text):
    assert read_money(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("12", "12"), ("12,5", "12.5"), ("12.5", "12.5"), ("1 200", "1200"), ("15 %", "15"),
    ("1.500", "1500"), ("0,125", "0.125"),
])
def test_plain_numbers_keep_their_commas_and_spaces(text, expected):
    assert read_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "twelve", "1,2,3", "--1"])
def test_what_is_not_a_number_reads_as_none(text):
    assert read_number(text) is None


@pytest.mark.parametrize(("amount", "lang", "currency", "expected"), [
    ("120000", "ru", "RUB", f"120{NBSP}000{NBSP}₽"),
    ("4800.50", "pt", "BRL", f"R${NBSP}4.800,50"),
    ("4800.50", "en", "USD", "$4,800.50"),
    ("4800", "en", "EUR", "€4,800"),
    ("120000", "en", "BRL", "R$120,000"),
    ("4800", "pt", "USD", f"US${NBSP}4.800"),
    ("99.9", "ru", "USD", f"99,90{NBSP}$"),
])
def test_money_is_written_per_language_with_its_currency_and_no_empty_cents(
        amount, lang, currency, expected):
    assert format_money(Decimal(amount), lang, currency) == expected


def test_money_without_a_chosen_currency_takes_the_languages_own():
    assert format_money(Decimal(5), "ru").endswith("₽")
    assert format_money(Decimal(5), "pt").startswith("R$")
    assert format_money(Decimal(5), "en").startswith("$")


@pytest.mark.parametrize(("lang", "expected"), [("en", "1,200.5"), ("ru", f"1{NBSP}200,5"),
                                                ("pt", "1.200,5")])
def test_numbers_are_written_with_the_languages_separators(lang, expected):
    assert format_number(Decimal("1200.5"), lang) == expected


def test_a_payment_plan_never_mixes_amounts_with_and_without_cents():
    from datetime import date

    from content import load_catalog
    from content.flows.drop_drafts import plan_markdown
    from content.timeline import payment_schedule

    plan = payment_schedule(Decimal("1000.50"), 2, date(2026, 12, 7), "month")
    table = plan_markdown(plan, load_catalog("en"), "USD")
    assert "$500.25" in table and "$1,000.50" in table
    whole = payment_schedule(Decimal("1000"), 3, date(2026, 12, 7), "month")
    table = plan_markdown(whole, load_catalog("en"), "USD")
    assert "$333.33" in table and "$333.34" in table
    assert "$1,000.00" in table and "$1,000 |" not in table


def test_portuguese_payment_plans_write_every_amount_with_its_cents():
    from datetime import date

    from content import load_catalog
    from content.flows.drop_drafts import plan_markdown
    from content.timeline import payment_schedule

    plan = payment_schedule(Decimal("40000"), 2, date(2026, 12, 7), "month")
    table = plan_markdown(plan, load_catalog("pt"), "BRL")
    assert "R$\u00a020.000,00" in table and "R$\u00a040.000,00" in table
    assert format_money(Decimal("40000"), "pt", "BRL") == "R$\u00a040.000"
