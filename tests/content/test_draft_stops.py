"""An answer that already ends its sentence does not get a second full stop in a letter."""

from __future__ import annotations

import pytest

from content import load_catalog
from content.drafts import fill_draft


@pytest.mark.parametrize("typed", ["итоговый отчёт.", "итоговый отчёт!", "итоговый отчёт…"])
def test_an_answer_ending_in_its_own_stop_gets_no_second_one(typed):
    text = fill_draft(load_catalog("ru"), "dropped_drafts.amends", {"amends__lacking": typed})
    assert typed in text
    assert f"{typed}." not in text


def test_an_answer_without_a_stop_still_gets_the_letters_own():
    text = fill_draft(load_catalog("ru"), "dropped_drafts.amends",
                      {"amends__lacking": "итоговый отчёт"})
    assert "итоговый отчёт." in text
