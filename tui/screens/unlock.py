"""`UnlockApp`: the calm first screen of a locked data folder, asking for the passphrase.

A wrong passphrase says so and changes nothing. "Remember on this computer" is offered
only where the system has a real keyring (see store/keychain.py). The app exits with True
once the folder's key is known in this process; the sessions then open as usual.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Checkbox, Input, Static

from content import Catalog
from store import keychain, sealing


class UnlockApp(App[bool]):
    """Ask for the passphrase of `directory`; exit True when it opened, None if left."""

    TITLE = "parting"
    BINDINGS = [Binding("ctrl+q", "quit", "quit", priority=True, show=False)]
    CSS = """
    Screen { align: center middle; }
    #unlock-box { width: 64; max-width: 100%; height: auto; padding: 1 2; }
    #unlock-title { text-style: bold; margin-bottom: 1; }
    #unlock-body { color: $text-muted; margin-bottom: 1; }
    #unlock-message { height: auto; min-height: 1; margin-top: 1; color: $warning; }
    #unlock-open { margin-top: 1; }
    """

    def __init__(self, directory: Path, catalog: Catalog, *,
                 keyring_usable: bool | None = None) -> None:
        super().__init__()
        self.directory = Path(directory)
        self.catalog = catalog
        self._keyring = keychain.available() if keyring_usable is None else keyring_usable
        self._busy = False

    def compose(self) -> ComposeResult:
        ui = self.catalog.ui
        with Vertical(id="unlock-box"):
            yield Static(ui("lock.screen_title"), id="unlock-title", markup=False)
            yield Static(ui("lock.screen_body"), id="unlock-body", markup=False)
            yield Input(password=True, placeholder=ui("lock.screen_placeholder"),
                        id="unlock-passphrase")
            if self._keyring:
                yield Checkbox(ui("lock.screen_remember"), id="unlock-remember")
            yield Button(ui("lock.screen_open"), id="unlock-open", variant="primary")
            yield Static("", id="unlock-message", markup=False)

    def on_mount(self) -> None:
        self.title = self.catalog.ui("app.title")
        self.query_one("#unlock-passphrase", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._try()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._try()

    def _say(self, key: str) -> None:
        self.query_one("#unlock-message", Static).update(self.catalog.ui(key))

    def _try(self) -> None:
        if self._busy:
            return
        passphrase = self.query_one("#unlock-passphrase", Input).value
        if not passphrase:
            self._say("lock.screen_empty")
            return
        remember = self._keyring and self.query_one("#unlock-remember", Checkbox).value
        self._busy = True
        self._say("lock.screen_working")
        # scrypt takes about a quarter of a second: off the screen's thread.
        self.run_worker(lambda: self._open(passphrase, remember), thread=True)

    def _open(self, passphrase: str, remember: bool) -> None:
        try:
            sealing.unlock_with_passphrase(self.directory, passphrase)
        except sealing.SealError:
            self.call_from_thread(self._wrong)
            return
        if remember:
            keychain.remember(self.directory)
        self.call_from_thread(self.exit, True)

    def _wrong(self) -> None:
        self._busy = False
        box = self.query_one("#unlock-passphrase", Input)
        box.value = ""
        box.focus()
        self._say("lock.screen_wrong")
