"""Dates typed in words, read and written in English, Russian and Portuguese.

`parse_when` reads what a person types into a date field: "last Friday 3pm", "позавчера",
"daqui a 3 dias", "25.12", "3 de março". Absolute dates go through dateutil's parser with a
`parserinfo` that knows the language's month and weekday names; the relative words
("yesterday", "через неделю", "sexta passada") are read here and the arithmetic is done
with `relativedelta`. `format_date` and `format_short` write dates the way each language
writes them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from typing import Literal

from dateutil import parser as dateparser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from content.date_format import format_date as format_date
from content.date_format import format_short as format_short

Prefer = Literal["past", "future"]

_WEEKDAY_RULES = (MO, TU, WE, TH, FR, SA, SU)


@dataclass(frozen=True)
class ParsedWhen:
    """A date read from text; `value` is a `datetime` exactly when a time was given."""

    value: date | datetime
    has_time: bool


class _LocalizedInfo(dateparser.parserinfo):
    """A dateutil `parserinfo` whose two-digit years pivot on the caller's `today`.

    dateutil pivots on the machine clock; tests and the app pass `today` explicitly, so
    "25.12.26" must mean 2026 relative to that date, not to when the code happens to run.
    """

    def __init__(self, today: date, dayfirst: bool = False) -> None:
        super().__init__(dayfirst=dayfirst)
        self.pivot_year = today.year

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        if year < 100 and not century_specified:
            year += self.pivot_year // 100 * 100
            if year >= self.pivot_year + 50:
                year -= 100
            elif year < self.pivot_year - 50:
                year += 100
        return year


class EnglishDateInfo(_LocalizedInfo):
    """English month and weekday names for dateutil (dateutil's own, plus "Tues", "Thurs")."""

    WEEKDAYS = [("Mon", "Monday"), ("Tue", "Tues", "Tuesday"), ("Wed", "Wednesday"),
                ("Thu", "Thur", "Thurs", "Thursday"), ("Fri", "Friday"),
                ("Sat", "Saturday"), ("Sun", "Sunday")]


class RussianDateInfo(_LocalizedInfo):
    """Russian month names in the nominative, genitive ("3 марта") and prepositional cases."""

    JUMP = [*dateparser.parserinfo.JUMP, "в", "во", "на", "г", "года", "году", "число"]
    WEEKDAYS = [("пн", "понедельник"), ("вт", "вторник"), ("ср", "среда", "среду"),
                ("чт", "четверг"), ("пт", "пятница", "пятницу"),
                ("сб", "суббота", "субботу"), ("вс", "воскресенье")]
    MONTHS = [("янв", "январь", "января", "январе"),
              ("фев", "февр", "февраль", "февраля", "феврале"),
              ("мар", "март", "марта", "марте"),
              ("апр", "апрель", "апреля", "апреле"),
              ("май", "мая", "мае"),
              ("июн", "июнь", "июня", "июне"),
              ("июл", "июль", "июля", "июле"),
              ("авг", "август", "августа", "августе"),
              ("сен", "сент", "сентябрь", "сентября", "сентябре"),
              ("окт", "октябрь", "октября", "октябре"),
              ("ноя", "нояб", "ноябрь", "ноября", "ноябре"),
              ("дек", "декабрь", "декабря", "декабре")]
    PERTAIN = ["г"]

    def __init__(self, today: date) -> None:
        super().__init__(today, dayfirst=True)


class PortugueseDateInfo(_LocalizedInfo):
    """Portuguese month and weekday names, with and without accents ("março", "marco")."""

    JUMP = [*dateparser.parserinfo.JUMP, "de", "do", "da", "dia", "no", "na", "em"]
    WEEKDAYS = [("seg", "segunda"), ("ter", "terca", "terça"), ("qua", "quarta"),
                ("qui", "quinta"), ("sex", "sexta"), ("sab", "sabado", "sábado"),
                ("dom", "domingo")]
    MONTHS = [("jan", "janeiro"), ("fev", "fevereiro"), ("mar", "marco", "março"),
              ("abr", "abril"), ("mai", "maio"), ("jun", "junho"), ("jul", "julho"),
              ("ago", "agosto"), ("set", "setembro"), ("out", "outubro"),
              ("nov", "novembro"), ("dez", "dezembro")]
    PERTAIN = ["de"]

    def __init__(self, today: date) -> None:
        super().__init__(today, dayfirst=True)


DATE_INFO: Mapping[str, type[_LocalizedInfo]] = {
    "en": EnglishDateInfo, "ru": RussianDateInfo, "pt": PortugueseDateInfo,
}
"""The dateutil `parserinfo` class for each language; build one with `today`."""


@dataclass(frozen=True)
class _Grammar:
    """How one language says relative dates.

    `patterns` are full-match regexes over normalized text, in the order tried. Their
    named groups: `wd` a weekday, `n` a count, `unit` a span, `dir`/`dir2` a direction
    word, `this` a "this week" marker; the pattern's kind says how they combine.
    """

    days: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, int]
    units: Mapping[str, str]
    directions: tuple[tuple[str, int], ...]
    patterns: tuple[tuple[str, str], ...]


def _alt(words: Iterable[str]) -> str:
    # Longest first, so "tues" is tried before "tue" and "sexta" before "sex".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _compile(grammar: _Grammar) -> tuple[tuple[re.Pattern[str], str], ...]:
    pieces = {
        "W": f"(?P<wd>{_alt(grammar.weekdays)})",
        "N": rf"(?P<n>\d{{1,3}}|{_alt(grammar.numbers)})",
        "U": f"(?P<unit>{_alt(grammar.units)})",
    }
    compiled = []
    for kind, pattern in grammar.patterns:
        for key, piece in pieces.items():
            pattern = pattern.replace("{" + key + "}", piece)
        compiled.append((re.compile(pattern), kind))
    return tuple(compiled)


_EN = _Grammar(
    days={"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1, "last night": -1,
          "day after tomorrow": 2, "the day after tomorrow": 2,
          "day before yesterday": -2, "the day before yesterday": -2},
    weekdays={**{name: i for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
        "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
        "sat": 5, "sun": 6},
    numbers={"a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "two": 2,
             "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12},
    units={"day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
           "month": "months", "months": "months", "year": "years", "years": "years"},
    directions=(("last", -1), ("previous", -1), ("past", -1), ("next", 1), ("coming", 1),
                ("this", 0)),
    patterns=(
        ("weekday", r"(?:on )?(?:(?P<dir>last|previous|past|next|coming|this) )?{W}"),
        ("weekday_of", r"(?:on )?{W},? (?:of )?(?:the )?(?P<dir>last|previous|next|this) {U}"),
        ("ahead", r"in {N} {U}"),
        ("ahead", r"{N} {U} from (?:now|today)"),
        ("ago", r"{N} {U} ago"),
        ("period", r"(?P<dir>last|previous|past|next|coming|this) {U}"),
    ),
)

_RU_DIRECTION = r"прошл\w*|предыдущ\w*|следующ\w*|будущ\w*|ближайш\w*|эт\w*"
_RU = _Grammar(
    days={"сегодня": 0, "завтра": 1, "послезавтра": 2, "вчера": -1, "позавчера": -2},
    weekdays={"понедельник": 0, "пн": 0, "вторник": 1, "вт": 1, "среда": 2, "среду": 2,
              "ср": 2, "четверг": 3, "чт": 3, "пятница": 4, "пятницу": 4, "пт": 4,
              "суббота": 5, "субботу": 5, "сб": 5, "воскресенье": 6, "вс": 6},
    numbers={"один": 1, "одна": 1, "одно": 1, "одну": 1, "два": 2, "две": 2, "пару": 2,
             "пара": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
             "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12},
    units={"день": "days", "дня": "days", "дней": "days", "сутки": "days", "суток": "days",
           "неделю": "weeks", "неделя": "weeks", "недели": "weeks", "недель": "weeks",
           "неделе": "weeks", "месяц": "months", "месяца": "months", "месяцев": "months",
           "месяце": "months", "год": "years", "года": "years", "лет": "years",
           "году": "years"},
    directions=(("прошл", -1), ("предыдущ", -1), ("следующ", 1), ("будущ", 1),
                ("ближайш", 1), ("эт", 0)),
    patterns=(
        ("weekday", rf"(?:(?:в|во) )?(?:(?P<dir>{_RU_DIRECTION}) )?{{W}}"),
        ("weekday_of", rf"(?:(?:в|во) )?{{W}},? (?:(?:на|в) )?(?P<dir>{_RU_DIRECTION}) {{U}}"),
        ("ahead", r"через (?:{N} )?{U}"),
        ("ago", r"(?:{N} )?{U} назад"),
        ("period", rf"(?:(?:на|в|во) )?(?P<dir>{_RU_DIRECTION}) {{U}}"),
    ),
)

_PT_BEFORE = r"proxim[oa]|ultim[oa]|passad[oa]"
_PT_AFTER = r"passad[oa]|que vem|que passou|que entra"
_PT = _Grammar(
    days={"hoje": 0, "amanha": 1, "depois de amanha": 2, "ontem": -1, "anteontem": -2,
          "antes de ontem": -2},
    weekdays={"segunda": 0, "seg": 0, "terca": 1, "ter": 1, "quarta": 2, "qua": 2,
              "quinta": 3, "qui": 3, "sexta": 4, "sex": 4, "sabado": 5, "sab": 5,
              "domingo": 6, "dom": 6},
    numbers={"um": 1, "uma": 1, "um par de": 2, "dois": 2, "duas": 2, "tres": 3,
             "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9, "dez": 10,
             "onze": 11, "doze": 12},
    units={"dia": "days", "dias": "days", "semana": "weeks", "semanas": "weeks",
           "mes": "months", "meses": "months", "ano": "years", "anos": "years"},
    directions=(("proxim", 1), ("que vem", 1), ("que entra", 1), ("ultim", -1),
                ("passad", -1), ("que passou", -1)),
    patterns=(
        ("weekday", rf"(?:(?P<this>nesta|neste|nessa|nesse|esta|este|essa|esse) |(?:na|no|em) )?"
                    rf"(?:(?P<dir>{_PT_BEFORE}) )?{{W}}(?: (?P<dir2>{_PT_AFTER}))?"),
        ("weekday_of", rf"(?:(?:na|no) )?{{W}},? (?:da|do|na|no) (?:(?P<dir>{_PT_BEFORE}) )?"
                       rf"{{U}}(?: (?P<dir2>{_PT_AFTER}))?"),
        ("ahead", r"(?:daqui a|daqui|em|dentro de) {N} {U}"),
        ("ago", r"(?:ha|faz) {N} {U}(?: atras)?"),
        ("ago", r"{N} {U} atras"),
        ("period", rf"(?:(?P<this>nesta|neste|esta|este) |(?:na|no|em) )?"
                   rf"(?:(?P<dir>{_PT_BEFORE}) )?{{U}}(?: (?P<dir2>{_PT_AFTER}))?"),
    ),
)

_GRAMMARS = {"en": _EN, "ru": _RU, "pt": _PT}


@cache
def _patterns(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """A language's date patterns, compiled the first time a date in it is read."""
    return _compile(_GRAMMARS.get(lang, _EN))


# Times are cut out of the text first, so the rest can be read as a date alone. Each
# pattern gives hour, minute and an optional "afternoon" marker; a leading "at"/"в"/"às"
# belongs to the time and goes with it.
_TIME_PATTERNS: Mapping[str, tuple[re.Pattern[str], ...]] = {
    "en": (
        re.compile(r"(?:\bat )?\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))? ?(?P<ampm>[ap])\.?m\b\.?"),
        re.compile(r"(?:\bat )?\b(?P<h>\d{1,2}):(?P<m>\d{2})\b"),
    ),
    "ru": (
        # "в" is required here: without it "2 дня назад" would read as 2 in the afternoon.
        re.compile(r"\bв (?P<h>\d{1,2})(?::(?P<m>\d{2}))?"
                   r"(?: ?(?:ч|час|часа|часов)\b\.?)? (?P<part>утра|дня|вечера|ночи)\b"),
        re.compile(r"(?:\bв )?\b(?P<h>\d{1,2}):(?P<m>\d{2})\b"),
        re.compile(r"\bв (?P<h>\d{1,2}) ?(?:ч|час|часа|часов)\b\.?"),
    ),
    "pt": (
        re.compile(r"(?:\b(?:as|a) )?\b(?P<h>\d{1,2})(?::(?P<m>\d{2})| ?h(?P<m2>\d{2})?)?"
                   r" (?P<part>da manha|da tarde|da noite)\b"),
        re.compile(r"(?:\b(?:as|a) )?\b(?P<h>\d{1,2})(?::(?P<m>\d{2})| ?h(?P<m2>\d{2})?)(?!\w)"),
    ),
}
_AFTERNOON = {"p", "дня", "вечера", "da tarde", "da noite"}


def _normalize(text: str, lang: str) -> str:
    text = text.casefold().replace("ё", "е").replace("’", "'")
    if lang != "ru":
        # Dropping accents lets "amanha" and "proxima" match; Cyrillic is left alone
        # because NFD would split "й" into "и" and a breve.
        text = "".join(c for c in unicodedata.normalize("NFD", text)
                       if not unicodedata.combining(c))
    # Ordinal marks carry nothing a date needs: "1º de maio", "3-го марта".
    text = re.sub(r"(?<=\d)(?:[º°ª]|-?(?:го|е|ое)\b)", "", text)
    if lang == "pt":
        text = re.sub(r"(?<=\w)[- ]feira\b", "", text)
    return re.sub(r"\s+", " ", text).strip()


# A part of the day said without a clock time ("yesterday afternoon", "вчера вечером",
# "ontem à tarde") names the day and nothing more: the words go, the day stays. Matched
# after `_take_time`, so "at 9 in the morning" and "в 9 утра" keep their hour.
_PARTS_OF_DAY = {
    "en": re.compile(r"\b(?:(?:in|during) the |this |at )?(?<!last )"
                     r"(?:morning|afternoon|evening|night)\b"),
    "ru": re.compile(r"(?<!\w)(?:с утра|утром|днем|вечером|ночью|в обед|после обеда)(?!\w)"),
    "pt": re.compile(r"\b(?:(?:de|a|pela|na) )?(?:manha|tarde|noite|madrugada)\b"),
}


def _without_part_of_day(text: str, lang: str) -> str:
    pattern = _PARTS_OF_DAY.get(lang, _PARTS_OF_DAY["en"])
    return re.sub(r"\s+", " ", pattern.sub(" ", text)).strip(" ,")


def _take_time(text: str, lang: str) -> tuple[str, time | None]:
    for pattern in _TIME_PATTERNS.get(lang, _TIME_PATTERNS["en"]):
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        hour = int(groups["h"])
        minute = int(groups.get("m") or groups.get("m2") or 0)
        marker = groups.get("ampm") or groups.get("part")
        if groups.get("ampm"):
            if not 1 <= hour <= 12:
                return text, None
            hour = hour % 12 + (12 if marker == "p" else 0)
        elif (marker in _AFTERNOON and hour < 12) or (marker == "ночи" and 9 <= hour < 12):
            # "в 3 часа дня" is 15:00; "в 11 ночи" is 23:00 but "в 2 ночи" is 02:00.
            hour += 12
        if hour > 23 or minute > 59:
            return text, None
        rest = (text[:match.start()] + " " + text[match.end():]).strip(" ,")
        return re.sub(r"\s+", " ", rest), time(hour, minute)
    return text, None


def _direction(word: str | None, grammar: _Grammar) -> int | None:
    if not word:
        return None
    for stem, sign in grammar.directions:
        if word.startswith(stem):
            return sign
    return None


def _count(word: str, grammar: _Grammar) -> int:
    return int(word) if word.isdigit() else grammar.numbers[word]


def _monday(day: date) -> date:
    return day + relativedelta(weekday=MO(-1))


def _weekday(today: date, weekday: int, direction: int | None, prefer: Prefer) -> date:
    if direction is None:
        direction = 1 if prefer == "future" else -1
    if direction == 0:
        return _monday(today) + relativedelta(days=weekday)
    rule = _WEEKDAY_RULES[weekday]
    # Step off today first: "Friday" said on a Friday means a week away, not today.
    return today + relativedelta(days=direction, weekday=rule(direction))


def _period_start(today: date, unit: str, direction: int) -> date | None:
    if unit == "weeks":
        return _monday(today) + relativedelta(weeks=direction)
    if unit == "months":
        return today.replace(day=1) + relativedelta(months=direction)
    if unit == "years":
        return date(today.year + direction, 1, 1)
    return None


def _relative(text: str, lang: str, today: date, prefer: Prefer) -> date | None:
    grammar = _GRAMMARS.get(lang, _EN)
    if text in grammar.days:
        return today + relativedelta(days=grammar.days[text])
    for pattern, kind in _patterns(lang):
        match = pattern.fullmatch(text)
        if not match:
            continue
        groups = match.groupdict()
        direction = _direction(groups.get("dir") or groups.get("dir2"), grammar)
        if groups.get("this") and direction is None:
            direction = 0
        unit = grammar.units.get(groups.get("unit") or "")
        if kind == "weekday":
            return _weekday(today, grammar.weekdays[groups["wd"]], direction, prefer)
        if kind == "weekday_of" and unit == "weeks":
            week = _period_start(today, "weeks", direction or 0)
            return week + relativedelta(days=grammar.weekdays[groups["wd"]]) if week else None
        if kind in ("ahead", "ago") and unit:
            n = _count(groups["n"], grammar) if groups.get("n") else 1
            return today + relativedelta(**{unit: n if kind == "ahead" else -n})
        if kind == "period" and unit and direction is not None:
            return _period_start(today, unit, direction)
    return None


def _nearest_year(month: int, day: int, today: date, prefer: Prefer) -> date | None:
    # Without a year, "3 March" is the nearest 3 March on the side the question asks
    # about: a date something happened is in the past, a deadline in the future.
    step = 1 if prefer == "future" else -1
    for offset in range(0, 9):
        try:
            candidate = date(today.year + step * offset, month, day)
        except ValueError:
            continue  # 29 February outside leap years
        if (candidate >= today) if prefer == "future" else (candidate <= today):
            return candidate
    return None


def _absolute(text: str, lang: str, today: date, prefer: Prefer) -> datetime | None:
    if re.fullmatch(r"[\d\s]+", text):
        return None  # a bare number is a count, not a date
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.?", text):
        # dateutil reads "25.12" as the decimal number 25.12, not as a day and a month.
        text = text.rstrip(".").replace(".", "/")
    info = DATE_INFO.get(lang, EnglishDateInfo)(today)
    try:
        # Two defaults that differ in every field show which fields the text really gave.
        first = dateparser.parse(text, parserinfo=info, default=datetime(2000, 1, 1))
        second = dateparser.parse(text, parserinfo=info, default=datetime(2004, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    if first.month != second.month or first.day != second.day:
        return None  # "March" or "the 5th" alone is not a day
    if first.year == second.year:
        return first
    found = _nearest_year(first.month, first.day, today, prefer)
    return first.replace(year=found.year) if found else None


def parse_when(text: str, lang: str, today: date,
               prefer: Prefer = "future") -> ParsedWhen | None:
    """Read a date, and maybe a time, typed in words or digits; None if it cannot be read.

    `today` anchors every relative word. `prefer` settles what the text leaves open: a bare
    weekday ("Friday", "в пятницу", "na sexta") is the nearest one after today for
    "future" and before today for "past", and a day without a year ("3 March", "25.12") is
    the nearest such day on that side of today. "last"/"next" name the nearest weekday
    strictly before/after today; "this" names the one in the current week (Monday first).
    "next week"/"last month" give the first day of that week (Monday) or month. A time
    alone means today. Never raises.
    """
    try:
        return _parse_when(text, lang, today, prefer)
    except (ValueError, OverflowError, KeyError, TypeError):
        return None


def _parse_when(text: str, lang: str, today: date, prefer: Prefer) -> ParsedWhen | None:
    raw = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2})?)?", raw):
        value = dateparser.isoparse(raw)
        has_time = len(raw) > 10
        return ParsedWhen(value if has_time else value.date(), has_time)
    normalized = _normalize(raw, lang)
    if not normalized:
        return None
    rest, at = _take_time(normalized, lang)
    said_part_of_day = rest != (rest := _without_part_of_day(rest, lang))
    rest = re.sub(r"\s*,\s*", " ", rest).strip(" .")
    if not rest:
        day: date | None = today if at or said_part_of_day else None
    else:
        day = _relative(rest, lang, today, prefer)
        if day is None:
            parsed = _absolute(rest, lang, today, prefer)
            if parsed is None:
                return None
            day = parsed.date()
            if at is None and parsed.time() != time(0):
                at = parsed.time()
    if day is None:
        return None
    if at is None:
        return ParsedWhen(day, False)
    return ParsedWhen(datetime.combine(day, at), True)


def add_interval(start: date, interval: str, n: int) -> date:
    """`start` moved by `n` days, weeks or months; month ends clamp (31 Jan + 1 month = 28/29 Feb).

    `interval` is "day", "week" or "month"; anything else raises ValueError.
    """
    units = {"day": "days", "week": "weeks", "month": "months"}
    if interval not in units:
        raise ValueError(f"interval must be day, week or month, not {interval!r}")
    return start + relativedelta(**{units[interval]: n})
