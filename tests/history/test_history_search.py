"""The history's filter without a screen: what it finds, letter by letter, as answers arrive."""

from __future__ import annotations

import pytest

from store import SessionStore, Summary, new_session
from tui.history_search import AnswerText, SessionSearch


def labels(summary: Summary) -> tuple[str, ...]:
    return (summary.client, summary.flow, summary.status, summary.outcome or "")


def read_all(store: SessionStore) -> AnswerText:
    answers = AnswerText(store)
    for summary in answers.missing(store.summaries()):
        answers.read(summary)
    return answers


def fresh_find(store: SessionStore, flow: str, status: str, typed: str) -> list[Summary]:
    search = SessionSearch(labels, read_all(store))
    search.arrange(store.summaries(), changed=True)
    return search.find(flow, status, typed.casefold().split())


def test_each_written_word_kept_once_finds_exactly_what_the_whole_text_finds(store):
    written = ("We agreed on four screens; we are now at eleven, with the SAME price. "
               "Straße: we agreed on four screens!\n\tAgain: four screens.")
    session = new_session("dropped", client="Elm & Partners")
    session.answers = {"what_happened": {"said": written, "again": [written, written]}}
    session.reminders = [{"id": "r1", "due": "2026-12-01", "what": "Ask for a referral"}]
    store.save(session)
    answers = read_all(store)
    kept = answers.get(session.id)
    whole = " ".join([written, written, written, "Ask for a referral"]).casefold()
    assert len(kept) < len(whole) / 2
    # Every piece of text a user can type (no spaces in it), found in one exactly when in the other.
    pieces = {word[i:j] for word in whole.split() for i in range(len(word))
              for j in range(i + 1, len(word) + 1)}
    pieces |= {"strasse", "screens;we", "now at", "zzz"}
    for piece in pieces:
        typed = piece.casefold().split()
        assert all(w in kept for w in typed) == all(w in whole for w in typed), piece


def test_typing_letter_by_letter_finds_what_a_fresh_search_finds(filled):
    search = SessionSearch(labels, read_all(filled))
    search.arrange(filled.summaries(), changed=True)
    typed_in_turn = ["", "d", "de", "dep", "depo", "dep", "de", "d", "", "c", "ce", "ce d",
                     "ce de", "ce dep", "ce de", "cedar", "cedar dental", "dental cedar"]
    for flow, status in (("all", "all"), ("drop", "all"), ("drop", "done"), ("all", "all")):
        for typed in typed_in_turn:
            found = search.find(flow, status, typed.split())
            assert found == fresh_find(filled, flow, status, typed), (flow, status, typed)
    assert search.find("all", "all", ["dep"]) and search.find("all", "all", ["zzzz"]) == []


def test_answers_read_after_a_search_are_found_by_the_next_letter(filled):
    answers = AnswerText(filled)  # a new store: nothing read yet
    search = SessionSearch(labels, answers)
    search.arrange(filled.summaries(), changed=True)
    assert search.find("all", "all", ["deposi"]) == []  # only the labels are known so far
    for summary in answers.missing(filled.summaries()):
        answers.read(summary)
    search.answers_changed()
    found = search.find("all", "all", ["deposit"])
    assert found and found == fresh_find(filled, "all", "all", "deposit")


@pytest.mark.parametrize("changed", [False, True])
def test_a_new_order_is_searched_in_that_order(filled, changed):
    search = SessionSearch(labels, read_all(filled))
    search.arrange(filled.summaries(), changed=True)
    newest_first = search.find("all", "all", ["de"])
    search.arrange(filled.summaries()[::-1], changed=changed)
    assert search.find("all", "all", ["dep"]) == [
        s for s in newest_first[::-1] if "dep" in " ".join(labels(s)).casefold()
        or "dep" in AnswerText(filled).get(s.id)]
