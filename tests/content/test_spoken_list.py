"""Lists said inside a sentence join their last item as each language does."""

from __future__ import annotations

import pytest

from content import load_catalog
from content.flows.drop_drafts import neutral_reasons
from content.letters import spoken_list


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", '"budget", "cut" and "pause"'),
    ("ru", "«бюджет», «сокращение» и «пауза»"),
    ("pt", "“orçamento”, “cortado” e “pausar”"),
])
def test_three_words_join_their_last_with_the_languages_and(lang, expected):
    words = {"en": ["budget", "cut", "pause"], "ru": ["бюджет", "сокращение", "пауза"],
             "pt": ["orçamento", "cortado", "pausar"]}[lang]
    catalog = load_catalog(lang)
    quoted = [catalog.ui("dropped.quoted", word=w) for w in words]
    assert spoken_list(quoted, catalog) == expected


def test_one_word_stands_alone_and_empty_items_are_left_out():
    catalog = load_catalog("pt")
    assert spoken_list(["orçamento"], catalog) == "orçamento"
    assert spoken_list(["a", "", "b"], catalog) == "a e b"
    assert spoken_list([], catalog) == ""


@pytest.mark.parametrize(("lang", "last"), [("en", "; and "), ("ru", "; кроме того, "), ("pt", "; e ")])
def test_three_exit_reasons_join_their_last_with_and(lang, last):
    answers = {"flags": {name: {"seen": True, "often": "often"}
                         for name in ("scope", "late_payment", "nitpick")}}
    catalog = load_catalog(lang)
    reasons = neutral_reasons(answers, catalog)
    assert reasons.count("; ") == 2
    assert last in reasons
    assert reasons.rindex(last) > reasons.index("; ")


@pytest.mark.parametrize(("lang", "pair"), [("en", ", and "), ("ru", "; кроме того, "),
                                           ("pt", ", e ")])
def test_two_exit_reasons_are_joined_as_a_pair_without_the_lists_semicolon(lang, pair):
    answers = {"flags": {name: {"seen": True, "often": "often"}
                         for name in ("scope", "late_payment")}}
    catalog = load_catalog(lang)
    phrases = {str(catalog.item(f"drop_flags.{n}")["neutral"]) for n in ("scope", "late_payment")}
    first, second = neutral_reasons(answers, catalog).split(pair)
    assert {first, second} == phrases
