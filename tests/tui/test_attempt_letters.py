"""The letters of the last attempt follow what the user types into the lists they quote."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from store import new_session
from tests.conftest import frozen_clock
from tui.widgets.draft import DraftEditor

ITEM = {"en": "the design", "ru": "дизайн", "pt": "o design"}


@pytest.mark.parametrize("lang", sorted(ITEM))
async def test_the_expectations_letter_appears_as_the_first_item_of_its_list_is_typed(
        make_app, lang):
    session = new_session("drop", client="Acme", lang=lang, clock=frozen_clock)
    session.answers = {"client": {"client": "Acme"},
                       "flags": {"dissatisfied": {"seen": True, "often": "sometimes"}}}
    session.step = "attempt"
    app = make_app(lang=lang)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.open_session(session)
        await pilot.pause()
        letter = app.screen.query_one("#f-expect_message", DraftEditor)
        assert letter.text == ""  # no list yet: no letter announcing one
        app.screen.query_one("#f-expect_list", TextArea).focus()
        await pilot.press(*ITEM[lang])
        await pilot.pause()
        assert f"\n- {ITEM[lang]}\n" in letter.text
        assert not letter.text.rstrip().endswith(":")
