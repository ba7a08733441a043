"""`TooSmallScreen`: a calm note over everything while the terminal is too small to use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

MIN_WIDTH = 40
MIN_HEIGHT = 12


def too_small(width: int, height: int) -> bool:
    """True when a terminal of this size cannot show parting's screens."""
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(ModalScreen[None]):
    """Covers the app until the window is large enough again; the screens below keep their
    state (and keep saving), so nothing typed is lost by shrinking the window."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        background: $background;
    }
    #too-small-note {
        width: 100%;
        height: auto;
        text-align: center;
        color: $text-muted;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(self.app.catalog.ui("app.too_small"), id="too-small-note", markup=False)
