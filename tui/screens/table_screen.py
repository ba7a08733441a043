"""`TableScreen`: a screen built around one paged table that re-reads the store on return."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.events import ScreenResume

from tui.i18n import translate_bindings
from tui.screens import styles
from tui.screens.base import PartingScreen
from tui.widgets.paged_table import PagedTable


class TableScreen(PartingScreen):
    """Base of the history and reminder lists.

    The rows are read on mount, before the first frame, and again whenever the screen comes
    back to the top (a session may have been resumed, finished or deleted meanwhile).
    """

    CSS_PATH = styles("tables")
    # The table has the focus from the first frame: focusing it after mount (Textual first
    # gives it to the filter above it) drew every row twice.
    AUTO_FOCUS = "PagedTable"

    TABLE_ID: ClassVar[str]

    def __init__(self) -> None:
        super().__init__()
        self._resumed = False

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        self.reload()

    def on_screen_resume(self, event: ScreenResume) -> None:
        # Also sent right after mounting; the rows were read then, before the first frame.
        if self._resumed:
            self.reload()
        self._resumed = True

    @property
    def table(self) -> PagedTable[Any]:
        return self.query_one(f"#{self.TABLE_ID}", PagedTable)

    def reload(self, keep: str | None = None) -> None:
        """Read the rows again from the store and redraw the table."""
        raise NotImplementedError
