"""`PagedTable`: a DataTable that adds its rows a page at a time, as they come into view.

Ten thousand sessions would take longer to add to a table than a person waits for a screen;
only the rows that can be seen (plus a page to scroll into) are added at first, and more
as the cursor or the scroll position nears the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

Row = TypeVar("Row")

FIRST_PAGE = 20
PAGE = 60


class PagedTable(DataTable, Generic[Row]):
    """Rows from `show(items, cells, key)`; `item_at_cursor` gives back the item itself."""

    # In a list of rows, home and end mean the first and the last row.
    BINDINGS = [
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self._items: Sequence[Row] = ()
        self._cells: Callable[[Row], Sequence[str | Text]] = lambda item: ()
        self._key: Callable[[Row], str] = str
        self._loaded = 0
        self._loading = False  # adding a row moves the cursor, whose watcher loads rows

    @property
    def items(self) -> Sequence[Row]:
        return self._items

    @property
    def loaded(self) -> int:
        """How many of the items are in the table so far."""
        return self._loaded

    def show(self, items: Sequence[Row], cells: Callable[[Row], Sequence[str | Text]],
             key: Callable[[Row], str], *, keep: str | None = None) -> None:
        """Replace the rows with `items`; put the cursor back on the row keyed `keep`."""
        self._loading = True
        try:
            self.clear()
        finally:
            self._loading = False
        # `clear` keeps each column as wide as the widest row it ever held: measure again
        # from the headings, so fewer rows or a narrower terminal give narrower columns.
        for column in self.columns.values():
            if column.auto_width:
                column.content_width = column.label.cell_len
        self._items, self._cells, self._key = items, cells, key
        self._loaded = 0
        # Not laid out yet on first show: no table can show more rows than the terminal has.
        self.load_more(max(FIRST_PAGE, self.app.size.height))
        if keep is not None:
            index = next((i for i, item in enumerate(items) if key(item) == keep), None)
            if index is not None:
                self.load_until(index + PAGE // 2)
                self.move_cursor(row=index, animate=False)

    def load_more(self, count: int = PAGE) -> None:
        """Add the next `count` items (or the rest) to the table."""
        end = min(len(self._items), self._loaded + count)
        if end <= self._loaded or self._loading:
            return
        self._loading = True
        try:
            for item in self._items[self._loaded:end]:
                self.add_row(*self._cells(item), key=self._key(item))
                self._loaded += 1
        finally:
            self._loading = False

    def load_until(self, index: int) -> None:
        if index >= self._loaded:
            self.load_more(index + 1 - self._loaded)

    def item_at_cursor(self) -> Row | None:
        if not self._loaded or self.cursor_row < 0 or self.cursor_row >= self.row_count:
            return None
        return self._items[self.cursor_row]

    def _near_end(self) -> None:
        if self._loaded < len(self._items) and self.cursor_row >= self._loaded - PAGE // 4:
            self.load_more()

    def watch_cursor_coordinate(self, old: Any, new: Any) -> None:
        super().watch_cursor_coordinate(old, new)
        self._near_end()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._loaded < len(self._items) and self.max_scroll_y - new_value < self.size.height * 2:
            self.load_more()

    def action_scroll_bottom(self) -> None:
        self.load_more(len(self._items))
        super().action_scroll_bottom()

    def action_page_down(self) -> None:
        self.load_more(self.size.height * 2)
        super().action_page_down()
