"""Every action of the app as a command in the palette (ctrl+p), in the user's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

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
    ("theme", "change_theme"),
    ("screenshot", "screenshot"),
    ("quit", "quit"),
)


def commands_for(app: PartingApp, screen: Screen) -> list[SystemCommand]:
    """The palette's commands: the app's own, then the bindings of the current screen."""
    catalog = app.catalog
    found: list[SystemCommand] = []
    for key, action in APP_COMMANDS:
        found.append(SystemCommand(catalog.ui(f"commands.{key}"), catalog.ui(f"commands.{key}_help"),
                                   _runner(app, action)))
    seen = {title for title, *_ in found}
    for _key, binding in screen._bindings:
        if binding.show and binding.description and binding.description not in seen:
            seen.add(binding.description)
            found.append(SystemCommand(binding.description, catalog.ui("commands.key", key=binding.key),
                                       _screen_runner(app, screen, binding.action)))
    return found


def _runner(app: PartingApp, action: str):
    async def run() -> None:
        await app.run_action(action)

    return run


def _screen_runner(app: PartingApp, screen: Screen, action: str):
    async def run() -> None:
        await app.run_action(action, screen)

    return run
