"""How dates are written in English, Russian and Portuguese: "26 Nov", "26 ноября 2026".

Kept apart from `content.dates`, which reads typed dates with dateutil's parser and the
grammars of three languages: lists and `parting due` only write dates, and should not pay
for reading them.
"""

from __future__ import annotations

from datetime import date, datetime

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    # Genitive: a Russian date reads "26 ноября", never "26 ноябрь".
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
}
# The abbreviated month forms CLDR gives for day-month dates in each language.
_SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ru": ("янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.",
           "нояб.", "дек."),
    "pt": ("jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.",
           "nov.", "dez."),
}
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "sábado", "domingo"),
}


_AT_TIME = {"en": " at ", "ru": ", ", "pt": " às "}


def format_date(value: date | datetime, lang: str, *, with_weekday: bool = True) -> str:
    """A full date as the language writes it, with the time if `value` is a datetime.

    "Thursday, 26 November 2026", "четверг, 26 ноября 2026",
    "quinta-feira, 26 de novembro de 2026"; a datetime adds its time as each language
    joins it: " at 15:00", ", 15:00", " às 15:00". Portuguese writes the first of a month
    "1º de dezembro".
    """
    lang = lang if lang in _MONTHS else "en"
    month = _MONTHS[lang][value.month - 1]
    if lang == "pt":
        day = "1º" if value.day == 1 else str(value.day)
        text = f"{day} de {month} de {value.year}"
    else:
        text = f"{value.day} {month} {value.year}"
    if with_weekday:
        text = f"{_WEEKDAYS[lang][value.weekday()]}, {text}"
    if isinstance(value, datetime):
        text += f"{_AT_TIME[lang]}{value:%H:%M}"
    return text


def format_short(value: date | datetime, lang: str) -> str:
    """Day and abbreviated month, for lists and headers: "26 Nov", "26 нояб.", "26 nov.";
    the first of a month in Portuguese is "1º dez.", as in a sentence."""
    months = _SHORT_MONTHS.get(lang, _SHORT_MONTHS["en"])
    day = "1º" if lang == "pt" and value.day == 1 else str(value.day)
    return f"{day} {months[value.month - 1]}"


# The weekday as a sentence names the day it happens on: "в пятницу", "во вторник";
# "na sexta-feira", "no sábado".
_WEEKDAYS_ON = {
    "en": tuple(f"on {day}" for day in _WEEKDAYS["en"]),
    "ru": ("в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу",
           "в воскресенье"),
    "pt": ("na segunda-feira", "na terça-feira", "na quarta-feira", "na quinta-feira",
           "na sexta-feira", "no sábado", "no domingo"),
}


def _day_month(value: date, lang: str, today: date) -> str:
    """"4 December", "4 декабря", "1º de dezembro"; the year only when it is not this year."""
    month = _MONTHS[lang][value.month - 1]
    if lang == "pt":
        day = "1º" if value.day == 1 else str(value.day)
        text = f"{day} de {month}"
        return text if value.year == today.year else f"{text} de {value.year}"
    text = f"{value.day} {month}"
    if value.year == today.year:
        return text
    return f"{text} {value.year} года" if lang == "ru" else f"{text} {value.year}"


def letter_date(value: date | datetime, lang: str, today: date) -> str:
    """A day as a letter writes it on its own (after a colon, in a list).

    "Friday, 4 December", "4 декабря, пятница", "sexta-feira, 4 de dezembro"; the year
    only when it is not `today`'s year, and "1º de dezembro" for the first of a month.
    """
    lang = lang if lang in _MONTHS else "en"
    day = value.date() if isinstance(value, datetime) else value
    weekday = _WEEKDAYS[lang][day.weekday()]
    text = _day_month(day, lang, today)
    return f"{text}, {weekday}" if lang == "ru" else f"{weekday}, {text}"


def letter_date_on(value: date | datetime, lang: str, today: date) -> str:
    """A day as a sentence says when something happens.

    "on Friday, 4 December", "4 декабря, в пятницу", "na sexta-feira, 4 de dezembro": it
    reads after "I'll call you" in each language.
    """
    lang = lang if lang in _MONTHS else "en"
    day = value.date() if isinstance(value, datetime) else value
    on = _WEEKDAYS_ON[lang][day.weekday()]
    text = _day_month(day, lang, today)
    return f"{text}, {on}" if lang == "ru" else f"{on}, {text}"
