"""Every language ships everything English has: same items, same seed points, same placeholders.

These tests read each language's *own* files (English fallback not counted), so a missing
translation fails here instead of quietly showing English on screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from content import LANGUAGES, Catalog
from content.catalog import Item

SEED_POINTS = Path("/work/shared/seed-points.md")

# Used when the seed-point list is not on this machine (it lives outside the repository).
KNOWN_IDS = (
    "A-SIGNS", "A-FEEL", "A-NOT-PERSONAL", "A-BREATHE", "A-HOLD", "A-GRATITUDE",
    "A-ASK-WHY", "A-REASONS", "A-AMENDS", "A-REFERRALS", "A-LEARN", "A-OFFER", "A-GROWTH",
    "B-SELF", "B-DIFFICULT-VS-TOXIC", "B-SECOND-OPINION", "F-TERMS", "F-IMPOSSIBLE",
    "F-SCHEDULE", "F-SCOPE", "F-NOT-LISTENING", "F-EXPERTISE", "F-BELITTLE", "F-NITPICK",
    "F-DISSATISFIED", "F-LATE-PAYMENT", "F-INVOICES", "F-PRICE", "F-OBLIGATIONS", "F-RUDE",
    "F-REVIEW-THREATS", "F-HARASSMENT", "F-ILLEGAL", "T-TALK", "T-LESSONS", "T-PLAN",
    "T-MEET", "T-CONSEQUENCES", "L-WHEN", "L-SCOPE", "L-PAYMENT-PLAN", "L-EXPECTATIONS",
    "L-PRICE", "X-PROFESSIONAL", "X-FORMAT", "X-HONEST", "X-NO-YOU", "X-PROCEDURE",
    "X-REFER", "X-WINDOW", "X-POSITIVE", "X-WRITING", "X-AFTER",
)

TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# CLDR plural forms each language needs in a plural table.
PLURAL_FORMS = {"ru": {"one", "few", "many"}, "pt": {"one", "other"}, "en": {"one", "other"}}


def seed_ids() -> list[str]:
    """Every seed-point id: the `| ID | … |` rows of seed-points.md, else the embedded list."""
    if not SEED_POINTS.is_file():
        return list(KNOWN_IDS)
    found = re.findall(r"^\|\s*([A-Z]-[A-Z][A-Z-]*)\s*\|", SEED_POINTS.read_text("utf-8"),
                       flags=re.MULTILINE)
    return list(dict.fromkeys(found)) or list(KNOWN_IDS)


def placeholders(value: object) -> set[str]:
    """The `{name}` placeholders anywhere in a string, a list of strings or a table of them."""
    if isinstance(value, str):
        return set(PLACEHOLDER.findall(value))
    if isinstance(value, Mapping):
        return set().union(*(placeholders(v) for v in value.values()))
    if isinstance(value, Iterable):
        return set().union(*(placeholders(v) for v in value))
    return set()


def own_items(catalog: Catalog) -> dict[str, Item]:
    # `item()` merges in English for a translated language; the own file's fields are what
    # the test must judge, so read them through the private map.
    return dict(catalog._items)


def own_ui(catalog: Catalog) -> dict[str, object]:
    return dict(catalog._ui)


@pytest.fixture(scope="module")
def en() -> Catalog:
    return Catalog("en")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_english_item_exists_in_the_language_own_files(lang, en):
    missing = sorted(en.own_item_keys() - Catalog(lang).own_item_keys())
    assert not missing, f"{lang} lacks {len(missing)} item(s): {missing}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_english_interface_string_exists_in_the_language_own_files(lang, en):
    missing = sorted(en.own_ui_keys() - Catalog(lang).own_ui_keys())
    assert not missing, f"{lang} lacks {len(missing)} interface string(s): {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_seed_point_is_covered_in_the_language(lang):
    missing = [i for i in seed_ids() if i not in Catalog(lang).covered_ids()]
    assert not missing, f"{lang} does not cover seed point(s): {missing}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_translated_item_covers_the_same_seed_points_as_english(lang, en):
    english = own_items(en)
    differ = {key: (english[key].ids, item.ids) for key, item in own_items(Catalog(lang)).items()
              if key in english and sorted(english[key].ids) != sorted(item.ids)}
    assert not differ, f"{lang} items whose ids differ from English (en, {lang}): {differ}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_item_fields_keep_the_placeholders_of_english(lang, en):
    english = own_items(en)
    differ = {}
    for key, item in own_items(Catalog(lang)).items():
        if key not in english:
            continue
        for name, value in item.fields.items():
            if name in english[key].fields:
                want, got = placeholders(english[key].fields[name]), placeholders(value)
                if want != got:
                    differ[f"{key}.{name}"] = (sorted(want), sorted(got))
    assert not differ, f"{lang} placeholders differ from English (en, {lang}): {differ}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_item_fields_of_english_are_all_translated(lang, en):
    english = own_items(en)
    missing = [f"{key}.{name}" for key, item in own_items(Catalog(lang)).items() if key in english
               for name in english[key].fields if name not in item.fields]
    assert not missing, f"{lang} items lack field(s) English has: {missing}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_option_tables_offer_the_same_choices_as_english(lang, en):
    english = own_items(en)
    differ = {}
    for key, item in own_items(Catalog(lang)).items():
        for name, value in item.fields.items():
            base = english.get(key)
            theirs = base.fields.get(name) if base else None
            if isinstance(value, Mapping) and isinstance(theirs, Mapping) \
                    and set(value) != set(theirs):
                differ[f"{key}.{name}"] = sorted(set(theirs) ^ set(value))
    assert not differ, f"{lang} option tables with other keys than English: {differ}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_interface_strings_keep_the_placeholders_of_english(lang, en):
    english = own_ui(en)
    differ = {key: (sorted(placeholders(english[key])), sorted(placeholders(value)))
              for key, value in own_ui(Catalog(lang)).items()
              if key in english and placeholders(english[key]) != placeholders(value)}
    assert not differ, f"{lang} placeholders differ from English (en, {lang}): {differ}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_strings_have_every_form_the_language_needs(lang):
    need = PLURAL_FORMS[lang]
    short = {key: sorted(need - set(value)) for key, value in own_ui(Catalog(lang)).items()
             if isinstance(value, Mapping) and not need <= set(value)}
    assert not short, f"{lang} plural strings lacking forms: {short}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_strings_with_a_count_are_plural_tables_where_english_has_one(lang, en):
    english = own_ui(en)
    flat = [key for key, value in own_ui(Catalog(lang)).items()
            if isinstance(english.get(key), Mapping) and not isinstance(value, Mapping)]
    assert not flat, f"{lang} counts without plural forms: {flat}"


@pytest.mark.parametrize(("n", "text"), [(1, "1 сессия"), (2, "2 сессии"), (5, "5 сессий"),
                                         (11, "11 сессий"), (21, "21 сессия"), (24, "24 сессии")])
def test_russian_counts_agree_with_the_number(n, text):
    assert Catalog("ru").ui("history.count", n=n) == text


# Latin words that may stand as they are in any language: names of formats, programs, keys.
# Each language is offered under its own name, the same in every language.
ENDONYMS = {"app.language_en", "app.language_ru", "app.language_pt"}

NEUTRAL_LATIN = {
    "parting", "json", "md", "ics", "icalendar", "markdown", "svg", "pdf", "csv", "e", "mail",
    "id", "dir", "file", "name", "en", "ru", "pt", "ctrl", "shift", "tab", "esc", "enter",
    "export", "all", "where", "lang", "data", "client", "ok",
}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_interface_string_is_left_in_english(lang, en):
    english = own_ui(en)
    word = re.compile(r"[A-Za-z]{2,}")
    left = {}
    for key, value in own_ui(Catalog(lang)).items():
        if value != english.get(key) or key in ENDONYMS:
            continue
        text = PLACEHOLDER.sub("", str(value))
        words = {w for w in word.findall(text) if w.lower() not in NEUTRAL_LATIN}
        if words:
            left[key] = sorted(words)
    assert not left, f"{lang} strings identical to English: {left}"
