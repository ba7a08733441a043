"""`SummaryStep`: the last step of both flows, the whole session on one page, exportable."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Markdown

from content.markdown import session_markdown
from store.atomic import write_atomic
from tui.exports import export_path, file_stem, offer_download
from tui.i18n import translate_bindings
from tui.safe_text import shown
from tui.widgets.step import StepWidget


class SummaryStep(StepWidget):
    """Everything typed, every draft and reminder, rendered; `ctrl+e` exports it as Markdown.

    The file goes to the current folder, named like every other export
    (`2026-11-23-acme-dropped.md`). Exporting the same session again rewrites its own file;
    it never overwrites another file: a number is added to the name instead.
    """

    BINDINGS = [
        Binding("ctrl+e", "export", "flow.export", id="flow.summary.export"),
    ]
    REVEAL_FOCUS = False  # read from the top; Export has the focus wherever it sits

    def compose_body(self) -> ComposeResult:
        # Before anything can draw the footer, so its export key never shows a catalog key.
        translate_bindings(self, self.catalog)
        yield Markdown(shown(self.markdown()), id="summary-page", classes="session-page")  # shown, never obeyed
        with Horizontal(id="summary-actions"):
            yield Button(self.catalog.ui("flow.export"), id="summary-export")

    def on_mount(self) -> None:
        self.screen.refresh_bindings()

    def focus_first(self) -> None:
        self.query_one("#summary-export", Button).focus(scroll_visible=False)

    def markdown(self) -> str:
        """The session as Markdown, from what is in memory right now."""
        session = getattr(self.screen, "session", None)
        if session is None:
            return ""
        record = session.to_record()
        record["answers"] = {**record["answers"], self.step.id: dict(self.data)}
        return session_markdown(record, self.catalog)

    def action_export(self) -> None:
        """Write the page to a Markdown file in the current folder and say where."""
        session = getattr(self.screen, "session", None)
        if session is None:
            return
        if self.app.is_web:
            stem = file_stem(session, self.catalog)
            offer_download(self.app, self.markdown().encode("utf-8"), f"{stem}.md")
            return
        path = export_path(Path.cwd(), file_stem(session, self.catalog),
                           self.data.get("exported_to"))
        try:
            write_atomic(path, self.markdown().encode("utf-8"), keep_backup=False)
        except OSError as error:
            self.app.notify(self.catalog.ui("flow.export_failed", path=path,
                                             error=error.strerror or error),
                            severity="error", timeout=10)
            return
        self.set_answer("exported_to", str(path))
        self.app.notify(self.catalog.ui("flow.exported", path=path), timeout=10)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "summary-export":
            event.stop()
            self.action_export()
