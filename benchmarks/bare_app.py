"""The yardstick: the smallest Textual app with a header, one line of text and a footer."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

MARKER = "A bare Textual app is ready"


class BareApp(App[None]):
    """Header, Static, Footer: what any Textual app pays before it does anything."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(MARKER)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
