"""`SessionViewScreen`: one past session as a readable page, with Resume, Export and Delete.

Deleting asks first (`ConfirmDeleteModal` names the session) and keeps the session in the
app's trash, so `u` in History brings it back until parting closes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Header, Markdown, Static

from content.checkins import open_checkins
from content.date_format import format_date
from store import Session, SessionNotFound, StoreError
from tui.footer import Footer
from tui.i18n import translate_bindings
from tui.safe_text import shown, shown_markup
from tui.screens import styles
from tui.screens.base import PartingScreen
from tui.store_text import explain
from tui.trash import trash_for


def session_name(app: App, session: Any) -> str:
    """"“Should I drop them?: Acme” from 12 November 2026", for confirmations and notices."""
    catalog = app.catalog
    flow_key = f"home.{session.flow}_title"
    try:
        day = format_date(date.fromisoformat(str(session.created_at)[:10]), catalog.lang,
                          with_weekday=False)
    except ValueError:
        day = str(session.created_at)[:10]
    return catalog.ui("history.session_name",
                      flow=catalog.ui(flow_key) if catalog.has_ui(flow_key) else session.flow,
                      client=shown_markup(session.client) or catalog.ui("app.no_client"),
                      date=day)


class ConfirmDeleteModal(ModalScreen[bool]):
    """Asks before a session is deleted, naming it; "Keep it" has the focus."""

    CSS_PATH = styles("modals")

    BINDINGS = [
        Binding("escape,n", "keep", "history.confirm_keep", id="confirm.keep"),
        Binding("y", "delete", "history.confirm_delete", id="confirm.delete"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.session_label = name

    def compose(self) -> ComposeResult:
        ui = self.app.catalog.ui
        with Vertical(id="confirm-box"):
            yield Static(ui("history.confirm_title"), classes="modal-title")
            yield Static(ui("history.confirm_body", name=self.session_label), id="confirm-body")
            with Horizontal(classes="modal-buttons"):
                yield Button(ui("history.confirm_keep"), id="confirm-keep")
                yield Button(ui("history.confirm_delete"), id="confirm-delete", variant="error")

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        self.query_one("#confirm-keep", Button).focus()

    @on(Button.Pressed, "#confirm-delete")
    def action_delete(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-keep")
    def action_keep(self) -> None:
        self.dismiss(False)


def confirm_and_delete(app: App, session: Any, then: Callable[[], None]) -> None:
    """Ask, then delete the session (kept in the trash for undo) and call `then`."""
    name = session_name(app, session)

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        try:
            removed = app.store.delete(session.id)
        except SessionNotFound:
            app.notify(app.catalog.ui("history.gone"), severity="warning")
        except StoreError as error:
            app.notify(explain(app.catalog, error), severity="error", timeout=10, markup=False)
            return
        else:
            trash_for(app).put(removed)
            app.notify(app.catalog.ui("history.deleted", name=name), timeout=10)
        then()

    app.push_screen(ConfirmDeleteModal(name), answered)


def undo_last_delete(app: App) -> Session | None:
    """Save back the session deleted last in this run; None if there is none."""
    trash = trash_for(app)
    session = trash.take()
    if session is None:
        app.notify(app.catalog.ui("history.nothing_to_undo"), severity="warning")
        return None
    try:
        app.store.save(session, touch=False)
    except StoreError as error:
        trash.put(session)
        app.notify(explain(app.catalog, error), severity="error", timeout=10, markup=False)
        return None
    app.notify(app.catalog.ui("history.restored", name=session_name(app, session)))
    return session


def open_export(app: App, sessions: Sequence[Session]) -> None:
    """Ask where to write `sessions` (Markdown or JSON), then write them."""
    from tui.screens.export import ExportModal

    app.push_screen(ExportModal(sessions, formats=("md", "json")))


class SessionViewScreen(PartingScreen):
    """A session, read-only, as the Markdown page an export would write."""

    CSS_PATH = styles("session_view")

    BINDINGS = [
        Binding("escape", "back", "history.view_back", id="view.back"),
        Binding("r", "resume", "history.view_resume", id="view.resume"),
        Binding("c", "checkin", "history.view_checkin", id="view.checkin"),
        Binding("m", "export('md')", "history.view_export_md", id="view.export_md"),
        Binding("j", "export('json')", "history.view_export_json", id="view.export_json"),
        Binding("x,delete", "delete", "history.view_delete", id="view.delete"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(classes="session-view")
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="view-notice")
        with VerticalScroll(id="view-body"):
            yield Markdown(id="view-page", classes="session-page")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        self.show()
        self.query_one("#view-body").focus()

    def on_screen_resume(self) -> None:
        try:
            self.session = self.app.store.get(self.session.id)
        except (SessionNotFound, StoreError):
            return
        self.show()

    def show(self) -> None:
        """Draw the page from the session as it is now."""
        from tui.exports import session_document

        self.query_one("#view-page", Markdown).update(
            shown(session_document(self.session, self.app.catalog)))
        notice = self.query_one("#view-notice", Static)
        waiting = bool(open_checkins(self.session, self.app.today()))
        notice.update(self.app.catalog.ui("history.checkin_due") if waiting else "")
        notice.display = waiting
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self.session.status != "done"
        if action == "checkin":
            return bool(open_checkins(self.session, self.app.today()))
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_resume(self) -> None:
        self.app.pop_screen()
        self.app.open_session(self.session)

    def action_checkin(self) -> None:
        from tui.screens.checkin import CheckinModal

        waiting = open_checkins(self.session, self.app.today())
        if waiting:
            self.app.push_screen(CheckinModal(self.session, str(waiting[0]["id"])),
                                 lambda saved: self.show())

    def action_export(self, fmt: str) -> None:
        from tui.screens.export import ExportModal

        self.app.push_screen(ExportModal([self.session], formats=(fmt,)))

    def action_delete(self) -> None:
        confirm_and_delete(self.app, self.session, self._deleted)

    def _deleted(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()
