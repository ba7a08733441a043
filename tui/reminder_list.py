"""How a session reads as one line in the home and history lists."""

from __future__ import annotations

from rich.text import Text

from content import Catalog
from store import Summary
from tui.safe_text import shown


def session_line(catalog: Catalog, summary: Summary) -> Text:
    text = Text()
    text.append(summary.created_at[:10], style="dim")
    text.append("  ")
    text.append(shown(summary.client) or catalog.ui("app.no_client"), style="bold")
    text.append("  ")
    text.append(catalog.ui(f"home.{summary.flow}_short"))
    if summary.status != "done":
        text.append("  ")
        text.append(catalog.ui("home.in_progress"), style="italic")
    return text
