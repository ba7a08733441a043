"""`BarChart`: horizontal bars drawn with block characters, the number beside each bar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

EIGHTHS = " ▏▎▍▌▋▊▉"
MIN_BAR = 6


@dataclass(frozen=True)
class Bar:
    """One row: a label, one or more stacked values, the text beside it, an optional note."""

    label: str
    values: tuple[int, ...]
    number: str = ""  # what is written beside the bar; the total when empty
    note: str = ""  # a second, dimmer line under the bar (which clients, for instance)
    legend: tuple[str, ...] = ()  # for stacked values: one label per value, in its colour

    @property
    def beside(self) -> str:
        return " · ".join(self.legend) if self.legend else self.number or str(self.total)

    @property
    def total(self) -> int:
        return sum(self.values)


class BarChart(Widget):
    """Bars scaled to the largest total; stacked values take the styles of the segment classes."""

    DEFAULT_CSS = """
    BarChart {
        height: auto;
        width: 1fr;
    }
    BarChart > .bar-chart--label { color: $text; }
    BarChart > .bar-chart--bar-0 { color: $primary; }
    BarChart > .bar-chart--bar-1 { color: $error; }
    BarChart > .bar-chart--bar-2 { color: $warning; }
    BarChart > .bar-chart--number { text-style: bold; }
    BarChart > .bar-chart--note { color: $text-muted; }
    """

    COMPONENT_CLASSES = {"bar-chart--label", "bar-chart--bar-0", "bar-chart--bar-1",
                         "bar-chart--bar-2", "bar-chart--number", "bar-chart--note"}

    def __init__(self, bars: Sequence[Bar] = (), *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.bars = tuple(bars)

    def update(self, bars: Sequence[Bar]) -> None:
        self.bars = tuple(bars)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        lines = 2 if self._stacked(max(width, 20)) else 1
        return sum(lines + 1 if bar.note else lines for bar in self.bars)

    def _label_room(self, width: int) -> int:
        return max(width * 2 // 5, 8)

    def _stacked(self, width: int) -> bool:
        """True when a label is too long to stand beside its bar: each label then has a line
        of its own above the bar, whole, rather than cut ("Mal-entendido — reparar o qu…")."""
        return any(cell_len(bar.label) > self._label_room(width) for bar in self.bars)

    def render(self) -> Text:
        width = max(self.size.width, 20)
        if not self.bars:
            return Text()
        numbers = [bar.beside for bar in self.bars]
        number_width = max(cell_len(n) for n in numbers)
        stacked = self._stacked(width)
        label_width = (2 if stacked else
                       min(max(cell_len(bar.label) for bar in self.bars), self._label_room(width)))
        bar_width = max(width - label_width - number_width - 3, MIN_BAR)
        largest = max((bar.total for bar in self.bars), default=0) or 1
        label_style = self.get_component_rich_style("bar-chart--label")
        number_style = self.get_component_rich_style("bar-chart--number")
        note_style = self.get_component_rich_style("bar-chart--note")
        segment_styles = [self.get_component_rich_style(f"bar-chart--bar-{n}") for n in range(3)]
        text = Text(no_wrap=True, overflow="ellipsis")
        for bar, number in zip(self.bars, numbers, strict=True):
            if stacked:
                text.append(_fit(bar.label, width) + "\n", style=label_style)
                text.append(" " * (label_width + 1))
            else:
                label = _fit(bar.label, label_width)
                text.append(label + " " * (label_width - cell_len(label)) + " ",
                            style=label_style)
            drawn = 0
            for n, value in enumerate(bar.values):
                blocks = _blocks(value / largest * bar_width)
                text.append(blocks, style=segment_styles[n % len(segment_styles)])
                drawn += cell_len(blocks)
            text.append(" " * max(bar_width - drawn, 0) + " ")
            if bar.legend:
                for n, part in enumerate(bar.legend):
                    if n:
                        text.append(" · ")
                    text.append(part, style=number_style + segment_styles[n % 3])
            else:
                text.append(number, style=number_style)
            text.append("\n")
            if bar.note:
                note = _fit(bar.note, width - label_width - 1)
                text.append(" " * (label_width + 1) + note, style=note_style)
                text.append("\n")
        text.rstrip()
        return text


def _blocks(cells: float) -> str:
    """A bar `cells` wide in eighths of a cell; anything above zero shows at least a sliver."""
    if cells <= 0:
        return ""
    eighths = max(round(cells * 8), 1)
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


def _fit(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > width - 1:
            break
        out += char
    return out + "…"

