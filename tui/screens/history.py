"""`HistoryScreen`: every session in one table, newest first, filtered as you type.

The table is filled from the store's summaries (no session file is opened), a page at a
time. Typing filters by client, flow, status and outcome at once; the text of the answers
is read in a background thread the first time the filter is used, and the matches it adds
appear when it is done (`tui.history_search`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Header, Input, Static

from content.date_format import format_short
from content.insights import outcome_text
from store import SessionNotFound, SessionUnreadable, StoreError, Summary
from tui.footer import Footer
from tui.history_search import AnswerText, SessionSearch
from tui.safe_text import shown
from tui.screens.table_screen import TableScreen
from tui.widgets.cycle_button import CycleButton
from tui.widgets.paged_table import PagedTable

FLOWS = ("dropped", "drop")
STATUSES = ("in_progress", "done")
COLUMNS = ("date", "flow", "client", "status", "outcome")
MIN_CLIENT = 10  # narrower than this, a name is no help: the table scrolls sideways instead


class HistoryScreen(TableScreen):
    """The history of past sessions: read, resume, export, delete, undo."""

    TITLE_KEY = "history.title"

    TABLE_ID = "history-table"
    BINDINGS = [
        Binding("escape", "back", "history.key_back", id="history.back"),
        # A priority binding runs while the app reads the keys, before it hands the next
        # one on: "/ref" typed in one burst puts "ref" in the filter, not into the table.
        Binding("slash", "focus_filter", "history.key_filter", id="history.filter",
                priority=True),
        Binding("r", "resume", "history.key_resume", id="history.resume"),
        Binding("e", "export", "history.key_export", id="history.export"),
        Binding("x,delete", "delete", "history.key_delete", id="history.delete"),
        Binding("u,ctrl+z", "undo", "history.key_undo", id="history.undo"),
        Binding("o", "sort", "history.key_sort", id="history.sort"),
        Binding("f", "cycle_flow", "history.key_flow", id="history.flow", show=False),
        Binding("t", "cycle_status", "history.key_status", id="history.status", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._summaries: Sequence[Summary] = ()
        self._search: SessionSearch | None = None
        self._sort_column = "date"
        self._descending = True
        self._searching = False
        self._all_read = False  # every summary's answers are in AnswerText
        self._client_room: int | None = None  # widest a client name may be; None: any
        self._others: tuple[object, int] | None = None  # (catalog, width of other columns)

    def compose(self) -> ComposeResult:
        ui = self.app.catalog.ui
        yield Header()
        with Horizontal(id="history-bar"):
            yield Input(placeholder=ui("history.filter_placeholder"), id="history-filter",
                        compact=True)
            yield CycleButton([(ui("history.flow_all"), "all")]
                              + [(ui(f"home.{f}_short"), f) for f in FLOWS],
                              "all", id="history-flow")
            yield CycleButton([(ui("history.status_all"), "all")]
                              + [(ui(f"history.status_{s}"), s) for s in STATUSES],
                              "all", id="history-status")
        yield Static(id="history-info")
        table: PagedTable[Summary] = PagedTable(id="history-table")
        for column in COLUMNS:
            table.add_column(ui(f"history.col_{column}"), key=column)
        yield table
        yield Static(id="history-empty")
        yield Footer(show_command_palette=False)

    # -- rows ------------------------------------------------------------------------------
    def reload(self, keep: str | None = None) -> None:
        """Read the summaries again (a session may have changed) and redraw the table."""
        self._summaries = self.app.store.summaries_on_demand()
        self._all_read = False
        if self._search is None:
            self._search = SessionSearch(self._labels, AnswerText(self.app.store))
        self._search.arrange(self._sorted(self._summaries), changed=True)
        current = self.table.item_at_cursor()
        self.refill(keep or (current.id if current else None))

    def refill(self, keep: str | None = None) -> None:
        """Apply the filters to the sorted summaries and show the first page."""
        assert self._search is not None
        self._client_room = self._room_for_client()
        rows = self._search.find(self.query_one("#history-flow", CycleButton).value,
                                 self.query_one("#history-status", CycleButton).value,
                                 self.query_one("#history-filter", Input).value.casefold().split())
        self.table.show(rows, self._cells, lambda s: s.id, keep=keep)
        self._update_info(len(rows))

    def _sorted(self, rows: Sequence[Summary]) -> Sequence[Summary]:
        # Sorted once per order, then filtered: filtering keeps the order, so a keystroke in
        # the filter never sorts. Summaries come newest first; a stable sort keeps that
        # order among equal values.
        if self._sort_column == "date":
            return rows if self._descending else rows[::-1]
        index = COLUMNS.index(self._sort_column)
        return sorted(rows, key=lambda s: self._labels(s)[index].casefold(),
                      reverse=self._descending)

    def _labels(self, summary: Summary) -> tuple[str, str, str, str, str]:
        catalog = self.app.catalog
        ui = catalog.ui
        # The table's own short labels, so that every column fits at 80 columns; the session
        # page says the outcome in full.
        outcome_key = f"history.row_outcome_{summary.flow}_{summary.outcome}"
        outcome = (ui(outcome_key) if catalog.has_ui(outcome_key)
                   else outcome_text(catalog, summary.flow, summary.outcome))
        flow_key = f"history.row_flow_{summary.flow}"
        return (
            _day_label(summary.created_at, catalog.lang),
            ui(flow_key) if catalog.has_ui(flow_key) else summary.flow,
            summary.client or ui("app.no_client"),
            ui(f"history.status_{summary.status}"),
            outcome,
        )

    def _cells(self, summary: Summary) -> tuple[str | Text, ...]:
        # Plain strings render fastest; only what needs to stand out is styled.
        day, flow, client, status, outcome = self._labels(summary)
        client = Text(shown(client))  # the user's text: never markup, never terminal codes
        if self._client_room is not None and client.cell_len > self._client_room:
            client.truncate(self._client_room, overflow="ellipsis")
        if summary.status != "done":
            return day, flow, client, Text(status, style="italic"), outcome
        return day, flow, client, status, outcome

    def _room_for_client(self) -> int | None:
        """How wide a client name may be so that every column fits the terminal's width.

        A long name ("Padaria Pão Quente Ltda.") ends in "…" instead of pushing the outcome
        off the right edge at 80 columns. The session page shows it whole.
        """
        padding = 2 * self.table.cell_padding
        # Before the first layout the table is as wide as the terminal less the screen's
        # edges; a vertical scrollbar may take two more.
        width = self.table.size.width or self.app.size.width - 2
        room = width - 2 - self._other_columns_width() - padding
        return room if room >= MIN_CLIENT else None

    def _other_columns_width(self) -> int:
        """The columns every column but the client's takes at its widest, padding included.

        They hold the app's own short labels, so their widest is known from the catalog
        (every `history.row_outcome_*` it has, not a second list of outcomes); worked out
        once per language, not on each letter typed into the filter.
        """
        catalog = self.app.catalog
        if self._others is None or self._others[0] is not catalog:
            ui = catalog.ui
            labels = {
                "date": [_day_label(date(2026, month, 28).isoformat(), catalog.lang)
                         for month in range(1, 13)],
                "flow": [ui(f"history.row_flow_{flow}") for flow in FLOWS],
                "status": [ui(f"history.status_{status}") for status in STATUSES],
                "outcome": [ui(key) for key in catalog.ui_keys_starting("history.row_outcome_")],
            }
            padding = 2 * self.table.cell_padding
            width = sum(max(Text(text).cell_len
                            for text in [ui(f"history.col_{column}"), *texts]) + padding
                        for column, texts in labels.items())
            self._others = (catalog, width)
        return self._others[1]

    def on_resize(self) -> None:
        if self._search is not None and self._room_for_client() != self._client_room:
            current = self.table.item_at_cursor()
            self.refill(current.id if current else None)

    def _update_info(self, shown: int) -> None:
        ui = self.app.catalog.ui
        total = len(self._summaries)
        filtering = shown != total or bool(self.query_one("#history-filter", Input).value)
        parts = [ui("history.count_filtered", n=shown, total=total) if filtering
                 else ui("history.count", n=total)]
        direction = ui("history.descending" if self._descending else "history.ascending")
        parts.append(ui("history.sorted_by", column=ui(f"history.col_{self._sort_column}"),
                        direction=direction))
        if self._searching:
            parts.append(ui("history.searching"))
        self.query_one("#history-info", Static).update(" · ".join(parts))
        empty = self.query_one("#history-empty", Static)
        if total == 0:
            empty.update(ui("history.empty"))
        elif shown == 0:
            empty.update(ui("history.no_match"))
        empty.display = shown == 0
        self.table.display = shown > 0

    # -- filtering -------------------------------------------------------------------------
    @on(Input.Changed, "#history-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.refill()
        if event.value.strip():
            self._read_answers()

    @on(Input.Submitted, "#history-filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.table)

    @on(CycleButton.Changed)
    def _flow_or_status_changed(self) -> None:
        self.refill()

    def _read_answers(self) -> None:
        if self._all_read or self._searching:
            return
        answers = AnswerText(self.app.store)
        missing = answers.missing(self._summaries)
        # Every answer read: no keystroke needs to look through the summaries for this again.
        self._all_read = not missing
        if missing:
            self._searching = True
            self._update_info(len(self.table.items))
            self._read_in_background(answers, missing)

    @work(thread=True, exclusive=True, group="history-answers")
    def _read_in_background(self, answers: AnswerText, missing: list[Summary]) -> None:
        for summary in missing:
            answers.read(summary)
        self.app.call_from_thread(self._answers_ready)

    def _answers_ready(self) -> None:
        self._searching = False
        if self.is_attached and self._search is not None:
            self._search.answers_changed()
            current = self.table.item_at_cursor()
            self.refill(current.id if current else None)

    # -- sorting ---------------------------------------------------------------------------
    @on(DataTable.HeaderSelected)
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self._sort_by(column, not self._descending if column == self._sort_column
                      else column == "date")

    def action_sort(self) -> None:
        """Next column; each column first sorts the natural way (dates newest first)."""
        index = COLUMNS.index(self._sort_column)
        if self._descending == (self._sort_column == "date"):
            self._sort_by(self._sort_column, not self._descending)
        else:
            following = COLUMNS[(index + 1) % len(COLUMNS)]
            self._sort_by(following, following == "date")

    def _sort_by(self, column: str, descending: bool) -> None:
        self._sort_column, self._descending = column, descending
        if self._search is not None:
            self._search.arrange(self._sorted(self._summaries), changed=False)
        current = self.table.item_at_cursor()
        self.refill(current.id if current else None)

    def action_cycle_flow(self) -> None:
        self.query_one("#history-flow", CycleButton).action_step(1)

    def action_cycle_status(self) -> None:
        self.query_one("#history-status", CycleButton).action_step(1)

    # -- actions ---------------------------------------------------------------------------
    def _chosen(self) -> Summary | None:
        return self.table.item_at_cursor()

    def _with_session(self, then: Callable) -> None:
        summary = self._chosen()
        if summary is None:
            return
        try:
            session = self.app.store.get(summary.id)
        except SessionUnreadable as error:  # there, but not readable: not "gone"
            from tui.store_text import explain

            self.notify(explain(self.app.catalog, error), severity="warning", markup=False)
            return
        except (SessionNotFound, StoreError):
            self.notify(self.app.catalog.ui("history.gone"), severity="warning")
            self.reload()
            return
        then(session)

    @on(DataTable.RowSelected, "#history-table")
    def _row_selected(self) -> None:
        self._with_session(self.app.open_session_read_only)

    def action_resume(self) -> None:
        summary = self._chosen()
        if summary is not None and summary.status == "done":
            self.notify(self.app.catalog.ui("history.not_resumable"), severity="warning")
            return
        self._with_session(self.app.open_session)

    # The session page's module (and the Markdown widget it brings) loads on first use, not
    # with the list: opening history must stay quick.
    def action_export(self) -> None:
        from tui.screens.session_view import open_export

        self._with_session(lambda session: open_export(self.app, [session]))

    def action_delete(self) -> None:
        from tui.screens.session_view import confirm_and_delete

        summary = self._chosen()
        if summary is not None:
            confirm_and_delete(self.app, summary, self._after_delete)

    def _after_delete(self) -> None:
        self.reload()
        self.refresh_bindings()  # Undo is offered now

    def action_undo(self) -> None:
        from tui.screens.session_view import undo_last_delete

        restored = undo_last_delete(self.app)
        if restored is not None:
            self.reload(keep=restored.id)
        self.refresh_bindings()

    def action_focus_filter(self) -> None:
        # At once, not after a refresh: letters typed right after "/" belong in the filter.
        self.set_focus(self.query_one("#history-filter", Input))

    def action_back(self) -> None:
        search = self.query_one("#history-filter", Input)
        if search.value:
            search.value = ""
            self.set_focus(self.table)
            return
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_filter":
            # In the filter itself "/" is a letter like any other.
            return not isinstance(self.focused, Input)
        if action in ("resume", "export", "delete") and not self._summaries:
            return None
        if action == "undo":
            from tui.trash import trash_for

            return len(trash_for(self.app)) > 0
        return True


def _day_label(stamp: str, lang: str) -> str:
    try:
        day = date.fromisoformat(stamp[:10])
    except ValueError:
        return stamp[:10]
    return f"{format_short(day, lang)} {day.year}"

