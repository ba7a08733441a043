"""Every action of the app as a command in the palette (ctrl+p), in the user's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from tui.app import PartingApp

# (command key in the catalog, action on the app)
APP_COMMANDS = (
    ("dropped", "dropped"),
    ("drop", "drop"),
    ("history", "history"),
    ("reminders", "reminders"),
    ("insights", "insights"),
    ("help", "help"),
    ("language", "choose_language"),
    ("theme", "change_theme"),
    ("screenshot", "screenshot"),
    ("quit", "quit"),
)


def commands_for(app: PartingApp, screen: Screen) -> list[SystemCommand]:
    """The palette's commands: the app's own, then the bindings of the current screen."""
    catalog = app.catalog
    found: list[SystemCommand] = []
    for key, action in APP_COMMANDS:
        if not app.check_action(action, ()):
            continue  # a locked folder still waiting for its passphrase
        found.append(SystemCommand(catalog.ui(f"commands.{key}"), catalog.ui(f"commands.{key}_help"),
                                   _runner(app, action)))
    seen = {title for title, *_ in found}
    # Every key the footer could show right now (the screen's and the focused widget's),
    # so nothing is reachable only by a key the user has to remember.
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not (binding.show and binding.description and active.enabled):
            continue
        if binding.description in seen:
            continue
        seen.add(binding.description)
        found.append(SystemCommand(binding.description, catalog.ui("commands.key", key=key),
                                   _screen_runner(app, active.node, binding.action)))
    return found


def _runner(app: PartingApp, action: str):
    async def run() -> None:
        await app.run_action(action)

    return run


def _screen_runner(app: PartingApp, node, action: str):
    async def run() -> None:
        await app.run_action(action, node)

    return run


class LocalisedCommandPalette(CommandPalette):
    """Textual's command palette with its prompt and "no matches" line in the user's language."""

    def __init__(self, no_matches: str, providers: ProviderSource | None = None, *,
                 placeholder: str, id: str | None = None) -> None:
        super().__init__(providers, placeholder=placeholder, id=id)
        self._no_matches_text = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Same timing and behaviour as Textual's own, which hard-codes its text in English.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(self._no_matches_text, style="not bold")),
                           disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def command_palette(app: PartingApp) -> LocalisedCommandPalette:
    """The palette of every command (ctrl+p)."""
    return LocalisedCommandPalette(app.catalog.ui("commands.no_matches"),
                                   placeholder=app.catalog.ui("commands.search"),
                                   id="--command-palette")


def theme_picker(app: PartingApp) -> LocalisedCommandPalette:
    """The palette that lists the themes; choosing one applies it."""
    return LocalisedCommandPalette(app.catalog.ui("commands.no_matches"), [ThemeProvider],
                                   placeholder=app.catalog.ui("commands.search_themes"))
