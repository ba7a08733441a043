"""Which reminders are due, and how one reads as a line of text.

A reminder the app sets keeps what it means, not only its words: `text_key` (an interface
string) and `text_values` (what fills it), so it reads in the language on screen, not in
the one it was saved in. A value is text, `{"ui": key}` (a word of the app, such as "the
client") or `{"money": "4800.50", "currency": "RUB"}`. `what` keeps the words as they were
written, for reminders made before, by hand, or by an older version.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Protocol


class HasReminders(Protocol):
    client: str
    reminders: Any


def due_date(reminder: Mapping[str, Any]) -> date | None:
    """The reminder's due day, or None when it cannot be read."""
    try:
        return date.fromisoformat(str(reminder.get("due", ""))[:10])
    except ValueError:
        return None


def due_reminders(sessions: Iterable[HasReminders], today: date) -> list[tuple[Any, Mapping[str, Any]]]:
    """Open reminders due today or earlier, oldest first, each with its session."""
    found = []
    for session in sessions:
        for reminder in session.reminders:
            day = due_date(reminder)
            if not reminder.get("done") and day is not None and day <= today:
                found.append((day, session, reminder))
    found.sort(key=lambda t: t[0])
    return [(s, r) for _, s, r in found]


def reminder_what(key: str, /, **values: Any) -> dict[str, Any]:
    """The meaning of a reminder's text, to keep beside its words (see the module's note)."""
    return {"text_key": key, "text_values": dict(values)}


def reminder_text(reminder: Mapping[str, Any], catalog: Any) -> str:
    """What the reminder says, in the catalog's language when its meaning was kept."""
    key = reminder.get("text_key")
    values = reminder.get("text_values")
    if isinstance(key, str) and isinstance(values, Mapping) and catalog.has_ui(key):
        try:
            return catalog.ui(key, **{str(k): _value(v, catalog) for k, v in values.items()})
        except (KeyError, ValueError, ArithmeticError):
            pass  # a value this version cannot read: the words as written
    return str(reminder.get("what", ""))


def _value(value: Any, catalog: Any) -> str:
    if isinstance(value, Mapping):
        if "money" in value:
            from decimal import Decimal

            from content.money import format_money

            return format_money(Decimal(str(value["money"])), catalog.lang,
                                str(value.get("currency") or "") or None)
        if "ui" in value:
            return catalog.ui(str(value["ui"]))
        raise ValueError("unknown reminder value")
    return str(value)


def reminder_line(catalog: Any, reminder: Mapping[str, Any], client: str, today: date) -> str:
    """"Overdue since …: call Anna back (Acme)" in the catalog's language."""
    from content.date_format import format_short

    day = due_date(reminder)
    late = day is not None and day < today
    who = client or catalog.ui("app.the_client")
    key = "home.overdue_line" if late else "home.due_line"
    return catalog.ui(key, what=reminder_text(reminder, catalog), client=who,
                      due=format_short(day, catalog.lang) if day else "?")


def merge_reminders(existing: Iterable[Mapping[str, Any]], wanted: Iterable[Mapping[str, Any]],
                    prefix: str) -> list[dict[str, Any]]:
    """The session's reminders after the answers changed.

    Reminders whose id starts with `prefix` belong to the flow: the `wanted` ones replace
    them (one per id, never duplicated), keeping `done` when the due day did not move;
    those no longer wanted go. Reminders with other ids (added elsewhere) are kept as they
    are, in front.
    """
    old = {str(r.get("id")): r for r in existing if str(r.get("id", "")).startswith(prefix)}
    kept = [dict(r) for r in existing if not str(r.get("id", "")).startswith(prefix)]
    seen: set[str] = set()
    for reminder in wanted:
        rid = str(reminder["id"])
        if rid in seen:
            continue
        seen.add(rid)
        fresh = {"done": False, **dict(reminder)}
        before = old.get(rid)
        if before is not None and str(before.get("due")) == str(fresh.get("due")):
            fresh["done"] = bool(before.get("done"))
        kept.append(fresh)
    return kept
