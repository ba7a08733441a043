"""The summary step: the whole session as one page, and an export to a Markdown file."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Markdown

from content.markdown import session_markdown
from store.atomic import write_atomic
from tui.i18n import translate_bindings
from tui.safe_text import shown
from tui.widgets.step import StepWidget


def export_path(folder: Path, client: str, day: date, taken: str | None = None) -> Path:
    """Where a session's Markdown goes: `parting-<client>-<day>.md` in `folder`.

    The same session exported again reuses `taken` (its earlier file); a different
    session never overwrites another's file: a number is added instead.
    """
    if taken and Path(taken).parent == folder:
        return Path(taken)
    slug = re.sub(r"[^\w]+", "-", client.casefold()).strip("-_") or "session"
    base = f"parting-{slug}-{day.isoformat()}"
    path = folder / f"{base}.md"
    number = 2
    while path.exists():
        path = folder / f"{base}-{number}.md"
        number += 1
    return path


class SummaryStep(StepWidget):
    """Everything typed, every draft and reminder, rendered; `ctrl+e` exports it."""

    BINDINGS = [
        Binding("ctrl+e", "export", "dropped.key_export", id="dropped.summary.export"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Markdown(shown(self.markdown()), id="summary-page")  # shown, never obeyed
        with Horizontal(id="summary-actions"):
            yield Button(self.catalog.ui("dropped.export"), id="summary-export")

    def on_mount(self) -> None:
        translate_bindings(self, self.catalog)
        self.screen.refresh_bindings()

    def focus_first(self) -> None:
        # Focus Export without scrolling to it: the summary is read from the top.
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
        path = export_path(Path.cwd(), session.client, self.app.today(),
                           self.data.get("exported_to"))
        try:
            write_atomic(path, self.markdown().encode("utf-8"), keep_backup=False)
        except OSError as error:
            self.app.notify(self.catalog.ui("dropped.export_failed", path=path,
                                             error=error.strerror or error),
                            severity="error", timeout=10)
            return
        self.set_answer("exported_to", str(path))
        self.app.notify(self.catalog.ui("dropped.exported", path=path), timeout=10)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "summary-export":
            event.stop()
            self.action_export()
