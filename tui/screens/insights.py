"""`InsightsScreen`: patterns across every session, as bar charts with the numbers beside them.

The sessions are read in a background thread (thousands take a fraction of a second, but the
screen should never wait for them); the charts appear when they are ready.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from content.insights import Count, Insights, Tally, flag_label, outcome_text, summarize
from store import Session
from tui.footer import Footer
from tui.i18n import translate_bindings
from tui.safe_text import shown
from tui.screens import styles
from tui.screens.base import PartingScreen
from tui.widgets.bar_chart import Bar, BarChart

SHOWN_CLIENTS = 3
TOP = 12  # bars per chart; the rest would only be noise at the bottom


class InsightsScreen(PartingScreen):
    """Red flags that recur and with whom, reasons for leaving, decisions and how they aged."""

    TITLE_KEY = "insights.title"

    CSS_PATH = styles("insights")

    BINDINGS = [
        Binding("escape", "back", "insights.key_back", id="insights.back"),
        Binding("f5,ctrl+r", "refresh", "insights.key_refresh", id="insights.refresh"),
    ]

    def compose(self) -> ComposeResult:
        ui = self.app.catalog.ui
        yield Header()
        with VerticalScroll(id="insights-body"):
            yield Static(ui("insights.lead"), id="insights-lead")
            yield Static(id="insights-status")
            for section in ("flags", "reasons", "decisions", "turned_out", "came_back",
                            "referrals", "repeat"):
                yield Static(ui(f"insights.{section}"), classes="section-title",
                             id=f"insights-{section}-title")
                yield Static(classes="insights-empty", id=f"insights-{section}-empty")
                yield BarChart(id=f"insights-{section}")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        self.query_one("#insights-body").focus()
        self.action_refresh()

    def action_refresh(self) -> None:
        count = self.app.store.count()
        self._show_sections(False)
        self.query_one("#insights-status", Static).update(
            self.app.catalog.ui("insights.reading", n=count) if count
            else self.app.catalog.ui("insights.empty"))
        if count:
            self._gather()

    @work(thread=True, exclusive=True, group="insights")
    def _gather(self) -> None:
        sessions: list[Session] = list(self.app.store.sessions())
        found = summarize(sessions)
        self.app.call_from_thread(self.show, found)

    def _show_sections(self, visible: bool) -> None:
        for widget in self.query(".section-title, .insights-empty, BarChart"):
            widget.display = visible

    def show(self, found: Insights) -> None:
        """Draw the charts for `found`."""
        ui = self.app.catalog.ui
        status = self.query_one("#insights-status", Static)
        if not found.sessions:
            status.update(ui("insights.empty"))
            return
        status.update(ui("insights.sessions", n=found.sessions, dropped=found.dropped,
                         drop=found.drop))
        self._show_sections(True)
        catalog = self.app.catalog
        self._chart("flags", [self._count_bar(c, flag_label(catalog, c.key), with_clients=True)
                              for c in found.flags[:TOP]], "flags_none")
        self._chart("reasons", [self._count_bar(c, outcome_text(catalog, "dropped", c.key))
                                for c in found.reasons[:TOP]], "reasons_none")
        self._chart("decisions", [self._count_bar(c, outcome_text(catalog, "drop", c.key))
                                  for c in found.decisions[:TOP]], "decisions_none")
        self._chart("turned_out", [self._tally_bar(t, self._decision(t.key))
                                   for t in found.right_call[:TOP]], "turned_out_none")
        self._chart("came_back", [self._tally_bar(found.came_back, "")]
                    if found.came_back.total else [], "followups_none")
        self._chart("referrals", [self._tally_bar(found.referrals, "")]
                    if found.referrals.total else [], "followups_none")
        self._chart("repeat", [self._count_bar(c, shown(c.key)) for c in found.repeat_clients[:TOP]],
                    "repeat_none")

    def _decision(self, key: str) -> str:
        if not key:
            return self.app.catalog.ui("insights.no_outcome")
        return outcome_text(self.app.catalog, "drop", key)

    def _chart(self, section: str, bars: list[Bar], empty_key: str) -> None:
        self.query_one(f"#insights-{section}", BarChart).update(bars)
        self.query_one(f"#insights-{section}", BarChart).display = bool(bars)
        empty = self.query_one(f"#insights-{section}-empty", Static)
        empty.update(self.app.catalog.ui(f"insights.{empty_key}"))
        empty.display = not bars

    def _count_bar(self, count: Count, label: str, with_clients: bool = False) -> Bar:
        note = ""
        if with_clients and count.clients:
            ui = self.app.catalog.ui
            first = ", ".join(shown(c) for c in count.clients[:SHOWN_CLIENTS])
            rest = len(count.clients) - SHOWN_CLIENTS
            names = ui("insights.more_clients", shown=first, n=rest) if rest > 0 else first
            one = len(count.clients) == 1
            note = ui("insights.with_client" if one else "insights.with_clients", clients=names)
        return Bar(label, (count.count,), note=note)

    def _tally_bar(self, tally: Tally, label: str) -> Bar:
        ui = self.app.catalog.ui
        legend = tuple(f"{value} {ui(f'insights.{name}')}" for name, value in
                       (("yes", tally.yes), ("no", tally.no), ("unsure", tally.unsure)))
        return Bar(label, (tally.yes, tally.no, tally.unsure), legend=legend)

    def action_back(self) -> None:
        self.app.pop_screen()
