"""Every draft, filled from several sets of answers in every language, is free of the
mechanical faults a reader notices first: an empty slot, a capital after a colon in the
middle of a sentence, "?:", a doubled word, an amount without its currency, a screen's
option label pasted into a sentence, a heading left without its list, a line that
introduces a value with a colon kept while the value is empty."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from itertools import product
from string import Formatter

import pytest

from content import LANGUAGES, load_catalog
from content.drafts import draft_values, fill_draft, fresh_drafts
from content.flows import get_flow

TODAY = date(2026, 11, 23)

# What a user types, per language: lowercase where a sentence goes on after it.
TYPED = {
    "en": {"company": "Acme Ltd.", "bare": "Acme", "person": "Anna", "work": "the new shop",
           "detail": "their budget was cut", "well": "shipped early", "lacking": "the report",
           "hurt": "your designer", "role": "IT directors", "service": "web design",
           "situation": "calls late at night", "frustration": "calls at night",
           "handover": "the files and access", "referral": "Studio Nord",
           "positive": "the spring launch", "terms": "a site and a shop",
           "extras": "a blog\na newsletter", "estimate": "two days of work",
           "schedule": "next month", "expect": "the design\nthe code",
           "pause": "when a request is new", "value": "more sales", "issue": "late replies",
           "ask": "a reply by Friday", "note": "I answer slowly"},
    "ru": {"company": "ООО Ромашка", "bare": "Ромашка", "person": "Анна", "work": "новый сайт",
           "detail": "урезали бюджет", "well": "сдала раньше срока", "lacking": "отчёт",
           "hurt": "ваш дизайнер", "role": "основатели стартапов", "service": "веб-дизайн",
           "situation": "звонки поздно вечером", "frustration": "звонки ночью",
           "handover": "файлы и доступы", "referral": "студия «Север»",
           "positive": "запуск весной", "terms": "сайт и магазин",
           "extras": "блог\nрассылка", "estimate": "два дня работы",
           "schedule": "в следующем месяце", "expect": "дизайн\nвёрстка",
           "pause": "когда появится новый запрос", "value": "рост продаж",
           "issue": "поздние ответы", "ask": "ответ до пятницы", "note": "отвечаю медленно"},
    "pt": {"company": "Padaria Pão Quente Ltda.", "bare": "Padaria Pão Quente",
           "person": "Marina", "work": "o site novo", "detail": "cortaram o orçamento",
           "well": "entreguei antes do prazo", "lacking": "o relatório",
           "hurt": "a designer de vocês", "role": "diretores de TI", "service": "design de sites",
           "situation": "ligações tarde da noite", "frustration": "ligações à noite",
           "handover": "os arquivos e acessos", "referral": "o Estúdio Norte",
           "positive": "o lançamento da primavera", "terms": "um site e uma loja",
           "extras": "um blog\numa newsletter", "estimate": "dois dias de trabalho",
           "schedule": "no mês que vem", "expect": "o design\no código",
           "pause": "quando surgir um pedido novo", "value": "mais vendas",
           "issue": "respostas atrasadas", "ask": "uma resposta até sexta",
           "note": "respondo devagar"},
}
DROPPED_DRAFTS = {"hold": "reply", "gratitude": "message", "ask_why": "questions",
                  "amends": "offer", "accept": "note", "referrals": "message"}
DROP_DRAFTS = {"self_check": ["mentor_summary"], "team": ["agenda"],
               "attempt": ["scope_message", "pay_message", "expect_message", "price_message",
                           "talk_message"],
               "exit": ["reason", "talking_points", "message"]}


def dropped_answers(lang: str, n: int, full: bool) -> dict:
    t = TYPED[lang]
    kinds = ("slight", "systemic", "external")
    answers = {
        "what_happened": {"client": t["company"] if n % 2 else t["bare"],
                          "who": t["person"] if full else ""},
        "hold": {"waiting": "yes", "callback": "2026-12-04" if full else "",
                 "callback__date": "2026-12-04" if full else None},
        "gratitude": {"work": t["work"] if full else ""},
        "ask_why": {"ready": "yes"},
        "reason": {"kind": kinds[n % 3], "detail": t["detail"] if full else ""},
        "amends": {"lacking": t["lacking"] if full else "", "hurt": t["hurt"] if full else ""},
        "accept": {"well": t["well"] if full else ""},
        "referrals": {"role": t["role"] if full else "", "service": t["service"] if full else ""},
    }
    for step, field in DROPPED_DRAFTS.items():
        answers[step][field] = ""
    return answers


# What the user may leave empty on the last attempt: a draft that quotes one of these must
# still read as a whole message, or not be offered.
LEFT_EMPTY = {"attempt": ("scope_terms", "scope_extras", "scope_estimate", "scope_schedule",
                          "expect_list", "expect_pause", "price_value", "talk_issue",
                          "talk_ask")}


def drop_answers(lang: str, n: int, full: bool, flags: tuple[str, ...],
                 cleared: bool = False) -> dict:
    t = TYPED[lang]
    pick = lambda options: options[n % len(options)]  # noqa: E731 - every option in turn
    answers = {
        "client": {"client": t["company"] if n % 2 else t["bare"],
                   "contact": t["person"] if full else "",
                   "duration": pick(("new", "months", "year", "years")),
                   "income_share": "35,5" if full else "",
                   "situation": t["situation"] if full else ""},
        "self_check": {"own_part": pick(("yes", "no", "unsure")),
                       "own_part_note": t["note"] if full else "",
                       "difficult_or_toxic": pick(("difficult", "toxic", "unsure"))},
        "flags": {name: {"seen": True, "often": pick(("once", "sometimes", "often"))}
                  for name in flags},
        "team": {"has_team": "yes", "change": pick(("team", "terms", "both", "neither")),
                 "people": [{"name": t["person"],
                             "frustrations": t["frustration"] if full else ""}]},
        "attempt": {"scope_terms": t["terms"], "scope_extras": t["extras"] if full else "",
                    "scope_estimate": t["estimate"], "scope_schedule": t["schedule"],
                    "pay_amount": "120 000" if n % 2 else "4800,50",
                    "pay_currency": pick(("RUB", "BRL", "USD", "EUR", "GBP")),
                    "pay_count": "3", "pay_first": "2026-12-01",
                    "pay_interval": pick(("week", "two_weeks", "month")),
                    "pay_discount": "2,5" if full else "", "pay_interest": "1" if full else "",
                    "expect_list": t["expect"], "expect_pause": t["pause"] if full else "",
                    "price_value": t["value"], "talk_issue": t["issue"], "talk_ask": t["ask"]},
        "decision": {"decision": "part"},
        "exit": {"format": pick(("letter", "meeting", "call")), "notice_days": "14",
                 "handover_days": "3" if full else "0",
                 "handover": t["handover"] if full else "",
                 "referral": t["referral"] if full else "",
                 "positive": t["positive"] if full else ""},
    }
    for step, fields in DROP_DRAFTS.items():
        for field in fields:
            answers[step][field] = ""
    # The exit step opens with the open window already worded; the user may clear it.
    answers["exit"]["window"] = "" if cleared \
        else str(load_catalog(lang).item("drop.exit").get("window_default"))
    if cleared:
        for step, fields in LEFT_EMPTY.items():
            for field in fields:
                answers[step][field] = ""
        answers["exit"].update(reason="", reason__edited=True)  # the reason's draft erased
    return answers


ALL_PARTS = ("scope", "late_payment", "dissatisfied", "price", "terms")
CASES = [(flow, n, full, flags, cleared) for flow, n, full, flags, cleared in (
    *(("dropped", n, full, (), False) for n, full in product(range(3), (True, False))),
    *(("drop", n, full, ALL_PARTS, False) for n, full in product(range(5), (True, False))),
    *(("drop", n, full, ALL_PARTS, True) for n, full in product(range(2), (True, False))),
    *(("drop", n, full, (), cleared) for n, full, cleared
      in product(range(2), (True, False), (True, False))),
)]


def rendered(lang: str, flow: str, n: int, full: bool, flags: tuple[str, ...],
             cleared: bool = False):
    answers = dropped_answers(lang, n, full) if flow == "dropped" \
        else drop_answers(lang, n, full, flags, cleared)
    catalog = load_catalog(lang)
    client = answers["what_happened" if flow == "dropped" else "client"]["client"]
    drafts = fresh_drafts(get_flow(flow), answers, catalog, TODAY, client)
    typed = [v for v in TYPED[lang].values()] + [client]
    return drafts, typed


def filled_from(lang: str, flow: str, n: int, full: bool, flags: tuple[str, ...],
                cleared: bool = False) -> dict:
    """Every placeholder the drafts were filled from, the drafts quoted by others included."""
    answers = dropped_answers(lang, n, full) if flow == "dropped" \
        else drop_answers(lang, n, full, flags, cleared)
    catalog = load_catalog(lang)
    client = answers["what_happened" if flow == "dropped" else "client"]["client"]
    values = draft_values(get_flow(flow), answers, catalog, TODAY, client)
    drafts = fresh_drafts(get_flow(flow), answers, catalog, TODAY, client)
    values.update({f"{step}__{field}": text.strip() for (step, field), text in drafts.items()})
    return values


def templates(flow: str) -> dict[tuple[str, str], str]:
    """The template key of every draft of the flow, by (step id, field id)."""
    return {(step.id, field.id): field.template for step in get_flow(flow).steps
            for field in step.fields if field.kind == "draft" and field.template}


def _names(line: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(line) if name}


def introduced_but_empty(template: str, values: Mapping, text: str) -> list[str]:
    """Lines of `template` that introduce a value with a colon ("What follows:", "- Leave the
    window open:"), kept in `text` although every placeholder they introduce is empty."""
    present = {name for name, value in values.items() if value not in (None, "")}
    lines = template.splitlines()
    shown = set(text.splitlines())
    found = []
    for here, line in enumerate(lines):
        if not line.rstrip().endswith(":") or _names(line):
            continue
        after = lines[here + 1:]
        while after and not after[0].strip():
            after = after[1:]
        introduced: set[str] = set()
        for following in after:  # the lines the colon announces: the next with placeholders
            if not _names(following):
                break
            introduced |= _names(following)
        if introduced and not introduced & present and line in shown:
            found.append(f"a line introducing a value that is empty: {line!r}")
    return found


def option_labels(catalog, flow: str) -> set[str]:
    """Every option a screen offers in the flow, as the screen shows it."""
    labels = set()
    for step in get_flow(flow).steps:
        item = catalog.item(f"{flow}.{step.id}")
        for field in step.fields:
            labels.update(str(v) for v in item.get(f"{field.id}_options", {}).values())
    # Capitalised labels stand alone on the screen ("Less than 3 months"); lowercase ones
    # are written to finish the screen's own sentence ("Then every" … "month").
    return {label for label in labels if len(label) > 3 and label[0].isupper()}


def faults(text: str, typed: list[str], labels: set[str], lang: str) -> list[str]:
    found = []
    if "{" in text or "}" in text:
        found.append("an unfilled {placeholder}")
    if "?:" in text:
        found.append('"?:"')
    # Russian and Portuguese go on in lowercase after a colon (English capitalises its
    # days, months and "I" anywhere).
    for match in re.finditer(r"[^\n]:[ \u00a0]+(\S)", text if lang != "en" else ""):
        rest = text[match.start(1):]
        if rest.startswith(("R$", "US$")):
            continue  # a currency sign, not a word
        if match.group(1).isupper() and not any(rest.startswith(v) for v in typed if v):
            found.append(f"a capital after a colon: {text[max(0, match.start() - 30):match.end() + 20]!r}")
    for match in re.finditer(r"(?i)\b(\w{2,})[\s:,;—-]+\1\b", text):
        if not match.group(1).isdigit():
            found.append(f"a doubled word: {match.group(0)!r}")
    lines = text.splitlines()
    for here, line in enumerate(lines):
        if line.rstrip().endswith(":") and not any(rest.strip() for rest in lines[here + 1:]):
            found.append(f"a heading with nothing under it: {line!r}")
        if re.search(r"\(\s*\)|\s[,.;:](?!\S)|,\s*\.", line):
            found.append(f"an empty slot: {line!r}")
    for match in re.finditer(r"\d[\d\u00a0 .,]*\d", text):
        digits = re.sub(r"\D", "", match.group(0))
        around = text[max(0, match.start() - 4):match.end() + 3]
        if len(digits) < 3 or re.fullmatch(r"20\d\d", digits):
            continue
        if not re.search(r"[₽$€£]", around) and "%" not in around:
            found.append(f"an amount without its currency: {around!r}")
    for label in labels:
        if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text):
            found.append(f"a screen's option label inside a draft: {label!r}")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("flow", "n", "full", "flags", "cleared"), CASES)
def test_every_draft_is_free_of_mechanical_faults(lang, flow, n, full, flags, cleared):
    drafts, typed = rendered(lang, flow, n, full, flags, cleared)
    assert drafts, "no draft was rendered"
    catalog = load_catalog(lang)
    labels = option_labels(catalog, flow)
    values = filled_from(lang, flow, n, full, flags, cleared)
    keys = templates(flow)
    problems = {f"{step}.{field}": found for (step, field), text in drafts.items()
                if (found := faults(text, typed, labels, lang) + introduced_but_empty(
                    str(catalog.item(keys[(step, field)])["template"]), values, text))}
    assert not problems, "\n\n".join(f"{k}:\n  " + "\n  ".join(v) + "\n---\n" + drafts[
        tuple(k.split("."))] for k, v in problems.items())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_team_agenda_numbers_its_points_without_a_gap_when_nothing_frustrates(lang):
    answers = drop_answers(lang, 0, False, ())
    answers["team"] = {"has_team": "yes", "people": [], "agenda": ""}
    drafts = fresh_drafts(get_flow("drop"), answers, load_catalog(lang), TODAY)
    numbers = [int(m) for m in re.findall(r"(?m)^(\d+)\. ", drafts[("team", "agenda")])]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 4


@pytest.mark.parametrize("lang", LANGUAGES)
def test_letters_greet_the_person_named_or_no_one_never_the_client(lang):
    catalog = load_catalog(lang)
    for full in (True, False):
        drafts, _ = rendered(lang, "drop", 1, full, ("scope",))
        letter = drafts[("exit", "message")]
        first = letter.splitlines()[0]
        person = TYPED[lang]["person"]
        expected = catalog.ui("letters.greeting_name", name=person) if full \
            else catalog.ui("letters.greeting_none")
        assert first == expected
        assert TYPED[lang]["company"] not in letter


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_first_person_summary_names_the_flags_in_the_users_own_voice(lang):
    from content.verdict import FLAGS

    catalog = load_catalog(lang)
    drafts, _ = rendered(lang, "drop", 0, True, tuple(FLAGS))
    summary = drafts[("self_check", "mentor_summary")]
    for name in FLAGS:
        flag = catalog.item(f"drop_flags.{name}")
        assert str(flag.get("mine")) in summary
        if flag.get("mine") != flag.get("title"):
            assert str(flag.get("title")) not in summary  # the screen's words address "you"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_expectations_letter_is_not_offered_until_its_list_has_an_item(lang):
    flow, catalog = get_flow("drop"), load_catalog(lang)
    answers = drop_answers(lang, 0, True, ("dissatisfied",))
    for nothing in ("", "  \n - \n"):
        answers["attempt"]["expect_list"] = nothing
        letter = fresh_drafts(flow, answers, catalog, TODAY)[("attempt", "expect_message")]
        assert letter == ""  # not a letter whose list, announced with a colon, is missing
    answers["attempt"]["expect_list"] = TYPED[lang]["expect"]
    letter = fresh_drafts(flow, answers, catalog, TODAY)[("attempt", "expect_message")]
    items = re.search(r"(?m)^.+:\n\n((?:- .+\n?)+)", letter).group(1)  # the list under its colon
    assert items.splitlines() == [f"- {item}" for item in TYPED[lang]["expect"].splitlines()]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("field", ["window", "reason"])
def test_a_labelled_line_disappears_with_its_value_when_the_user_clears_it(lang, field):
    flow, catalog = get_flow("drop"), load_catalog(lang)
    template = str(catalog.item("drop_exit.talking_points")["template"]).splitlines()
    label = template[template.index(f"  {{exit__{field}}}") - 1]
    # "- Deixe a porta aberta:" announces the value and goes with it; «- Оставьте дверь
    # открытой.» is a point of its own and stays.
    announces = label.endswith(":")
    answers = drop_answers(lang, 1, True, ("scope",))
    answers["exit"]["format"] = "meeting"
    value = catalog.item("drop.exit").get("window_default") if field == "window" \
        else TYPED[lang]["detail"]
    answers["exit"].update({field: value, f"{field}__edited": True})
    points = fresh_drafts(flow, answers, catalog, TODAY)[("exit", "talking_points")]
    assert f"{label}\n  {value}\n" in points
    answers["exit"][field] = ""
    points = fresh_drafts(flow, answers, catalog, TODAY)[("exit", "talking_points")]
    assert (label not in points) if announces else (f"{label}\n" in points)
    lines = points.splitlines()
    assert all(lines[n + 1].startswith("  ") for n, line in enumerate(lines) if line.endswith(":"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_exit_letter_and_the_scope_letter_wait_for_what_they_are_about(lang):
    catalog = load_catalog(lang)
    assert fill_draft(catalog, "drop_exit.message", {"greeting": "-"}) == ""
    assert fill_draft(catalog, "drop_attempt.scope",
                      {"greeting": "-", "scope_extras_list": "- a shop"}) == ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_amends_letter_waits_for_something_to_put_right_but_either_answer_will_do(lang):
    catalog = load_catalog(lang)
    assert fill_draft(catalog, "dropped_drafts.amends", {"greeting": "-"}) == ""
    typed = TYPED[lang]
    hurt = fill_draft(catalog, "dropped_drafts.amends", {"greeting": "-", "amends__hurt": typed["hurt"]})
    lacking = fill_draft(catalog, "dropped_drafts.amends",
                         {"greeting": "-", "amends__lacking": typed["lacking"]})
    assert typed["hurt"] in hurt and typed["lacking"] in lacking


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_answer_ended_with_a_full_stop_never_leaves_two_marks_in_a_row(lang, monkeypatch):
    # People end their answers with a full stop; a sentence the app builds around one
    # must not read "студия «Север».." or "(ваш дизайнер.)".
    dotted = {key: value if value.endswith(".") or "\n" in value else value + "."
              for key, value in TYPED[lang].items()}
    monkeypatch.setitem(TYPED, lang, dotted)
    doubled = re.compile(r"(?<!\.)\.(?!\.\.)[.,;:)?!»”]")
    found = []
    for flow, n, full, flags, cleared in CASES:
        drafts, _ = rendered(lang, flow, n, full, flags, cleared)
        for key, text in drafts.items():
            found += [(key, text[max(m.start() - 30, 0):m.end() + 5])
                      for m in doubled.finditer(text)]
    assert not found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_answer_ended_with_a_full_stop_never_stops_a_sentence_that_goes_on(lang, monkeypatch):
    # "Lamento muito ter deixado de fora a designer de vocês. Nunca…" is fine; "I'm sorry
    # that the designer. felt left out" is not: the answer sits mid-sentence.
    dotted = {key: value if value.endswith(".") or "\n" in value else value + "."
              for key, value in TYPED[lang].items()}
    monkeypatch.setitem(TYPED, lang, dotted)
    answers = {value.rstrip(".") for value in dotted.values() if "\n" not in value}
    found = []
    for flow, n, full, flags, cleared in CASES:
        drafts, _ = rendered(lang, flow, n, full, flags, cleared)
        for key, text in drafts.items():
            for answer in answers:
                found += [(key, text[m.start():m.end() + 12])
                          for m in re.finditer(re.escape(answer) + r"\. [a-zа-яё]", text)]
    assert not found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_answer_typed_with_a_capital_small_word_is_lowered_mid_sentence_but_a_name_is_not(
        lang, monkeypatch):
    # "entrego Os arquivos" is a typing habit, not a name: inside the letter's sentence, and
    # after a colon ("The reason: their budget"), the small word goes lowercase; "Estúdio
    # Norte" and an acronym keep their capitals.
    capitalised = {key: value[0].upper() + value[1:] for key, value in TYPED[lang].items()}
    monkeypatch.setitem(TYPED, lang, capitalised)
    small = set(load_catalog(lang).ui("letters.small_words").split())
    lowered = [value for value in capitalised.values()
               if value.split()[0].casefold() in small and "\n" not in value]
    assert lowered, "no answer starts with a small word"
    found = []
    for flow, n, full, flags, cleared in CASES:
        drafts, _ = rendered(lang, flow, n, full, flags, cleared)
        for key, text in drafts.items():
            found += [(key, text[max(0, m.start() - 20):m.end()])
                      for value in lowered
                      for m in re.finditer(r"[a-zа-яёà-ÿ,:] " + re.escape(value), text)]
    assert not found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_names_keep_their_capitals_inside_a_sentence(lang):
    names = [TYPED[lang][key] for key in ("company", "bare", "person")]
    found = []
    for flow, n, full, flags, cleared in CASES:
        drafts, _ = rendered(lang, flow, n, full, flags, cleared)
        for key, text in drafts.items():
            found += [(key, name) for name in names if name[0].lower() + name[1:] in text]
    assert not found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_two_points_running_of_an_exit_letter_never_repeat_the_same_date(lang):
    # "Last working day: Monday, 7 December" then "final invoice on Monday, 7 December" reads
    # like a form; the letter says "the same day" instead.
    day = re.compile(r"\d{1,2}º? (?:de )?[^\W\d]+")
    seen_same_day = False
    for flow, n, full, flags, cleared in CASES:
        drafts, _ = rendered(lang, flow, n, full, flags, cleared)
        text = drafts.get(("exit", "message"), "")
        points = [line for line in text.splitlines() if line.startswith("- ")]
        for above, below in zip(points, points[1:], strict=False):
            assert not set(day.findall(above)) & set(day.findall(below)), (above, below)
        seen_same_day |= load_catalog(lang).ui("drop_exit.invoice_line_same_day") in text
    assert seen_same_day
