"""A draft the user never edited reads in the language on screen; an edited one keeps the
user's words, and sessions saved with only the words still open."""

from __future__ import annotations

from datetime import date

from content import load_catalog
from content.drafts import fill_draft, fresh_drafts
from content.flows import get_flow
from content.markdown import session_markdown

TODAY = date(2026, 11, 23)
ANSWERS = {"what_happened": {"client": "Acme", "who": "Anna"},
           "gratitude": {"work": "the shop"}}


def english_message() -> str:
    values = {"greeting": "Hi Anna,", "gratitude__work": "the shop"}
    return fill_draft(load_catalog("en"), "dropped_drafts.gratitude", values)


def record(message: str, edited: bool) -> dict:
    answers = {k: dict(v) for k, v in ANSWERS.items()}
    answers["gratitude"]["message"] = message
    if edited:
        answers["gratitude"]["message__edited"] = True
    return {"id": "s1", "flow": "dropped", "client": "Acme", "status": "open",
            "created_at": "2026-11-23T10:00:00", "updated_at": "2026-11-23T10:05:00",
            "answers": answers, "reminders": []}


def test_an_untouched_draft_saved_in_english_reads_in_russian_on_a_russian_page():
    page = session_markdown(record(english_message(), edited=False), load_catalog("ru"))
    assert "Здравствуйте, Anna!" in page
    assert "I wanted to say thank you" not in page


def test_a_draft_the_user_edited_keeps_the_users_words_in_any_language():
    mine = english_message().replace("I learned a lot", "I learned so much")
    page = session_markdown(record(mine, edited=True), load_catalog("ru"))
    assert "I learned so much" in page


def test_fresh_drafts_skip_drafts_never_shown_on_the_walk():
    found = fresh_drafts(get_flow("dropped"), ANSWERS, load_catalog("pt"), TODAY)
    assert found == {}  # no draft was ever shown: nothing to write again
