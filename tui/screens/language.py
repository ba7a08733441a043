"""`LanguageModal`: choose the language parting speaks; the choice is remembered."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from content import LANGUAGES
from tui.i18n import translate_bindings
from tui.screens import styles


class LanguageModal(ModalScreen[str | None]):
    """Each language listed under its own name, so anyone can find theirs."""

    CSS_PATH = styles("language")

    BINDINGS = [Binding("escape", "dismiss_none", "app.close", id="language.close")]

    def compose(self) -> ComposeResult:
        catalog = self.app.catalog
        with Vertical(id="language-box"):
            yield Static(catalog.ui("commands.language"), classes="section-title")
            options = [Option(catalog.ui(f"app.language_{code}"), id=code) for code in LANGUAGES]
            yield OptionList(*options, id="language-list")

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        listing = self.query_one(OptionList)
        listing.highlighted = LANGUAGES.index(self.app.catalog.lang)
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
