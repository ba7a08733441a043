"""What every drafted letter shares: whom it greets, and how it writes the user's own lists.

A letter never has to inflect what the user typed: it greets a person by the name given
(«Здравствуйте, Анна!») or greets no one («Здравствуйте!»), and the user's words stand
where any value reads well, after a colon or as an item of a list.
"""

from __future__ import annotations

from typing import Any

from content.catalog import Catalog


def clause(text: Any) -> str:
    """An answer said inside a sentence of the app's: its spaces collapsed and without the
    full stop the user may have ended it with, so "…студия «Север».." never happens."""
    return " ".join(str(text or "").split()).rstrip(".").rstrip()


def greeting(name: Any, catalog: Catalog) -> str:
    """The letter's first line: the person's name when one was given, else a plain hello."""
    person = clause(name)
    if person:
        return catalog.ui("letters.greeting_name", name=person)
    return catalog.ui("letters.greeting_none")


def list_lines(text: Any, catalog: Catalog, template_key: str = "letters.list_item") -> str:
    """The user's lines as list items, one per line, bullets they typed taken off."""
    items = [line.strip(" -•*\t") for line in str(text or "").splitlines()]
    return "\n".join(catalog.ui(template_key, item=i) for i in items if i)


def spoken_list(items: list[str], catalog: Catalog, join_key: str = "letters.list_join",
                last_key: str = "letters.list_last", pair_key: str | None = None) -> str:
    """Items run together as a sentence says them: "a, b and c", «а, б и в», "a, b e c".

    `pair_key` joins exactly two items: clauses a semicolon keeps apart in a list of three
    read better as "x, e y" when there are only two.
    """
    items = [i for i in items if i]
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2 and pair_key and catalog.has_ui(pair_key):
        return catalog.ui(pair_key).join(items)
    return catalog.ui(join_key).join(items[:-1]) + catalog.ui(last_key) + items[-1]
