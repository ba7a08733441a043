"""The verdict step: where the relationship stands, why, and what ending would cost."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from content.flows.drop import verdict_of
from content.verdict import DEALBREAKERS, Verdict, income_at_stake
from tui.widgets.step import StepWidget

BIG_SHARE = 30.0  # percent of income above which ending needs a plan to replace it


class VerdictStep(StepWidget):
    """Shows the verdict computed from the red flags and the self-check (nothing to answer).

    The verdict is stored with the step (`verdict`, `_markdown`) so the summary and the
    history show what the user saw.
    """

    def compose_body(self) -> ComposeResult:
        verdict = verdict_of({**self.answers})
        text = self.catalog.item(f"drop.verdict.{verdict.kind}")
        with Vertical(classes=f"verdict-card verdict-{verdict.kind}", id="verdict-card"):
            yield Static(text.get("title"), classes="verdict-title", id="verdict-title")
            yield Static(text.get("text"), classes="verdict-text")
            if verdict.legal_help:
                yield Static(text.get("legal"), classes="verdict-legal", id="verdict-legal")
        yield Static(self.item.get("why"), classes="section-title")
        yield Static("\n".join(self.reason_lines(verdict)) or self.item.get("nothing_seen"),
                     id="verdict-reasons")
        yield Static(self.item.get("cost_title"), classes="section-title")
        yield Static("\n\n".join(self.cost_lines()), id="verdict-cost")

    def reason_lines(self, verdict: Verdict) -> list[str]:
        """The flags that weigh most, deal-breakers first, each with how often it happens."""
        flags = self.answers.get("flags") or {}
        lines = []
        for name in verdict.reasons:
            title = self.catalog.item(f"drop_flags.{name}").get("title")
            if name in DEALBREAKERS:
                lines.append("• " + self.catalog.ui("drop.verdict_dealbreaker_line", title=title))
            else:
                often = (flags.get(name) or {}).get("often") or "sometimes"
                lines.append("• " + self.catalog.ui("drop.verdict_flag_line", title=title,
                                                    often=self.catalog.ui(f"drop.frequency_{often}")))
        return lines

    def cost_lines(self) -> list[str]:
        """What ending would cost: the client's share of income, and a word if it is big."""
        client = self.answers.get("client") or {}
        share = income_at_stake(client.get("income_share"))
        if share is None:
            return [self.catalog.ui("drop.cost_unknown")]
        from decimal import Decimal

        from content.money import format_number

        written = format_number(Decimal(f"{share:g}"), self.catalog.lang)
        lines = [self.catalog.ui("drop.cost_share", share=written)]
        if share >= BIG_SHARE:
            lines.append(self.catalog.ui("drop.cost_big"))
        return lines

    def on_mount(self) -> None:
        verdict = verdict_of({**self.answers})
        text = self.catalog.item(f"drop.verdict.{verdict.kind}")
        parts = [f"**{text.get('title')}**", "", str(text.get("text"))]
        if verdict.legal_help:
            parts += ["", str(text.get("legal"))]
        reasons = self.reason_lines(verdict)
        if reasons:
            parts += ["", f"**{self.item.get('why')}**", "",
                      *(line.replace("• ", "- ", 1) for line in reasons)]
        parts += ["", f"**{self.item.get('cost_title')}**", "", *self.cost_lines()]
        markdown = "\n".join(parts)
        if self.data.get("verdict") != verdict.kind or self.data.get("_markdown") != markdown:
            self.data["_markdown"] = markdown
            self.set_answer("verdict", verdict.kind)
