"""A session's page: the whole session on one page, letters laid out as they are sent."""

from __future__ import annotations

from textual.widgets._markdown import MarkdownBlockQuote, MarkdownParagraph

from store import new_session
from tests.conftest import frozen_clock


def thanked():
    session = new_session("dropped", client="Acme", clock=frozen_clock)
    session.answers = {"gratitude": {"work": "the spring launch", "message": ""}}
    return session


def assert_paragraphs_apart(app) -> None:
    """The first letter on screen: greeting, body and sign-off, a blank line between each."""
    quote = app.screen.query(MarkdownBlockQuote).first()
    paragraphs = list(quote.query(MarkdownParagraph))
    assert len(paragraphs) >= 3
    for above, below in zip(paragraphs, paragraphs[1:], strict=False):
        assert below.region.y >= above.region.bottom + 1


async def test_a_letter_on_the_summary_step_keeps_a_blank_line_between_its_paragraphs(make_app):
    session = thanked()
    session.step = "summary"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.open_session(session)
        await pilot.pause()
        await pilot.pause()
        assert_paragraphs_apart(app)


async def open_page(make_app, store, session):
    """An app showing `session`'s page as history opens it, once it has drawn."""
    from tui.screens.session_view import SessionViewScreen

    store.save(session)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.push_screen(SessionViewScreen(store.get(session.id)))
        await pilot.pause()
        await pilot.pause()
        yield app


async def test_a_letter_on_a_session_opened_from_history_keeps_its_blank_lines(make_app, store):
    async for app in open_page(make_app, store, thanked()):
        assert_paragraphs_apart(app)


async def test_a_red_flags_day_and_example_sit_on_their_own_line_under_its_title(make_app,
                                                                                  store):
    from textual.widgets._markdown import MarkdownBulletList

    session = new_session("drop", client="Acme", clock=frozen_clock)
    session.answers = {"client": {"client": "Acme"}, "flags": {
        "_markdown": "- **Pays late** (often)\n  Tuesday, 1 December 2026: the March invoice"}}
    async for app in open_page(make_app, store, session):
        # Both lines fit the width: two rows means the day went under the title.
        flag = app.screen.query(MarkdownBulletList).first().query(MarkdownParagraph).first()
        assert flag.region.height == 2
