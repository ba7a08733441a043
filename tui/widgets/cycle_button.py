"""`CycleButton`: a compact choice among a few values; each press shows the next one.

History filters by flow (three values) and status (three values). A `Select` for each cost
about 25 ms of CPU every time History opened (two hidden option lists mounted and styled),
against about 3 ms for two buttons, measured side by side in one small app: for three
values a button that steps through them says as much, and opens nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Button


class CycleButton(Button):
    """Shows the chosen value's label; Enter, space or a click moves to the next value,
    left and right step either way. Posts `CycleButton.Changed` on every change."""

    BINDINGS = [
        Binding("space", "press", show=False),
        Binding("right", "step(1)", show=False),
        Binding("left", "step(-1)", show=False),
    ]

    class Changed(Message):
        """The value changed (never on mounting)."""

        def __init__(self, button: CycleButton, value: str) -> None:
            super().__init__()
            self.button = button
            self.value = value

        @property
        def control(self) -> CycleButton:
            return self.button

    def __init__(self, options: Sequence[tuple[str, str]], value: str, *,
                 id: str | None = None) -> None:
        self._options = list(options)
        self._values = [key for _, key in self._options]
        self._value = value
        super().__init__(self._label_for(value), id=id, compact=True)
        # As wide as the longest choice, so the bar does not jump as the value changes.
        self.styles.width = max(cell_len(self._label_for(key)) for key in self._values) + 2

    @property
    def value(self) -> str:
        return self._value

    @value.setter
    def value(self, value: str) -> None:
        if value not in self._values:
            raise ValueError(f"{value!r} is not one of {self._values}")
        if value == self._value:
            return
        self._value = value
        self.label = self._label_for(value)
        self.post_message(self.Changed(self, value))

    def action_step(self, by: int) -> None:
        index = self._values.index(self._value)
        self.value = self._values[(index + by) % len(self._values)]

    def press(self) -> CycleButton:
        """A press (Enter, space, a click) moves to the next value."""
        self.action_step(1)
        return self

    def _label_for(self, value: str) -> str:
        label = next(text for text, key in self._options if key == value)
        return f"{label} ▸"
