"""`RecoveryModal`: a saved session could not be read; offer its last good copy back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from store import Notice, StoreError
from tui.i18n import translate_bindings
from tui.store_text import explain


class RecoveryModal(ModalScreen[bool]):
    """Shown at start for each damaged file that has an earlier copy: Restore or Keep going.

    The damaged file itself is never touched: the store has already moved it aside, so
    either answer keeps it. Dismisses with True when the copy was restored.
    """

    DEFAULT_CSS = """
    RecoveryModal {
        align: center middle;
    }
    #recovery-box {
        width: 90%;
        max-width: 76;
        height: auto;
        max-height: 90%;
        border: round $warning;
        background: $surface;
        padding: 1 2;
    }
    #recovery-title {
        text-style: bold;
        color: $warning;
    }
    #recovery-lead, #recovery-what {
        height: auto;
        margin-bottom: 1;
    }
    #recovery-what {
        color: $text-muted;
    }
    #recovery-buttons {
        height: auto;
        align-horizontal: right;
    }
    #recovery-buttons Button {
        margin-left: 2;
    }
    """

    BINDINGS = [
        Binding("escape", "keep", "recovery.keep_key", id="recovery.keep"),
        Binding("r", "restore", "recovery.restore_key", id="recovery.restore"),
    ]

    def __init__(self, notice: Notice) -> None:
        super().__init__()
        self.notice = notice

    def compose(self) -> ComposeResult:
        ui = self.app.catalog.ui
        with Vertical(id="recovery-box"):
            yield Static(ui("recovery.title"), id="recovery-title")
            yield Static(ui("recovery.lead"), id="recovery-lead")
            yield Static(explain(self.app.catalog, self.notice), id="recovery-what",
                         markup=False)
            with Horizontal(id="recovery-buttons"):
                yield Button(ui("recovery.keep"), id="recovery-keep")
                yield Button(ui("recovery.restore"), id="recovery-restore", variant="primary")

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        self.refresh_bindings()
        self.query_one("#recovery-restore", Button).focus()

    @on(Button.Pressed, "#recovery-restore")
    def action_restore(self) -> None:
        ui = self.app.catalog.ui
        try:
            self.app.store.restore_backup(self.notice)
        except StoreError as error:
            self.app.notify(ui("recovery.restore_failed", error=explain(self.app.catalog, error)),
                            severity="error", timeout=15, markup=False)
            self.dismiss(False)
            return
        self.app.notify(ui("recovery.restored"))
        self.dismiss(True)

    @on(Button.Pressed, "#recovery-keep")
    def action_keep(self) -> None:
        self.dismiss(False)
