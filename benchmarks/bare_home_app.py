"""A second yardstick: plain Textual drawing what parting's home screen shows, nothing else.

The same widgets in the same places with the same rules (a header; a welcome line; the two
flows as a two-line option list; eight unfinished and eight recent sessions as option lists;
six due reminders; a footer of eight keys), filled with made-up lines. No parting code, no
data folder. Its start-up against `bare_app.py` is what the home screen's content costs in
Textual alone; parting against it is what parting's own code adds.
"""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

MARKER = "Newest Client Ltd"

CSS = """
#home-body { padding: 1 2; }
#home-welcome { color: $text-muted; margin-bottom: 1; }
#home-flows { height: auto; border: round $primary; margin-bottom: 1; }
#home-lists { height: auto; }
.home-column { width: 1fr; height: auto; margin-right: 1; }
.home-column OptionList { height: auto; max-height: 10; border: none; }
.section-title { text-style: bold; color: $accent; margin-top: 1; }
#home-due { height: auto; padding: 0 1; }
"""


def session_lines(count: int, first: str) -> list[Option]:
    names = [first] + [f"Client {n:03d}" for n in range(1, count)]
    return [Option(f"23 Nov 2026  {name}\nwas dropped  unfinished", id=f"s{n}")
            for n, name in enumerate(names)]


class BareHomeApp(App[None]):
    """Home's widgets and rules in plain Textual."""

    CSS = CSS
    # One action per key: Textual's footer shows one key per action, so eight keys bound to
    # the same action would draw a footer of two.
    BINDINGS = [
        Binding("d", "nothing('d')", "I was dropped"),
        Binding("s", "nothing('s')", "Should I drop them?"),
        Binding("h", "nothing('h')", "History"),
        Binding("r", "nothing('r')", "Reminders"),
        Binding("i", "nothing('i')", "Patterns"),
        Binding("f1", "nothing('f1')", "Help"),
        Binding("ctrl+p", "nothing('palette')", "Commands"),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def action_nothing(self, key: str) -> None:
        """Every key but quit does nothing: only what is drawn is measured."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home-body"):
            yield Static("Pick what is happening. Everything you type is kept as you go.",
                         id="home-welcome")
            yield OptionList(
                Option("I was dropped\nA client has just ended the work.", id="dropped"),
                None,
                Option("Should I drop them?\nA client is draining you.", id="drop"),
                id="home-flows",
            )
            with Horizontal(id="home-lists"):
                with Vertical(classes="home-column"):
                    yield Static("Unfinished", classes="section-title")
                    yield OptionList(*session_lines(8, MARKER), Option("92 more in history",
                                                                        disabled=True))
                    yield Static("Due", classes="section-title")
                    yield Static("\n".join(f"Due 2{n} Nov: call back about the referral "
                                           f"(Client {n:03d})" for n in range(6)),
                                 id="home-due", markup=False)
                with Vertical(classes="home-column"):
                    yield Static("Recent", classes="section-title")
                    yield OptionList(*session_lines(8, MARKER))
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#home-flows", OptionList).focus()


if __name__ == "__main__":
    BareHomeApp().run()
