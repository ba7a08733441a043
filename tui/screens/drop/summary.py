"""The summary: the whole session on one page, and an export to a Markdown file."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Markdown

from content.markdown import session_markdown
from tui.exports import file_stem, write_private
from tui.i18n import translate_bindings
from tui.safe_text import shown
from tui.widgets.step import StepWidget


class DropSummaryStep(StepWidget):
    """Everything answered, every draft and reminder, rendered; `ctrl+e` exports it."""

    BINDINGS = [
        Binding("ctrl+e", "export", "drop.export_key", id="drop.summary.export"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Markdown(id="drop-summary-page")
        with Horizontal(classes="summary-actions"):
            yield Button(self.catalog.ui("drop.export_key"), id="drop-summary-export")

    def on_mount(self) -> None:
        translate_bindings(self, self.catalog)
        self.screen.refresh_bindings()
        self.query_one(Markdown).update(shown(self.markdown()))  # shown, never obeyed

    def focus_first(self) -> None:
        # Focus Export without scrolling to it: the summary is read from the top.
        self.query_one("#drop-summary-export", Button).focus(scroll_visible=False)

    def markdown(self) -> str:
        """The session as Markdown, from what is in memory right now."""
        session = getattr(self.screen, "session", None)
        if session is None:
            return ""
        return session_markdown(session.to_record(), self.catalog)

    def action_export(self) -> None:
        """Write the page to a Markdown file in the current folder and say where."""
        session = getattr(self.screen, "session", None)
        if session is None:
            return
        path = Path.cwd() / f"{file_stem(session, self.catalog)}.md"
        try:
            write_private(path, self.markdown().encode("utf-8"))
        except OSError as error:
            self.app.notify(self.catalog.ui("drop.export_failed", error=error.strerror or error),
                            severity="error", timeout=10)
            return
        self.app.notify(self.catalog.ui("drop.exported", path=path), timeout=10)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "drop-summary-export":
            event.stop()
            self.action_export()
