"""Numbers and money as people type and read them in English, Russian and Portuguese.

`read_number` reads what a person types in a number field ("12,5", "1 200", "1.200,50"),
`format_money` writes an amount the way the language writes money: "$4,800.50",
"120 000 ₽", "R$ 4.800,50", without ",00" when the amount is whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from content.timeline import parse_amount

CURRENCIES = ("RUB", "BRL", "USD", "EUR", "GBP")
"""The currencies a payment plan can be in, in the order they are offered."""

DEFAULT_CURRENCY = {"ru": "RUB", "pt": "BRL", "en": "USD"}

_SYMBOL = {"RUB": "₽", "BRL": "R$", "USD": "$", "EUR": "€", "GBP": "£"}
# Portuguese writes a dollar as "US$" so it is not read as reais.
_SYMBOL_PT = {**_SYMBOL, "USD": "US$"}
_GROUP = {"en": ",", "ru": "\u00a0", "pt": "."}
_DECIMAL = {"en": ".", "ru": ",", "pt": ","}
# Languages whose payment plans write every amount with its cents.
_PLAN_CENTS = {"pt"}

_NUMBER = re.compile(
    r"(?P<int>[1-9]\d{0,2}(?:(?P<sep>[ .,'])\d{3})(?:(?P=sep)\d{3})*|\d+)"
    r"(?:(?P<dec>[.,])(?P<frac>\d+))?"
)


def default_currency(lang: str) -> str:
    """The currency a person writing in `lang` most likely means."""
    return DEFAULT_CURRENCY.get(lang, "USD")


def currency_symbol(currency: str, lang: str) -> str:
    """The sign of `currency` as `lang` writes it: "₽", "R$", "US$"."""
    table = _SYMBOL_PT if lang == "pt" else _SYMBOL
    return table.get(currency, currency)


def read_number(text: object) -> Decimal | None:
    """A number as typed in any of the three languages, or None when it is not one.

    "12", "12,5", "12.5", "1 200", "1.200,5", "1,200.5" and "15 %" are all read; a single
    separator followed by exactly three digits groups thousands ("1.500" is 1500).
    """
    if isinstance(text, bool) or text is None:
        return None
    if isinstance(text, int | float | Decimal):
        value = Decimal(str(text))
        return value if value.is_finite() else None
    cleaned = re.sub(r"[\u00a0\u202f\u2009]", " ", str(text)).strip().rstrip("%").strip()
    if not cleaned:
        return None
    match = _NUMBER.fullmatch(cleaned)
    if not match or (match["sep"] and match["sep"] == match["dec"]):
        return None
    if match["sep"] is None and match["dec"] and len(match["frac"]) == 3 \
            and not match["int"].startswith("0"):
        # "1.500" or "1,500": thousands, not one and a half.
        return Decimal(match["int"] + match["frac"])
    digits = re.sub(r"\D", "", match["int"])
    try:
        return Decimal(f"{digits}.{match['frac']}" if match["frac"] else digits)
    except InvalidOperation:
        return None


def read_money(text: object) -> Decimal | None:
    """An amount of money as typed ("4.800,50", "120 000", "R$ 1.500"), or None."""
    if text is None or isinstance(text, bool):
        return None
    return parse_amount(str(text))


def format_number(value: Decimal | int, lang: str) -> str:
    """A plain number with the language's separators: "1,200.5", "1 200,5", "1.200,5"."""
    number = Decimal(value)
    text = f"{number.normalize():f}" if number != number.to_integral_value() \
        else f"{int(number)}"
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-')):,}".replace(",", _GROUP.get(lang, ","))
    return sign + whole + (_DECIMAL.get(lang, ".") + fraction if fraction else "")


def with_cents(amounts: Iterable[Decimal], lang: str) -> bool:
    """Whether a set of amounts shown together (a payment plan) all carry their cents.

    They do when any of them has cents, so a plan never mixes "R$ 4.800" and "R$ 4.800,50";
    and always in Portuguese, where a payment plan writes "R$ 4.800,00".
    """
    return lang in _PLAN_CENTS or any(_has_cents(a) for a in amounts)


def _has_cents(amount: Decimal) -> bool:
    value = Decimal(amount).quantize(Decimal("0.01"))
    return value != value.to_integral_value()


def format_money(amount: Decimal, lang: str, currency: str | None = None, *,
                 cents: bool | None = None) -> str:
    """An amount as the language writes money: "$4,800.50", "120 000 ₽", "R$ 4.800,50".

    Cents show only when there are any (or always, with `cents=True`); the currency sign
    stands where the language puts it (before the number in English and Portuguese, after
    it in Russian).
    """
    currency = currency if currency in CURRENCIES else default_currency(lang)
    value = Decimal(amount).quantize(Decimal("0.01"))
    if not (cents or _has_cents(value)):
        digits = f"{int(value):,}"
        fraction = ""
    else:
        digits, _, fraction = f"{value:,.2f}".partition(".")
    group = _GROUP.get(lang, ",")
    number = digits.replace(",", group) + (_DECIMAL.get(lang, ".") + fraction if fraction else "")
    symbol = currency_symbol(currency, lang)
    if lang == "ru":
        return f"{number}\u00a0{symbol}"
    if lang == "pt":
        return f"{symbol}\u00a0{number}"
    return f"{symbol}{number}"  # English writes every sign close up: "$4,800", "R$120,000"
