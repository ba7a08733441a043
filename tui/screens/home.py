"""`HomeScreen`: start a flow, pick up an unfinished session, see what is due."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from content.reminders import due_reminders, reminder_line
from store import StoreError, Summary
from tui.footer import Footer
from tui.i18n import translate_bindings
from tui.reminder_list import session_line
from tui.safe_text import shown
from tui.screens.base import PartingScreen

RECENT = 8
NARROW = 80  # columns below which the lists stack


class HomeScreen(PartingScreen):
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

    def __init__(self) -> None:
        super().__init__()
        self._fresh = True

    def compose(self) -> ComposeResult:
        catalog = self.app.catalog
        # Before the footer is built, so it is drawn once, in the user's language.
        translate_bindings(self, catalog)
        yield Header()
        with VerticalScroll(id="home-body"):
            yield Static(catalog.ui("home.welcome"), id="home-welcome")
            yield OptionList(
                Option(self._flow_prompt("dropped"), id="dropped"),
                None,
                Option(self._flow_prompt("drop"), id="drop"),
                id="home-flows",
            )
            # Filled here, so the first frame is drawn once with everything in it.
            unfinished, due, recent = self._lists()
            with Horizontal(id="home-lists", classes=self._layout_class(self.app.size.width)):
                with Vertical(classes="home-column"):
                    yield Static(catalog.ui("home.unfinished"), classes="section-title")
                    yield self._list("home-unfinished", unfinished)
                    yield Static(catalog.ui("home.due"), classes="section-title")
                    # Reminder lines carry clients' names: plain text, never markup.
                    yield Static(due, id="home-due", markup=False)
                with Vertical(classes="home-column"):
                    yield Static(catalog.ui("home.recent"), classes="section-title")
                    yield self._list("home-recent", recent)
        yield Footer(show_command_palette=False)

    @staticmethod
    def _layout_class(width: int) -> str:
        return "narrow" if width < NARROW else ""

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#home-lists").set_class(event.size.width < NARROW, "narrow")
        # Laid out in a window too small for it, home scrolled to keep the flows in view; a
        # window made larger again shows it from the top, welcome line included.
        flows = self.query_one("#home-flows", OptionList)
        if self.focused is None or self.focused is flows:
            self.query_one("#home-body", VerticalScroll).scroll_home(animate=False)

    def _flow_prompt(self, flow: str) -> Text:
        catalog = self.app.catalog
        text = Text()
        text.append(catalog.ui(f"home.{flow}_title"), style="bold")
        text.append("\n")
        text.append(catalog.ui(f"home.{flow}_explain"), style="dim")
        return text

    def on_mount(self) -> None:
        self.query_one("#home-flows", OptionList).focus()

    async def rebuild(self) -> None:
        """Build home again in the app's language of now (it changed), focused as at start."""
        await self.recompose()
        self.query_one("#home-flows", OptionList).focus()

    def on_screen_resume(self) -> None:
        if self._fresh:  # composed a moment ago, for the first showing
            self._fresh = False
            return
        self.refresh_lists()

    def on_screen_suspend(self) -> None:
        self._fresh = False  # covered (a flow opened at start): read the store on return

    def refresh_lists(self) -> None:
        """Re-read the store: a session may have been saved, finished or imported meanwhile."""
        unfinished, due, recent = self._lists()
        for list_id, options in (("#home-unfinished", unfinished), ("#home-recent", recent)):
            option_list = self.query_one(list_id, OptionList)
            option_list.clear_options()
            option_list.add_options(options)
        self.query_one("#home-due", Static).update(due)

    def _lists(self) -> tuple[list[Option], str, list[Option]]:
        """The unfinished sessions, the due reminders' text and the recent sessions."""
        catalog = self.app.catalog
        # The digest, not every summary: home costs the same with 100 sessions or 100,000.
        digest = self.app.store.digest()
        unfinished_options = self._options(digest.unfinished[:RECENT], "home.none_unfinished")
        if digest.unfinished_count > RECENT:  # the rest are one key away, in History
            unfinished_options.append(Option(
                Text(catalog.ui("history.more_in_history", n=digest.unfinished_count - RECENT),
                     style="dim"), disabled=True))
        today = self.app.today()
        due = due_reminders(digest.reminding, today)
        lines = [reminder_line(catalog, r, s.client, today) for s, r in due[:6]]
        if len(due) > 6:
            lines.append(catalog.ui("home.more_due", n=len(due) - 6))
        due_text = shown("\n".join(lines)) if lines else catalog.ui("home.none_due")
        return unfinished_options, due_text, self._options(digest.recent[:RECENT],
                                                           "home.none_recent")

    @staticmethod
    def _list(list_id: str, options: list[Option]) -> OptionList:
        # Options added after construction: nothing is highlighted until the list is focused.
        option_list = OptionList(id=list_id)
        option_list.add_options(options)
        return option_list

    def _options(self, summaries: list[Summary], empty_key: str) -> list[Option]:
        if not summaries:
            return [Option(Text(self.app.catalog.ui(empty_key), style="dim"), disabled=True)]
        return [Option(session_line(self.app.catalog, summary), id=summary.id)
                for summary in summaries]

    @on(OptionList.OptionSelected, "#home-flows")
    def _start(self, event: OptionList.OptionSelected) -> None:
        self.app.start_flow(event.option.id or "dropped")

    @on(OptionList.OptionSelected, "#home-unfinished, #home-recent")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        try:
            session = self.app.store.get(event.option.id)
        except StoreError as error:  # gone, damaged, or there but unreadable: say which
            from tui.store_text import explain

            self.notify(explain(self.app.catalog, error), severity="warning", markup=False)
            self.refresh_lists()
            return
        if session.status == "done":
            self.app.open_session_read_only(session)
        else:
            self.app.open_session(session)
