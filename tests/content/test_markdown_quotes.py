"""A draft in the session's Markdown keeps its lines when a viewer renders it."""

from __future__ import annotations

from markdown_it import MarkdownIt

from content import load_catalog
from content.markdown import session_markdown


def test_a_drafts_lines_stay_lines_when_the_page_is_rendered():
    record = {"flow": "dropped", "client": "Acme", "status": "in_progress",
              "created_at": "2026-11-23T09:30:00+03:00",
              "answers": {"gratitude": {"work": "the spring launch", "message": ""}},
              "reminders": []}
    page = session_markdown(record, load_catalog("en"))
    html = MarkdownIt("commonmark").render(page)
    quote = html[html.index("<blockquote>"):]
    assert "<br />\nI hope our paths cross again" in quote
    assert "<p>Warm regards</p>" in quote


def test_a_question_answered_with_only_spaces_is_left_out_of_the_page():
    record = {"flow": "drop", "client": "Acme", "status": "in_progress",
              "created_at": "2026-11-23T09:30:00+03:00",
              "answers": {"decision": {"decision": "part"},
                          "exit": {"format": "letter", "decided_on": " ", "notice_days": "14"}},
              "reminders": []}
    page = session_markdown(record, load_catalog("en"))
    assert "**Notice, in days**: 14" in page
    assert "When will you tell them?" not in page


def test_reminders_on_the_page_carry_their_day_as_the_language_writes_it():
    record = {"flow": "dropped", "client": "Acme", "status": "in_progress",
              "created_at": "2026-11-23T09:30:00+03:00", "answers": {},
              "reminders": [{"id": "r", "due": "2027-04-03", "what": "Call back"}]}
    assert "- [ ] 3 April 2027: Call back" in session_markdown(record, load_catalog("en"))
    assert "- [ ] 3 апреля 2027: Call back" in session_markdown(record, load_catalog("ru"))
    assert "- [ ] 3 de abril de 2027: Call back" in session_markdown(record, load_catalog("pt"))
