"""How a session reads as one line in the home and history lists."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from content import Catalog
from content.date_format import format_short
from store import Summary
from tui.safe_text import shown


def session_line(catalog: Catalog, summary: Summary) -> Text:
    """"3 Nov 2026  Acme", then "was dropped  unfinished", the date in the user's language.

    Two lines of their own: left to wrap in a narrow column, Textual moved the spaces
    between the styled parts ("Acmewas dropped").
    """
    text = Text()
    try:
        day = date.fromisoformat(summary.created_at[:10])
        text.append(f"{format_short(day, catalog.lang)} {day.year}", style="dim")
    except ValueError:
        text.append(summary.created_at[:10], style="dim")
    text.append("  ")
    text.append(shown(summary.client) or catalog.ui("app.no_client"), style="bold")
    text.append("\n")
    text.append(catalog.ui(f"home.{summary.flow}_short"))
    if summary.status != "done":
        text.append("  ")
        text.append(catalog.ui("home.in_progress"), style="italic")
    return text
