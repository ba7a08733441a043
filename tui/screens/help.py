"""`HelpModal`: what parting is for, and every key, in the user's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from tui.footer import Footer
from tui.i18n import translate_bindings
from tui.screens import styles


class HelpModal(ModalScreen[None]):
    """The help page; escape, F1 or q closes it."""

    CSS_PATH = styles("help")

    BINDINGS = [Binding("escape,f1,q", "dismiss", "app.close", id="help.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(self.app.catalog.ui("help.body"))
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        self.refresh_bindings()

    def action_dismiss(self) -> None:
        self.dismiss()
