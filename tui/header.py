"""What the header over a step says, fitted to its width so the step's place is never cut.

The header reads "flow · client   Step 2 of 9 · Title". A long client name (a company's
full legal name) pushed the step's place off the end at 80 columns; now the name is
shortened with an ellipsis first, then the flow's name is left out, and the step's place
always shows whole.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from tui.safe_text import shown

GAP = "   "  # between who the session is about and where the step is
JOINT = " · "
MIN_NAME = 10  # columns below which a shortened client name stops saying whose it is


def shorten(text: str, width: int) -> str:
    """`text` in at most `width` columns, ending in "…" when it had to be cut."""
    if cell_len(text) <= width:
        return text
    cut = Text(text)
    cut.truncate(width, overflow="ellipsis")
    return cut.plain


def fit_header(flow_title: str, client: str, position: str, width: int | None) -> Text:
    """The header in `width` columns (None: not laid out yet, no limit): the position
    whole, the flow's and the client's names as they fit.

    Built as text, not markup: the client's name is the user's, and "[EU]", "[/]" or a
    name cut in the middle of a bracket must show as typed.
    """
    name = shown(client).strip()
    if width is None or not name \
            or cell_len(flow_title + JOINT + name + GAP + position) <= width:
        who = (JOINT, name) if name else ()
        return Text.assemble((flow_title, "bold"), *who, GAP, position)
    room = width - cell_len(flow_title + JOINT + GAP + position)
    if room >= MIN_NAME:
        return Text.assemble((flow_title, "bold"), JOINT, shorten(name, room), GAP, position)
    room = width - cell_len(GAP + position)
    if room >= MIN_NAME:  # the client's name says more than the flow's here
        return Text.assemble(shorten(name, room), GAP, position)
    return Text(position, style="bold")
