"""What the store has to say, in the user's language.

The store raises errors and leaves notices with an English message plus a `code` and its
`params`; `explain` turns those into the catalog's `store.<code>` string. Used by the app
and by the `parting` command, so nothing here imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from content import Catalog
from content.date_format import format_date
from store import Notice, StoreError
from tui.safe_text import shown

# Params that are names of JSON types ("list", "true/false"), shown as the catalog's words.
_JSON_TYPES = {"object": "object", "list": "list", "string": "string", "number": "number",
               "true/false": "boolean", "null": "null"}


def explain(catalog: Catalog, problem: StoreError | Notice) -> str:
    """The message of `problem` in `catalog`'s language; the English message if there is none.

    Either way it is safe to print: names from an imported file cannot reach the terminal
    as control characters.
    """
    code = problem.code
    if not code or not catalog.has_ui(f"store.{code}"):
        return shown(problem.message if isinstance(problem, Notice) else str(problem))
    values: dict[str, Any] = dict(problem.params)
    if "type" in values and str(values["type"]) in _JSON_TYPES:
        key = f"store.json_{_JSON_TYPES[str(values['type'])]}"
        if catalog.has_ui(key):
            values["type"] = catalog.ui(key)
    if "client" in values or "date" in values:
        values["what"] = _session_named(catalog, values)
    text = catalog.ui(f"store.{code}", **values)
    if code in ("damaged", "index_damaged", "index_blocked", "digest_tampered"):
        text = " ".join([text, *_damage_parts(catalog, code, values)])
    return shown(text)


def _session_named(catalog: Catalog, values: Mapping[str, Any]) -> str:
    """How the messages name a session whose own file could not be read."""
    client, day = str(values.get("client") or ""), _day(catalog, str(values.get("date") or ""))
    if client and day:
        return catalog.ui("store.what_client_date", client=client, date=day)
    if client:
        return catalog.ui("store.what_client", client=client)
    if day:
        return catalog.ui("store.what_date", date=day)
    return catalog.ui("store.what_any")


def _day(catalog: Catalog, text: str) -> str:
    """An ISO day as the language writes it ("20 ноября 2026"); anything else as it is."""
    try:
        return format_date(date.fromisoformat(text), catalog.lang, with_weekday=False)
    except ValueError:
        return text


def _damage_parts(catalog: Catalog, code: str, values: Mapping[str, Any]) -> list[str]:
    """Where the damaged file was kept, and (for a session) whether an earlier copy exists."""
    parts = []
    if values.get("aside"):
        kept = "store.kept_changed_as" if code == "digest_tampered" else "store.kept_as"
        parts.append(catalog.ui(kept, aside=values["aside"]))
    if code == "damaged":
        parts.append(catalog.ui("store.backup_yes" if values.get("has_backup")
                                else "store.backup_no"))
    return parts
