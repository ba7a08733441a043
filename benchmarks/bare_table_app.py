"""The yardstick for a table screen: a bare Textual app whose `h` opens an empty table.

The table screen has a header, a DataTable with the history's five columns and no rows,
and a footer: what any Textual app pays to show a table screen at all.
"""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

MARKER = "A bare Textual app is ready"
COLUMNS = ("Date", "Flow", "Client", "Status", "Outcome")
TABLE_MARKER = "Outcome"


class TableScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable = DataTable()
        table.add_columns(*COLUMNS)
        yield table
        yield Footer()


class BareTableApp(App[None]):
    BINDINGS = [Binding("h", "table", "Table")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(MARKER)
        yield Footer()

    def action_table(self) -> None:
        self.push_screen(TableScreen())


if __name__ == "__main__":
    BareTableApp().run()
