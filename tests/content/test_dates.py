"""Dates typed in words in English, Russian and Portuguese, and dates written back."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.dates import ParsedWhen, add_interval, format_date, format_short, parse_when

TODAY = date(2026, 11, 23)  # a Monday
D = date
DT = datetime


def read(text: str, lang: str, prefer: str = "future") -> date | datetime | None:
    found = parse_when(text, lang, TODAY, prefer)  # type: ignore[arg-type]
    return None if found is None else found.value


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("yesterday", "en", D(2026, 11, 22)),
    ("today", "en", D(2026, 11, 23)),
    ("Tomorrow", "en", D(2026, 11, 24)),
    ("the day before yesterday", "en", D(2026, 11, 21)),
    ("day after tomorrow", "en", D(2026, 11, 25)),
    ("вчера", "ru", D(2026, 11, 22)),
    ("ПОЗАВЧЕРА", "ru", D(2026, 11, 21)),
    ("сегодня", "ru", D(2026, 11, 23)),
    ("завтра", "ru", D(2026, 11, 24)),
    ("послезавтра", "ru", D(2026, 11, 25)),
    ("ontem", "pt", D(2026, 11, 22)),
    ("anteontem", "pt", D(2026, 11, 21)),
    ("hoje", "pt", D(2026, 11, 23)),
    ("amanhã", "pt", D(2026, 11, 24)),
    ("amanha", "pt", D(2026, 11, 24)),
    ("depois de amanhã", "pt", D(2026, 11, 25)),
    ("Depois de amanha", "pt", D(2026, 11, 25)),
])
def test_day_words_count_from_today(text, lang, expected):
    assert read(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Friday", "en"), ("friday", "en"), ("Fri", "en"), ("on Friday", "en"),
    ("в пятницу", "ru"), ("пятница", "ru"), ("Пятницу", "ru"),
    ("sexta-feira", "pt"), ("sexta", "pt"), ("na sexta", "pt"), ("Sexta Feira", "pt"),
])
def test_bare_weekday_follows_prefer(text, lang):
    assert read(text, lang, "future") == D(2026, 11, 27)
    assert read(text, lang, "past") == D(2026, 11, 20)


def test_russian_vo_before_vtornik_reads_like_v():
    assert read("во вторник", "ru", "future") == D(2026, 11, 24)
    assert read("во вторник", "ru", "past") == D(2026, 11, 17)


@pytest.mark.parametrize(("text", "lang"), [("Monday", "en"), ("в понедельник", "ru"),
                                            ("segunda", "pt")])
def test_bare_weekday_naming_today_means_a_week_away(text, lang):
    assert read(text, lang, "future") == D(2026, 11, 30)
    assert read(text, lang, "past") == D(2026, 11, 16)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("last Friday", "en", D(2026, 11, 20)),
    ("next Friday", "en", D(2026, 11, 27)),
    ("last Monday", "en", D(2026, 11, 16)),
    ("next Monday", "en", D(2026, 11, 30)),
    ("this Wednesday", "en", D(2026, 11, 25)),
    ("Friday last week", "en", D(2026, 11, 20)),
    ("Friday of next week", "en", D(2026, 12, 4)),
    ("в прошлую пятницу", "ru", D(2026, 11, 20)),
    ("в следующий вторник", "ru", D(2026, 11, 24)),
    ("в следующую среду", "ru", D(2026, 11, 25)),
    ("в прошлое воскресенье", "ru", D(2026, 11, 22)),
    ("в эту пятницу", "ru", D(2026, 11, 27)),
    ("в пятницу на прошлой неделе", "ru", D(2026, 11, 20)),
    ("sexta passada", "pt", D(2026, 11, 20)),
    ("próxima segunda", "pt", D(2026, 11, 30)),
    ("proxima segunda", "pt", D(2026, 11, 30)),
    ("na próxima terça-feira", "pt", D(2026, 11, 24)),
    ("na última sexta", "pt", D(2026, 11, 20)),
    ("segunda que vem", "pt", D(2026, 11, 30)),
    ("sábado passado", "pt", D(2026, 11, 21)),
    ("sabado passado", "pt", D(2026, 11, 21)),
    ("nesta sexta", "pt", D(2026, 11, 27)),
    ("sexta da semana passada", "pt", D(2026, 11, 20)),
])
def test_last_and_next_weekday_ignore_prefer(text, lang, expected):
    assert read(text, lang, "future") == expected
    assert read(text, lang, "past") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("in 3 days", "en", D(2026, 11, 26)),
    ("in two days", "en", D(2026, 11, 25)),
    ("in a week", "en", D(2026, 11, 30)),
    ("in twelve weeks", "en", D(2027, 2, 15)),
    ("in a month", "en", D(2026, 12, 23)),
    ("in 3 months", "en", D(2027, 2, 23)),
    ("in a couple of days", "en", D(2026, 11, 25)),
    ("2 weeks from now", "en", D(2026, 12, 7)),
    ("через 2 дня", "ru", D(2026, 11, 25)),
    ("через два дня", "ru", D(2026, 11, 25)),
    ("через неделю", "ru", D(2026, 11, 30)),
    ("через одну неделю", "ru", D(2026, 11, 30)),
    ("через две недели", "ru", D(2026, 12, 7)),
    ("через месяц", "ru", D(2026, 12, 23)),
    ("через пять дней", "ru", D(2026, 11, 28)),
    ("через двенадцать месяцев", "ru", D(2027, 11, 23)),
    ("через пару дней", "ru", D(2026, 11, 25)),
    ("daqui a 3 dias", "pt", D(2026, 11, 26)),
    ("daqui a uma semana", "pt", D(2026, 11, 30)),
    ("em 2 semanas", "pt", D(2026, 12, 7)),
    ("em duas semanas", "pt", D(2026, 12, 7)),
    ("em um mês", "pt", D(2026, 12, 23)),
    ("dentro de três dias", "pt", D(2026, 11, 26)),
    ("em doze dias", "pt", D(2026, 12, 5)),
])
def test_spans_ahead_add_to_today(text, lang, expected):
    assert read(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("3 days ago", "en", D(2026, 11, 20)),
    ("a week ago", "en", D(2026, 11, 16)),
    ("two months ago", "en", D(2026, 9, 23)),
    ("2 дня назад", "ru", D(2026, 11, 21)),
    ("три дня назад", "ru", D(2026, 11, 20)),
    ("неделю назад", "ru", D(2026, 11, 16)),
    ("месяц назад", "ru", D(2026, 10, 23)),
    ("há 3 dias", "pt", D(2026, 11, 20)),
    ("ha 3 dias", "pt", D(2026, 11, 20)),
    ("há duas semanas", "pt", D(2026, 11, 9)),
    ("3 dias atrás", "pt", D(2026, 11, 20)),
    ("faz um mês", "pt", D(2026, 10, 23)),
])
def test_spans_ago_subtract_from_today(text, lang, expected):
    assert read(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("next week", "en", D(2026, 11, 30)),
    ("last week", "en", D(2026, 11, 16)),
    ("next month", "en", D(2026, 12, 1)),
    ("last month", "en", D(2026, 10, 1)),
    ("next year", "en", D(2027, 1, 1)),
    ("на прошлой неделе", "ru", D(2026, 11, 16)),
    ("на следующей неделе", "ru", D(2026, 11, 30)),
    ("в следующем месяце", "ru", D(2026, 12, 1)),
    ("в прошлом месяце", "ru", D(2026, 10, 1)),
    ("semana que vem", "pt", D(2026, 11, 30)),
    ("na semana passada", "pt", D(2026, 11, 16)),
    ("próxima semana", "pt", D(2026, 11, 30)),
    ("mês que vem", "pt", D(2026, 12, 1)),
    ("mes passado", "pt", D(2026, 10, 1)),
])
def test_named_weeks_and_months_start_on_their_first_day(text, lang, expected):
    assert read(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("2026-12-25", "en", D(2026, 12, 25)),
    ("2026-05-06", "ru", D(2026, 5, 6)),
    ("12/25", "en", D(2026, 12, 25)),
    ("12/25/2026", "en", D(2026, 12, 25)),
    ("25.12", "ru", D(2026, 12, 25)),
    ("25.12.2026", "ru", D(2026, 12, 25)),
    ("25.12.26", "ru", D(2026, 12, 25)),
    ("05.06.2026", "ru", D(2026, 6, 5)),
    ("25/12", "pt", D(2026, 12, 25)),
    ("25/12/2026", "pt", D(2026, 12, 25)),
    ("05/06/2027", "pt", D(2027, 6, 5)),
])
def test_numeric_dates_read_day_first_in_ru_and_pt_and_month_first_in_en(text, lang, expected):
    assert read(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("March 3", "en", D(2027, 3, 3)),
    ("3 March 2026", "en", D(2026, 3, 3)),
    ("Dec 1st", "en", D(2026, 12, 1)),
    ("Thursday, 26 November 2026", "en", D(2026, 11, 26)),
    ("3 марта", "ru", D(2027, 3, 3)),
    ("3 марта 2026 г.", "ru", D(2026, 3, 3)),
    ("1 Сентября", "ru", D(2027, 9, 1)),
    ("15 мая", "ru", D(2027, 5, 15)),
    ("3-го марта", "ru", D(2027, 3, 3)),
    ("26 нояб. 2026", "ru", D(2026, 11, 26)),
    ("четверг, 26 ноября 2026", "ru", D(2026, 11, 26)),
    ("3 de março", "pt", D(2027, 3, 3)),
    ("3 de marco de 2026", "pt", D(2026, 3, 3)),
    ("1º de maio", "pt", D(2027, 5, 1)),
    ("quinta-feira, 26 de novembro de 2026", "pt", D(2026, 11, 26)),
])
def test_month_names_are_read_in_every_language_and_case(text, lang, expected):
    assert read(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [("March 3", "en"), ("3 марта", "ru"),
                                            ("3 de março", "pt"), ("03/03", "pt")])
def test_a_day_without_a_year_is_the_nearest_one_on_the_preferred_side(text, lang):
    assert read(text, lang, "future") == D(2027, 3, 3)
    assert read(text, lang, "past") == D(2026, 3, 3)


def test_a_day_without_a_year_that_is_today_stays_today_on_both_sides():
    assert read("23 November", "en", "past") == TODAY
    assert read("23 November", "en", "future") == TODAY


def test_29_february_without_a_year_finds_the_nearest_leap_year():
    assert read("29 February", "en", "future") == D(2028, 2, 29)
    assert read("29.02", "ru", "past") == D(2024, 2, 29)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("3pm", "en", DT(2026, 11, 23, 15, 0)),
    ("15:00", "en", DT(2026, 11, 23, 15, 0)),
    ("12am", "en", DT(2026, 11, 23, 0, 0)),
    ("tomorrow at 3:30 pm", "en", DT(2026, 11, 24, 15, 30)),
    ("last Friday 3pm", "en", DT(2026, 11, 20, 15, 0)),
    ("12/25 9am", "en", DT(2026, 12, 25, 9, 0)),
    ("2026-12-25T15:00", "en", DT(2026, 12, 25, 15, 0)),
    ("в 15:00", "ru", DT(2026, 11, 23, 15, 0)),
    ("завтра в 15:00", "ru", DT(2026, 11, 24, 15, 0)),
    ("в прошлую пятницу в 9:15", "ru", DT(2026, 11, 20, 9, 15)),
    ("в пятницу в 3 часа дня", "ru", DT(2026, 11, 27, 15, 0)),
    ("завтра в 7 вечера", "ru", DT(2026, 11, 24, 19, 0)),
    ("25.12.2026 в 10:00", "ru", DT(2026, 12, 25, 10, 0)),
    ("às 15h", "pt", DT(2026, 11, 23, 15, 0)),
    ("amanhã às 15h30", "pt", DT(2026, 11, 24, 15, 30)),
    ("sexta passada às 9h", "pt", DT(2026, 11, 20, 9, 0)),
    ("sexta às 3 da tarde", "pt", DT(2026, 11, 27, 15, 0)),
    ("25/12 às 10:00", "pt", DT(2026, 12, 25, 10, 0)),
])
def test_a_time_makes_a_datetime_and_sets_has_time(text, lang, expected):
    found = parse_when(text, lang, TODAY)
    assert found == ParsedWhen(expected, True)


def test_a_date_without_a_time_is_a_plain_date():
    found = parse_when("yesterday", "en", TODAY)
    assert found == ParsedWhen(D(2026, 11, 22), False)
    assert not isinstance(found.value, datetime)


def test_counts_are_not_mistaken_for_times():
    assert read("2 дня назад", "ru") == D(2026, 11, 21)
    assert read("daqui a 3 dias", "pt") == D(2026, 11, 26)


@pytest.mark.parametrize(("text", "lang"), [
    ("", "en"), ("   ", "ru"), ("garbage", "en"), ("когда-нибудь", "ru"), ("algum dia", "pt"),
    ("15", "en"), ("2026", "ru"), ("March", "en"), ("31 Feb", "en"), ("31.02", "ru"),
    ("13pm", "en"), ("25:00", "en"), ("в 24:30", "ru"), ("next", "en"), ("semana", "pt"),
    ("in many days", "en"), ("через много дней", "ru"), ("daqui a muitos dias", "pt"),
])
def test_unreadable_text_gives_none_instead_of_raising(text, lang):
    assert parse_when(text, lang, TODAY) is None


@pytest.mark.parametrize("text", ["\x00", "9" * 400, "in 999 years", "99999-01-01", "12/25/99999"])
def test_absurd_input_never_raises(text):
    parse_when(text, "en", TODAY)


def test_unknown_language_is_read_as_english():
    assert read("tomorrow", "de") == D(2026, 11, 24)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Thursday, 26 November 2026"),
    ("ru", "четверг, 26 ноября 2026"),
    ("pt", "quinta-feira, 26 de novembro de 2026"),
])
def test_format_date_writes_weekday_day_and_genitive_month(lang, expected):
    assert format_date(D(2026, 11, 26), lang) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Thursday, 26 November 2026 at 15:00"),
    ("ru", "четверг, 26 ноября 2026, 15:00"),
    ("pt", "quinta-feira, 26 de novembro de 2026 às 15:00"),
])
def test_format_date_adds_the_time_of_a_datetime(lang, expected):
    assert format_date(DT(2026, 11, 26, 15, 0), lang) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "1 December 2026 at 14:30"),
    ("ru", "1 декабря 2026, 14:30"),
    ("pt", "1º de dezembro de 2026 às 14:30"),
])
def test_dates_join_their_time_as_each_language_does_and_portuguese_writes_the_first_1o(lang, expected):
    assert format_date(DT(2026, 12, 1, 14, 30), lang, with_weekday=False) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "1 March 2027"), ("ru", "1 марта 2027"), ("pt", "1º de março de 2027"),
])
def test_format_date_can_leave_out_the_weekday(lang, expected):
    assert format_date(D(2027, 3, 1), lang, with_weekday=False) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "26 Nov"), ("ru", "26 нояб."), ("pt", "26 nov."),
])
def test_format_short_writes_day_and_abbreviated_month(lang, expected):
    assert format_short(D(2026, 11, 26), lang) == expected


def test_format_short_uses_the_genitive_may_in_russian():
    assert format_short(D(2027, 5, 9), "ru") == "9 мая"


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
def test_formatted_dates_read_back_to_the_same_day(lang):
    for day in (D(2026, 1, 31), D(2027, 3, 1), D(2028, 2, 29), D(2026, 12, 25)):
        assert read(format_date(day, lang), lang) == day
        assert read(format_date(day, lang, with_weekday=False), lang) == day


@pytest.mark.parametrize(("start", "interval", "n", "expected"), [
    (D(2026, 11, 23), "day", 10, D(2026, 12, 3)),
    (D(2026, 11, 23), "week", 2, D(2026, 12, 7)),
    (D(2026, 11, 23), "month", 3, D(2027, 2, 23)),
    (D(2028, 1, 31), "month", 1, D(2028, 2, 29)),
    (D(2027, 1, 31), "month", 1, D(2027, 2, 28)),
    (D(2026, 3, 31), "month", 1, D(2026, 4, 30)),
    (D(2026, 3, 31), "month", -1, D(2026, 2, 28)),
    (D(2026, 11, 23), "day", -23, D(2026, 10, 31)),
])
def test_add_interval_moves_by_calendar_units_and_clamps_month_ends(start, interval, n, expected):
    assert add_interval(start, interval, n) == expected


def test_add_interval_refuses_unknown_units():
    with pytest.raises(ValueError, match="interval"):
        add_interval(TODAY, "fortnight", 1)



@given(st.text(max_size=40), st.sampled_from(["en", "ru", "pt"]),
       st.sampled_from(["past", "future"]))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_parsed_date_or_none_and_never_raises(text, lang, prefer):
    found = parse_when(text, lang, TODAY, prefer)
    assert found is None or isinstance(found, ParsedWhen)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("yesterday afternoon", "en", date(2026, 11, 22)),
    ("this morning", "en", TODAY),
    ("last night", "en", date(2026, 11, 22)),
    ("Friday evening", "en", date(2026, 11, 20)),
    ("вчера вечером", "ru", date(2026, 11, 22)),
    ("сегодня утром", "ru", TODAY),
    ("в пятницу вечером", "ru", date(2026, 11, 20)),
    ("ontem à tarde", "pt", date(2026, 11, 22)),
    ("hoje de manhã", "pt", TODAY),
    ("sexta à noite", "pt", date(2026, 11, 20)),
])
def test_a_part_of_the_day_without_a_clock_time_names_the_day(text, lang, expected):
    assert parse_when(text, lang, TODAY, prefer="past") == ParsedWhen(expected, False)


@pytest.mark.parametrize(("text", "lang", "hour"), [
    ("в 9 утра", "ru", 9), ("вчера в 8 вечера", "ru", 20), ("amanhã às 15h", "pt", 15)])
def test_a_clock_time_with_a_part_of_the_day_keeps_its_hour(text, lang, hour):
    parsed = parse_when(text, lang, TODAY)
    assert parsed is not None and parsed.has_time and parsed.value.hour == hour


def test_the_first_of_a_month_is_written_1o_in_portuguese_short_dates_too():
    assert format_short(D(2026, 12, 1), "pt") == "1º dez."
    assert format_short(D(2026, 12, 1), "en") == "1 Dec"
