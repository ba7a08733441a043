"""The yardsticks for a table screen: a bare Textual app whose `h` opens a table.

    python benchmarks/bare_table_app.py             # an empty table
    python benchmarks/bare_table_app.py --rows 30   # the same table with a page of rows

The table screen has a header, a DataTable with the history's five columns and a footer:
with no rows, what any Textual app pays to show a table screen at all; with `--rows`, what
plain Textual pays to draw a first page of rows like history's (a row cursor, zebra
stripes, short labels and a client's name in each row), the floor under history's first page.
"""

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

MARKER = "A bare Textual app is ready"
COLUMNS = ("Date", "Flow", "Client", "Status", "Outcome")
TABLE_MARKER = "Outcome"
ROWS_MARKER = "Newest Client Ltd"  # the first row's client, named as history's newest


def sample_row(n: int) -> tuple[str, ...]:
    return (f"{n % 28 + 1} Nov", "Dropped" if n % 2 else "Drop?",
            ROWS_MARKER if n == 0 else f"Client {n:03d}",
            "Done" if n % 3 else "In progress", "Referral asked" if n % 2 else "Kept")


class TableScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable = DataTable(cursor_type="row", zebra_stripes=True) if self.rows \
            else DataTable()
        table.add_columns(*COLUMNS)
        for n in range(self.rows):
            table.add_row(*sample_row(n))
        yield table
        yield Footer()


class BareTableApp(App[None]):
    BINDINGS = [Binding("h", "table", "Table")]

    def __init__(self, rows: int = 0) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(MARKER)
        yield Footer()

    def action_table(self) -> None:
        self.push_screen(TableScreen(self.rows))


if __name__ == "__main__":
    BareTableApp(int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv
                 else 0).run()
