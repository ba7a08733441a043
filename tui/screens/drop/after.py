"""After: what this teaches about which clients fit, and the reminders that follow."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from content.dates import format_date
from content.reminders import due_date, reminder_text
from tui.screens.drop.form import DropFormStep


class AfterStep(DropFormStep):
    """The lessons, then the reminders this session has set so far, updated as dates change."""

    def compose_body(self) -> ComposeResult:
        yield from super().compose_body()
        yield Static(self.item.get("reminders_title"), classes="section-title")
        yield Static(self.reminder_text(), id="after-reminders")

    def reminder_text(self) -> str:
        """One line per reminder the answers ask for, with its date."""
        if self.flow.reminders is None:
            return ""
        wanted = sorted(self.flow.reminders(self._merged(), self.catalog, self.today),
                        key=lambda r: str(r.get("due", "")))
        lines = []
        for reminder in wanted:
            day = due_date(reminder)
            due = format_date(day, self.catalog.lang) if day else reminder.get("due", "")
            lines.append("• " + self.catalog.ui("drop.reminder_line", due=due,
                                                what=reminder_text(reminder, self.catalog)))
        return "\n".join(lines) or str(self.item.get("no_reminders"))

    def on_input_changed(self, event) -> None:  # noqa: ANN001 - Textual message
        self.call_after_refresh(self._show_reminders)

    def _show_reminders(self) -> None:
        for shown in self.query("#after-reminders").results(Static):
            shown.update(self.reminder_text())
