"""`HomeScreen`: start a flow, pick up an unfinished session, see what is due."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from content.reminders import due_reminders, reminder_line
from store import Summary
from tui.i18n import translate_bindings
from tui.reminder_list import session_line
from tui.safe_text import shown

RECENT = 8


class HomeScreen(Screen):
    """The first screen: the two flows, unfinished sessions, due reminders, recent sessions."""

    # `d` and `s` act before the key goes anywhere else (home has no field to type into):
    # letters typed right after them then reach the flow that opens, not the lists here.
    BINDINGS = [
        Binding("d", "app.dropped", "home.key_dropped", id="home.dropped", priority=True),
        Binding("s", "app.drop", "home.key_drop", id="home.drop", priority=True),
        Binding("h", "app.history", "home.key_history", id="home.history"),
        Binding("r", "app.reminders", "home.key_reminders", id="home.reminders"),
        Binding("i", "app.insights", "home.key_insights", id="home.insights"),
        Binding("question_mark", "app.help", "app.help", id="home.help", show=False),
        Binding("q", "app.quit", "app.quit", id="home.quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        catalog = self.app.catalog
        yield Header()
        with VerticalScroll(id="home-body"):
            yield Static(catalog.ui("home.welcome"), id="home-welcome")
            yield OptionList(
                Option(self._flow_prompt("dropped"), id="dropped"),
                None,
                Option(self._flow_prompt("drop"), id="drop"),
                id="home-flows",
            )
            with Horizontal(id="home-lists"):
                with Vertical(classes="home-column"):
                    yield Static(catalog.ui("home.unfinished"), classes="section-title")
                    yield OptionList(id="home-unfinished")
                    yield Static(catalog.ui("home.due"), classes="section-title")
                    # Reminder lines carry clients' names: plain text, never markup.
                    yield Static(id="home-due", markup=False)
                with Vertical(classes="home-column"):
                    yield Static(catalog.ui("home.recent"), classes="section-title")
                    yield OptionList(id="home-recent")
        yield Footer(show_command_palette=False)

    def _flow_prompt(self, flow: str) -> Text:
        catalog = self.app.catalog
        text = Text()
        text.append(catalog.ui(f"home.{flow}_title"), style="bold")
        text.append("\n")
        text.append(catalog.ui(f"home.{flow}_explain"), style="dim")
        return text

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        self.refresh_bindings()
        self.query_one("#home-flows", OptionList).focus()

    def on_screen_resume(self) -> None:
        # Also the first time the screen is shown, so the lists are filled once at start.
        self.refresh_lists()

    def refresh_lists(self) -> None:
        """Re-read the store: a session may have been saved, finished or imported meanwhile."""
        catalog = self.app.catalog
        summaries: list[Summary] = self.app.store.summaries()
        unfinished = [s for s in summaries if s.status != "done"]
        self._fill(self.query_one("#home-unfinished", OptionList), unfinished[:RECENT],
                   catalog.ui("home.none_unfinished"))
        if len(unfinished) > RECENT:  # the rest are one key away, in History
            self.query_one("#home-unfinished", OptionList).add_option(Option(
                Text(catalog.ui("history.more_in_history", n=len(unfinished) - RECENT),
                     style="dim"), disabled=True))
        self._fill(self.query_one("#home-recent", OptionList), summaries[:RECENT],
                   catalog.ui("home.none_recent"))
        due = due_reminders(summaries, self.app.today())
        lines = [reminder_line(catalog, r, s.client, self.app.today()) for s, r in due[:6]]
        if len(due) > 6:
            lines.append(catalog.ui("home.more_due", n=len(due) - 6))
        self.query_one("#home-due", Static).update(
            shown("\n".join(lines)) if lines else catalog.ui("home.none_due"))

    def _fill(self, options: OptionList, summaries: list[Summary], empty: str) -> None:
        options.clear_options()
        if not summaries:
            options.add_option(Option(Text(empty, style="dim"), disabled=True))
            return
        options.add_options([Option(session_line(self.app.catalog, summary), id=summary.id)
                             for summary in summaries])

    @on(OptionList.OptionSelected, "#home-flows")
    def _start(self, event: OptionList.OptionSelected) -> None:
        self.app.start_flow(event.option.id or "dropped")

    @on(OptionList.OptionSelected, "#home-unfinished, #home-recent")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        session = self.app.store.get(event.option.id)
        if session.status == "done":
            self.app.open_session_read_only(session)
        else:
            self.app.open_session(session)
