"""The decision: keep, last attempt, or part, with the reason in the user's words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from content.flows import Field
from content.flows.drop import verdict_of
from tui.screens.drop.form import DropFormStep


class DecisionStep(DropFormStep):
    """The decision, with the verdict shown as a suggestion; no last attempt after a
    deal-breaker."""

    def compose_header(self) -> ComposeResult:
        yield from super().compose_header()
        kind = verdict_of(self.answers).kind
        yield Static(self.catalog.ui("drop.verdict_suggested",
                                     verdict=self.catalog.ui(f"drop.verdict_label_{kind}")),
                     classes="verdict-suggested", id="verdict-suggested")

    def _options(self, field: Field) -> dict[str, str]:
        options = super()._options(field)
        if field.id == "decision" and not verdict_of(self.answers).last_attempt_allowed:
            options.pop("last_attempt", None)
        return options

    def problem(self) -> str | None:
        if self.data.get("decision") not in self._options(self.step.fields[0]):
            return self.catalog.ui("drop.decision_needed")
        return None
