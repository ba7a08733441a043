"""The history screen, as a user drives it: find, read, resume, export, delete and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Markdown

from store import SessionStore, Summary
from tui.app import PREPARE_AFTER
from tui.screens.export import ExportModal
from tui.screens.flow import FlowScreen
from tui.screens.history import HistoryScreen
from tui.screens.session_view import ConfirmDeleteModal, SessionViewScreen
from tui.widgets.paged_table import FIRST_PAGE, PagedTable

SIZE = (100, 30)


def table(app) -> PagedTable:
    return app.screen.query_one("#history-table", PagedTable)


def clients(app) -> list[str]:
    return [s.client for s in table(app).items]


async def test_opens_newest_first_with_only_the_first_page_loaded(filled, make_app):
    app = make_app(start="history")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        rows = table(app)
        assert len(rows.items) == 300
        assert rows.loaded == rows.row_count < 300
        assert rows.loaded >= FIRST_PAGE
        dates = [s.created_at for s in rows.items]
        assert dates == sorted(dates, reverse=True)
        await pilot.press("end")
        assert rows.loaded == 300 and rows.cursor_row == 299


async def test_typing_part_of_a_client_name_filters_the_table(filled, make_app):
    app = make_app(start="history")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"cedar")
        await app.workers.wait_for_complete()
        await pilot.pause()
        found = clients(app)
        assert found and set(found) == {"Cedar Dental"}
        assert "of 300 shown" in str(app.screen.query_one("#history-info").render())
        await pilot.press("escape")
        assert app.screen.query_one("#history-filter", Input).value == ""
        assert len(table(app).items) == 300


async def test_filter_also_finds_words_written_in_the_answers(filled, make_app):
    app = make_app(start="history")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"deposit")
        await app.workers.wait_for_complete()
        await pilot.pause()
        found = table(app).items
        # Only finished "drop" sessions wrote about a deposit (in their lessons).
        assert found and {(s.flow, s.status) for s in found} == {("drop", "done")}


async def test_flow_and_status_filters_and_sorting(filled, make_app):
    app = make_app(start="history")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")
        assert {s.flow for s in table(app).items} == {"dropped"}
        await pilot.press("t")
        assert {(s.flow, s.status) for s in table(app).items} == {("dropped", "in_progress")}
        await pilot.press("f", "f", "t", "t")
        assert len(table(app).items) == 300
        await pilot.press("o")  # date, oldest first
        dates = [s.created_at for s in table(app).items]
        assert dates == sorted(dates)
        await pilot.press("o", "o", "o")  # flow A to Z, flow Z to A, then client A to Z
        named = [s.client for s in table(app).items if s.client]
        assert named == sorted(named, key=str.casefold)


async def test_enter_opens_the_session_as_a_readable_page(filled, make_app):
    app = make_app(start="history")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"pine", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionViewScreen)
        page = app.screen.query_one("#view-page", Markdown)
        assert "Pine Architects" in page.source
        assert app.screen.session.client == "Pine Architects"
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_resume_opens_an_unfinished_session_and_refuses_a_finished_one(filled, make_app):
    app = make_app(start="history")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert table(app).item_at_cursor().status == "done"
        await pilot.press("r")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("t")  # unfinished only
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, FlowScreen)


async def test_delete_names_the_session_and_undo_brings_it_back(filled: SessionStore, make_app):
    app = make_app(start="history")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        doomed = table(app).item_at_cursor()
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDeleteModal)
        body = str(app.screen.query_one("#confirm-body").render())
        assert "I was dropped" in body and "22 November 2026" in body
        await pilot.press("escape")  # keep it
        assert filled.count() == 300
        await pilot.press("x", "y")
        await pilot.pause()
        assert filled.count() == 299
        assert doomed.id not in {s.id for s in table(app).items}
        await pilot.press("u")
        await pilot.pause()
        assert filled.count() == 300
        assert table(app).item_at_cursor().id == doomed.id
        assert filled.get(doomed.id).answers  # everything came back


async def test_export_from_the_session_page_writes_markdown(filled, make_app, tmp_path: Path):
    app = make_app(start="history")
    target = tmp_path / "acme.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("m")
        assert isinstance(app.screen, ExportModal)
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionViewScreen)
    assert target.read_text().startswith("# I was dropped")
    assert target.stat().st_mode & 0o777 == 0o600


async def test_export_anonymised_json_from_history(filled, make_app, tmp_path: Path):
    app = make_app(start="history")
    target = tmp_path / "share.json"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"pine", "enter", "e")
        await pilot.pause()
        modal = app.screen
        await pilot.click("#export-json")
        modal.query_one("#export-anonymise").value = True
        modal.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-write")
        await pilot.pause()
    text = target.read_text()
    assert "Pine Architects" not in text and "Client A" in text


async def test_empty_store_says_how_to_start(make_app):
    app = make_app(start="history")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        empty = app.screen.query_one("#history-empty")
        assert empty.display and "Start one" in str(empty.render())
        await pilot.press("x", "r", "e", "enter")  # nothing to act on: nothing happens
        assert isinstance(app.screen, HistoryScreen)


async def test_filtering_while_sorted_by_client_keeps_that_order(filled, make_app):
    app = make_app(start="history")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o", "o", "o", "o")  # client A to Z
        by_client = list(table(app).items)
        await pilot.press("slash", *"dep")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("o")  # typed into the filter, not a sort
        await pilot.press(*"sit")
        await pilot.pause()
        found = list(table(app).items)
        # Only finished "drop" sessions wrote about a deposit; in the order they had before.
        assert found and {(s.flow, s.status) for s in found} == {("drop", "done")}
        assert found == [s for s in by_client if s in found]
        assert "sorted by Client" in str(app.screen.query_one("#history-info").render())
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.pause()
        assert len(table(app).items) > len(found)
        assert list(table(app).items) == [s for s in by_client if s in table(app).items]


async def test_opening_makes_and_labels_only_the_rows_it_shows(filled, make_app, monkeypatch):
    labelled: list[str] = []
    made: list[str] = []
    labels, from_row = HistoryScreen._labels, Summary.from_row

    def counted_labels(screen, summary):
        labelled.append(summary.id)
        return labels(screen, summary)

    def counted_rows(cls, row):
        made.append(row["id"])
        return from_row(row)

    monkeypatch.setattr(HistoryScreen, "_labels", counted_labels)
    monkeypatch.setattr(Summary, "from_row", classmethod(counted_rows))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        made.clear()  # home's own lists (from the digest), not history's
        await pilot.press("h")
        await pilot.pause()
        rows = table(app)
        assert len(rows.items) == 300
        shown = {s.id for s in rows.items[:rows.loaded]}
        assert set(labelled) == shown
        assert set(made) <= shown
        await pilot.press("end")  # scrolling down makes the rest
        assert len(set(made)) == 300


async def test_history_opens_with_the_table_focused_and_draws_each_row_once(
        filled, make_app, monkeypatch):
    drawn: list[int] = []
    render_line = PagedTable.render_line

    def counted(widget, y):
        drawn.append(y)
        return render_line(widget, y)

    monkeypatch.setattr(PagedTable, "render_line", counted)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(PREPARE_AFTER + 0.2)  # the other screens' rules are read by then
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.focused is table(app)
        # Focus given after the first frame changed every row's look, so each was drawn again.
        assert drawn and len(drawn) == len(set(drawn))


async def test_a_slash_and_letters_typed_in_one_burst_all_land_in_the_filter(filled, make_app):
    from textual import events

    app = make_app(start="history")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # A fast typist (or a paste) delivers every key before the app has handled the first.
        for key, char in [("slash", "/"), ("c", "c"), ("e", "e"), ("d", "d")]:
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.press("a", "r")
        assert app.screen.query_one("#history-filter", Input).value == "cedar"
        await pilot.press("slash")
        assert app.screen.query_one("#history-filter", Input).value == "cedar/"


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
async def test_every_column_of_history_fits_at_80_columns_in_every_language(filled, make_app,
                                                                             lang):
    app = make_app(lang=lang, start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = table(app)
        outcomes = {s.outcome for s in rows.items}
        assert {"slight", "systemic", "external", "keep", "part"} <= outcomes
        # Nothing is cut at the right edge: the widest row is no wider than the table.
        assert rows.virtual_size.width <= rows.scrollable_content_region.width, \
            [(str(c.label), c.get_render_width(rows)) for c in rows.columns.values()]


LONG_NAME = "Padaria Pão Quente Comércio de Alimentos Ltda."


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
async def test_a_long_client_name_ends_in_an_ellipsis_so_every_column_fits_at_80(
        store, make_app, lang):
    from store import new_session
    from tests.conftest import frozen_clock

    session = new_session("drop", client=LONG_NAME, clock=frozen_clock)
    session.outcome = "work_on_yourself"
    store.save(session)
    app = make_app(lang=lang, start="history")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = table(app)
        assert rows.virtual_size.width <= rows.scrollable_content_region.width
        client = str(rows.get_cell_at((0, 2)))
        assert client.endswith("…") and LONG_NAME.startswith(client[:-1])
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        assert str(table(app).get_cell_at((0, 2))) == LONG_NAME
