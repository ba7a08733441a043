"""Suggesting the kind of reason from the client's own words, in English, Russian, Portuguese."""

from __future__ import annotations

import pytest

from content.reason import suggest_reason


@pytest.mark.parametrize(("text", "kind", "word"), [
    ("Our budget for next year was cut and priorities changed.", "external", "budget"),
    ("We are bringing this in-house after the restructuring.", "external", "in-house"),
    ("Бюджет урезали, приоритеты поменялись.", "external", "Бюджет"),
    ("O orçamento foi cortado por causa da crise.", "external", "orçamento"),
    ("You didn't communicate enough and missed two deadlines.", "systemic", "communicate"),
    ("Вы недостаточно общались с нами, сроки срывались.", "systemic", "сроки"),
    ("Faltou comunicação e os prazos atrasaram.", "systemic", "comunicação"),
    ("Our CTO felt left out and ignored in the decision.", "slight", "left out"),
    ("Нашего директора не спросили, он обиделся.", "slight", "обиделся"),
    ("A diretora se sentiu ignorada e deixada de fora.", "slight", "ignorada"),
])
def test_the_suggestion_names_the_kind_and_the_words_as_the_user_typed_them(text, kind, word):
    found = suggest_reason(text)
    assert found is not None
    assert found.kind == kind
    assert word in found.words


def test_words_from_two_answers_are_read_together():
    found = suggest_reason("They said it is over.", "Budget cuts, and new priorities.")
    assert found is not None and found.kind == "external"
    assert found.words == ("Budget", "cuts", "priorities")


def test_no_suggestion_when_the_words_say_nothing_or_point_two_ways_equally():
    assert suggest_reason("") is None
    assert suggest_reason("It is over, thank you.") is None
    assert suggest_reason("The budget and the deadlines.") is None  # one each: a tie


def test_a_word_repeated_counts_once():
    found = suggest_reason("budget, budget, Budget and a deadline and a report")
    assert found is not None and found.kind == "systemic"
