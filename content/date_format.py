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


def format_date(value: date | datetime, lang: str, *, with_weekday: bool = True) -> str:
    """A full date as the language writes it, with the time if `value` is a datetime.

    "Thursday, 26 November 2026", "четверг, 26 ноября 2026",
    "quinta-feira, 26 de novembro de 2026"; a datetime adds " 15:00".
    """
    lang = lang if lang in _MONTHS else "en"
    month = _MONTHS[lang][value.month - 1]
    if lang == "pt":
        text = f"{value.day} de {month} de {value.year}"
    else:
        text = f"{value.day} {month} {value.year}"
    if with_weekday:
        text = f"{_WEEKDAYS[lang][value.weekday()]}, {text}"
    if isinstance(value, datetime):
        text += f" {value:%H:%M}"
    return text


def format_short(value: date | datetime, lang: str) -> str:
    """Day and abbreviated month, for lists and headers: "26 Nov", "26 нояб.", "26 nov."."""
    months = _SHORT_MONTHS.get(lang, _SHORT_MONTHS["en"])
    return f"{value.day} {months[value.month - 1]}"
