"""`UnlockScreen`: the calm first screen of a locked data folder, asking for the passphrase.

It is a screen of the app itself, not an app of its own, so that it works the same in a
terminal and in a browser tab, with the app's header, footer, palette and language.

A wrong passphrase says so and changes nothing. "Remember on this computer" is offered
only where the system has a real keyring (see store/keychain.py). Once the folder's key is
known, the sessions are opened here (off the screen's thread: another window that is just
closing may still hold the folder for a moment) and the screen is dismissed with them.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Header, Input, Static

from store import SessionStore, StoreError, keychain, sealing
from store.errors import save_failed
from tui.footer import Footer


class UnlockScreen(Screen[SessionStore]):
    """Ask for the passphrase of `directory`; dismissed with the opened store."""

    DEFAULT_CSS = """
    UnlockScreen { align: center middle; }
    #unlock-box { width: 64; max-width: 100%; height: auto; padding: 1 2; }
    #unlock-title { text-style: bold; margin-bottom: 1; }
    #unlock-body { color: $text-muted; margin-bottom: 1; }
    #unlock-message { height: auto; min-height: 1; margin-top: 1; color: $warning; }
    #unlock-open { margin-top: 1; }
    """

    def __init__(self, directory: Path, *, keyring_usable: bool | None = None) -> None:
        super().__init__()
        self.directory = Path(directory)
        self._keyring = keychain.available() if keyring_usable is None else keyring_usable
        self._busy = False

    def compose(self) -> ComposeResult:
        ui = self.app.catalog.ui
        yield Header()
        with Vertical(id="unlock-box"):
            yield Static(ui("lock.screen_title"), id="unlock-title", markup=False)
            yield Static(ui("lock.screen_body"), id="unlock-body", markup=False)
            yield Input(password=True, placeholder=ui("lock.screen_placeholder"),
                        id="unlock-passphrase")
            if self._keyring:
                yield Checkbox(ui("lock.screen_remember"), id="unlock-remember")
            yield Button(ui("lock.screen_open"), id="unlock-open", variant="primary")
            yield Static("", id="unlock-message", markup=False)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#unlock-passphrase", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._try()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._try()

    def _say(self, key: str) -> None:
        self.query_one("#unlock-message", Static).update(self.app.catalog.ui(key))

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
            self.app.call_from_thread(self._wrong)
            return
        if remember:
            keychain.remember(self.directory)
        try:
            store = self.app.open_sessions(self.directory)
        except StoreError as error:
            self.app.call_from_thread(self.app.cannot_open, error)
            return
        except OSError as error:
            self.app.call_from_thread(self.app.cannot_open, save_failed(error))
            return
        self.app.call_from_thread(self.dismiss, store)

    def _wrong(self) -> None:
        self._busy = False
        box = self.query_one("#unlock-passphrase", Input)
        box.value = ""
        box.focus()
        self._say("lock.screen_wrong")
