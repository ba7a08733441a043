"""Steps that draft a message: the form, with a gentle word when it is still very early."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from content.flows.dropped import too_soon
from tui.widgets.step import FormStep


class DraftStep(FormStep):
    """A form with drafts; within a few minutes of starting it suggests waiting to send."""

    def compose_body(self) -> ComposeResult:
        session = getattr(self.screen, "session", None)
        if session is not None and too_soon(session.created_at, self.app.now()):
            yield Static(self.catalog.ui("dropped.too_soon"), classes="gentle-notice")
        yield from super().compose_body()
