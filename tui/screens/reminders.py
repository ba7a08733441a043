"""`RemindersScreen`: every reminder from every session: overdue, due today, upcoming, done.

Read from the store's summaries (no session file is opened to list them); marking one done
or snoozing it opens and saves that one session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Header, Input, Static

from content.checkins import is_checkin
from content.dates import format_short, parse_when
from content.reminders import due_date, reminder_text
from store import Session, SessionNotFound, StoreError, Summary
from tui.footer import Footer
from tui.i18n import translate_bindings
from tui.safe_text import shown, shown_markup
from tui.screens import styles
from tui.screens.table_screen import TableScreen
from tui.widgets.paged_table import PagedTable

STATES = ("overdue", "today", "upcoming", "done")
# A client's name longer than this is shortened with "…" in the list (whole in the line
# under it); the reminder's words get the room the other columns leave, never less than
# WHAT_LEAST, so every column stays on screen at 80 columns.
CLIENT_MOST = 22
WHAT_LEAST = 16


@dataclass(frozen=True)
class ReminderRow:
    """One reminder with the session it belongs to and where it sits in that session."""

    summary: Summary
    reminder: Mapping[str, Any]
    index: int
    day: date | None
    state: str

    @property
    def key(self) -> str:
        return f"{self.summary.id}/{self.reminder.get('id') or self.index}"


def reminder_rows(summaries: list[Summary], today: date, show_done: bool = True) -> list[ReminderRow]:
    """Overdue (oldest first), due today, upcoming (soonest first), then done (latest first)."""
    groups: dict[str, list[ReminderRow]] = {state: [] for state in STATES}
    for summary in summaries:
        for index, reminder in enumerate(summary.reminders):
            day = due_date(reminder)
            if reminder.get("done"):
                state = "done"
            elif day is None or day > today:
                state = "upcoming"
            else:
                state = "today" if day == today else "overdue"
            groups[state].append(ReminderRow(summary, reminder, index, day, state))
    far = date.max
    for state in ("overdue", "today", "upcoming"):
        groups[state].sort(key=lambda r: r.day or far)
    groups["done"].sort(key=lambda r: r.day or date.min, reverse=True)
    return [row for state in STATES if show_done or state != "done" for row in groups[state]]


def find_reminder(session: Session, row: ReminderRow) -> dict[str, Any] | None:
    """The same reminder in the full session: by id, else by its place."""
    wanted = row.reminder.get("id")
    for number, reminder in enumerate(session.reminders):
        if (wanted and reminder.get("id") == wanted) or (not wanted and number == row.index):
            return reminder  # type: ignore[return-value]
    return None


class SnoozeModal(ModalScreen[date | None]):
    """"Until when?" read in words ("in 3 days", "next Monday"); dismissed with the day."""

    CSS_PATH = styles("modals")

    BINDINGS = [Binding("escape", "cancel", "reminders.snooze_cancel", id="snooze.cancel")]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        ui = self.app.catalog.ui
        with Vertical(id="snooze-box"):
            yield Static(ui("reminders.snooze_title"), classes="modal-title")
            yield Static(ui("reminders.snooze_lead", what=shown_markup(self.what)),
                         classes="modal-lead")
            yield Input(placeholder=ui("reminders.snooze_hint"), id="snooze-when")
            yield Static(id="snooze-echo", classes="field-hint")
            with Horizontal(classes="modal-buttons"):
                yield Button(ui("reminders.snooze_cancel"), id="snooze-cancel")
                yield Button(ui("reminders.snooze_ok"), id="snooze-ok", variant="primary")

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        self.query_one("#snooze-when", Input).focus()

    def _parsed(self) -> date | None:
        text = self.query_one("#snooze-when", Input).value
        found = parse_when(text, self.app.catalog.lang, self.app.today(), prefer="future")
        if found is None:
            return None
        value = found.value
        return value.date() if isinstance(value, datetime) else value

    @on(Input.Changed, "#snooze-when")
    def _echo(self) -> None:
        from content.dates import format_date

        day = self._parsed()
        self.query_one("#snooze-echo", Static).update(
            format_date(day, self.app.catalog.lang) if day else "")

    @on(Input.Submitted, "#snooze-when")
    @on(Button.Pressed, "#snooze-ok")
    def action_ok(self) -> None:
        ui = self.app.catalog.ui
        day = self._parsed()
        echo = self.query_one("#snooze-echo", Static)
        if day is None:
            echo.update(ui("reminders.snooze_unknown"))
        elif day < self.app.today():
            echo.update(ui("reminders.snooze_past"))
        else:
            self.dismiss(day)

    @on(Button.Pressed, "#snooze-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class RemindersScreen(TableScreen):
    """All reminders in one list; mark done, snooze, open where they came from, export."""

    TITLE_KEY = "reminders.title"

    TABLE_ID = "reminders-table"
    BINDINGS = [
        Binding("escape", "back", "reminders.key_back", id="reminders.back"),
        Binding("space,d", "toggle_done", "reminders.key_done", id="reminders.done"),
        Binding("z", "snooze", "reminders.key_snooze", id="reminders.snooze"),
        Binding("o", "open_session", "reminders.key_session", id="reminders.session"),
        Binding("e", "export", "reminders.key_export", id="reminders.export"),
        Binding("a", "toggle_show_done", "reminders.key_show_done", id="reminders.show_done"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_done = True
        self._summaries: list[Summary] = []
        self._drawn_room: int | None = None
        self._client_room = 0  # the widest client name in the list, at most CLIENT_MOST

    def compose(self) -> ComposeResult:
        ui = self.app.catalog.ui
        yield Header()
        yield Static(ui("reminders.lead"), id="reminders-lead")
        yield Static(id="reminders-counts")
        table: PagedTable[ReminderRow] = PagedTable(id="reminders-table")
        for column in ("due", "state", "what", "client"):
            table.add_column(ui(f"reminders.col_{column}"), key=column)
        yield table
        yield Static(id="reminders-whole")
        yield Static(ui("reminders.none"), id="reminders-empty")
        yield Footer(show_command_palette=False)

    def reload(self, keep: str | None = None) -> None:
        today = self.app.today()
        self._summaries = self.app.store.summaries()
        every = reminder_rows(self._summaries, today)
        rows = every if self.show_done else [r for r in every if r.state != "done"]
        current = self.table.item_at_cursor()
        self._client_room = min(CLIENT_MOST, max(
            (cell_len(shown(r.summary.client) or self.app.catalog.ui("app.no_client"))
             for r in rows), default=0))
        self._drawn_room = self._what_room()
        self.table.show(rows, self._cells, lambda r: r.key,
                        keep=keep or (current.key if current else None))
        counts = {state: sum(1 for r in every if r.state == state) for state in STATES}
        self.query_one("#reminders-counts", Static).update(
            self.app.catalog.ui("reminders.counts", **counts))
        self.query_one("#reminders-empty").display = not every
        self.table.display = bool(rows)
        self._show_whole()

    def _what_room(self) -> int | None:
        """Cells left for the reminder's words once the date, the state and the client
        (at most CLIENT_MOST) are shown whole; None before the screen has a size."""
        # The screen's width less the table's margins: the table itself has no size yet
        # on the first reload.
        if not self.size.width:
            return None
        width = self.size.width - self.table.styles.margin.width
        ui = self.app.catalog.ui
        lang = self.app.catalog.lang
        # The widest date a row can show: the longest month's short name, with a year.
        due = max(cell_len(ui("reminders.col_due")),
                  *(cell_len(f"{format_short(date(2000, month, 28), lang)} 2000")
                    for month in range(1, 13)))
        state = max(cell_len(ui(f"reminders.{s}")) for s in (*STATES, "col_state"))
        client = max(cell_len(ui("reminders.col_client")), self._client_room)
        # Each of the four columns has one cell of padding on each side; then the scrollbar.
        return max(WHAT_LEAST, width - due - state - client - 4 * 2 - 2)

    def on_resize(self, event: Resize) -> None:
        # The base class's handler runs too (Textual calls each class's own). The rows are
        # drawn again only when the room for the reminder's words changed.
        if self._what_room() != self._drawn_room:
            current = self.table.item_at_cursor()
            self.reload(keep=current.key if current else None)

    @on(DataTable.RowHighlighted, "#reminders-table")
    def _show_whole(self, event: DataTable.RowHighlighted | None = None) -> None:
        """Under the list, the highlighted reminder in full when its row had to cut it."""
        whole = self.query_one("#reminders-whole", Static)
        row = self.table.item_at_cursor()
        if row is None:
            whole.display = False
            return
        what = shown(reminder_text(row.reminder, self.app.catalog))
        client = shown(row.summary.client) or self.app.catalog.ui("app.no_client")
        room = self._what_room()
        cut = (room is not None and cell_len(what) > room) or cell_len(client) > CLIENT_MOST
        whole.display = cut
        if cut:
            whole.update(Text(f"{what} · {client}"))

    def _cells(self, row: ReminderRow) -> tuple[Text, ...]:
        ui = self.app.catalog.ui
        lang = self.app.catalog.lang
        if row.day is None:
            day = str(row.reminder.get("due", "?"))
        else:
            day = format_short(row.day, lang)
            if row.day.year != self.app.today().year:
                day += f" {row.day.year}"
        style = {"overdue": "bold", "today": "bold", "upcoming": "", "done": "dim strike"}[row.state]
        state_style = {"overdue": "bold red", "today": "bold", "upcoming": "", "done": "dim"}
        what = Text(shown(reminder_text(row.reminder, self.app.catalog)), style=style)
        room = self._what_room()
        if room is not None:
            what.truncate(room, overflow="ellipsis")
        client = Text(shown(row.summary.client) or ui("app.no_client"),
                      style="dim" if row.state == "done" else "")
        client.truncate(CLIENT_MOST, overflow="ellipsis")
        return (Text(day, style="dim" if row.state == "done" else ""),
                Text(ui(f"reminders.{row.state}"), style=state_style[row.state]),
                what, client)

    # -- changing a reminder ---------------------------------------------------------------
    def _change(self, change: Any) -> None:
        row = self.table.item_at_cursor()
        if row is None:
            return
        try:
            session = self.app.store.get(row.summary.id)
        except (SessionNotFound, StoreError):
            self.notify(self.app.catalog.ui("reminders.gone"), severity="warning")
            self.reload()
            return
        reminder = find_reminder(session, row)
        if reminder is None:
            self.reload()
            return
        message = change(reminder)
        if self.app.persist(session):
            self.notify(message)
            self.reload(keep=row.key)

    def action_toggle_done(self) -> None:
        ui = self.app.catalog.ui

        def toggle(reminder: dict[str, Any]) -> str:
            reminder["done"] = not reminder.get("done")
            key = "reminders.marked_done" if reminder["done"] else "reminders.marked_open"
            return ui(key, what=shown_markup(reminder_text(reminder, self.app.catalog)))

        self._change(toggle)

    def action_snooze(self) -> None:
        row = self.table.item_at_cursor()
        if row is None:
            return
        ui = self.app.catalog.ui

        def chosen(day: date | None) -> None:
            if day is None:
                return

            def move(reminder: dict[str, Any]) -> str:
                reminder["due"] = day.isoformat()
                reminder["done"] = False
                return ui("reminders.snoozed", what=shown_markup(reminder_text(reminder, self.app.catalog)),
                          due=format_short(day, self.app.catalog.lang))

            self._change(move)

        self.app.push_screen(SnoozeModal(reminder_text(row.reminder, self.app.catalog)), chosen)

    @on(DataTable.RowSelected, "#reminders-table")
    def _row_selected(self) -> None:
        """A due check-in opens its questions; any other reminder opens its session."""
        row = self.table.item_at_cursor()
        if row is None:
            return
        if is_checkin(row.reminder) and not row.reminder.get("done"):
            session = self._session(row)
            if session is not None:
                from tui.screens.checkin import CheckinModal

                self.app.push_screen(CheckinModal(session, str(row.reminder["id"])),
                                     lambda saved: self.reload(keep=row.key))
            return
        self.action_open_session()

    def action_open_session(self) -> None:
        row = self.table.item_at_cursor()
        session = self._session(row) if row else None
        if session is not None:
            self.app.open_session_read_only(session)

    def _session(self, row: ReminderRow) -> Session | None:
        try:
            return self.app.store.get(row.summary.id)
        except (SessionNotFound, StoreError):
            self.notify(self.app.catalog.ui("reminders.gone"), severity="warning")
            self.reload()
            return None

    def action_export(self) -> None:
        from tui.screens.export import ExportModal

        self.app.push_screen(ExportModal(self._summaries, formats=("ics",)))

    def action_toggle_show_done(self) -> None:
        self.show_done = not self.show_done
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()
