"""What may be saved: values that load back exactly as they were, in records of the right shape.

orjson quietly writes NaN as null and Python's json writes it as a bare `NaN` that other
readers refuse, so values are checked here, before anything touches the disk, and the
error names where the bad value sits (`answers.step3.note`).
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from store.errors import UnsafeValue

FLOWS = ("dropped", "drop")
STATUSES = ("in_progress", "done")
MAX_DEPTH = 200  # orjson refuses more than 254 levels; stay well inside it
INT_MIN, INT_MAX = -(2**63), 2**64 - 1  # what orjson writes and reads back
# Ids become file names, so they must not be able to climb out of the sessions folder.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
REMINDER_TEXT_KEYS = ("id", "due", "what", "kind")


Fault = tuple[str, str]  # what is wrong, in words; and where: a field path, or ""


def json_problem(value: Any, where: str, depth: int = 0) -> str | None:
    """Say what in `value` would not round-trip through JSON, or None if all is well."""
    fault = json_fault(value, where, depth)
    return fault[0] if fault else None


def json_fault(value: Any, where: str, depth: int = 0) -> Fault | None:
    """`json_problem` with the path of the bad value (`answers.step3.note`)."""
    if depth > MAX_DEPTH:
        return f"{where} is nested too deeply (or refers to itself)", where
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return _text_fault(value, where)
    if isinstance(value, int):
        if INT_MIN <= value <= INT_MAX:
            return None
        return f"{where} is a whole number too large to store", where
    if isinstance(value, float):
        return None if math.isfinite(value) else (
            f"{where} is {value!r}, which JSON cannot hold", where)
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                return f"{where} has a key {key!r} that is not text", where
            inner = f"{where}.{key}"
            fault = _text_fault(key, f"a key in {where}", where) or json_fault(
                item, inner, depth + 1)
            if fault:
                return fault
        return None
    if isinstance(value, list):
        for n, item in enumerate(value):
            fault = json_fault(item, f"{where}[{n}]", depth + 1)
            if fault:
                return fault
        return None
    return f"{where} is a {type(value).__name__}, which JSON cannot hold", where


def plain_json(value: Any, depth: int = 0) -> bool:
    """True when `value` certainly round-trips through JSON: the quick check of every read.

    Builds no messages and no paths, so checking a session as its file is read costs
    about a third of `json_fault`. False only means "ask `json_fault`", which has the
    last word and says what is wrong.
    """
    if depth > MAX_DEPTH:
        return False
    kind = type(value)
    if kind is str:
        return value.isascii() or _encodes(value)
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str or not (key.isascii() or _encodes(key)):
                return False
            if not plain_json(item, depth + 1):
                return False
        return True
    if kind is list:
        return all(plain_json(item, depth + 1) for item in value)
    if value is None or kind is bool:
        return True
    if kind is int:
        return INT_MIN <= value <= INT_MAX
    if kind is float:
        return math.isfinite(value)
    return False


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text_fault(text: str, where: str, path: str | None = None) -> Fault | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return (f"{where} contains a lone surrogate character, which cannot be saved as UTF-8",
                where if path is None else path)
    return None


def is_iso_datetime(text: Any) -> bool:
    """True for an ISO 8601 date-time string that Python can read back."""
    if not isinstance(text, str):
        return False
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def record_problem(record: Any) -> str | None:
    """Say what is wrong with a session record's shape or values, or None.

    Used by `save` (raised as `UnsafeValue`) and by imports (raised as `BadImport`).
    """
    fault = record_fault(record)
    return fault[0] if fault else None


def record_fault(record: Any) -> Fault | None:
    """`record_problem` with the field it is about ("" when the record is not an object)."""
    if not isinstance(record, dict):
        return f"is a {type(record).__name__}, not an object", ""
    for name in ("id", "flow", "client", "created_at", "updated_at"):
        if name not in record:
            return f"is missing the field {name!r}", name
    checks: list[tuple[str, Any, str]] = [
        ("id", lambda v: isinstance(v, str) and SAFE_ID.fullmatch(v),
         "text of letters, digits, '.', '_' or '-' (at most 128)"),
        ("flow", lambda v: v in FLOWS, f"one of {', '.join(FLOWS)}"),
        ("client", lambda v: isinstance(v, str), "text"),
        ("created_at", is_iso_datetime, "an ISO date and time"),
        ("updated_at", is_iso_datetime, "an ISO date and time"),
        ("status", lambda v: v in STATUSES, f"one of {', '.join(STATUSES)}"),
        ("lang", lambda v: isinstance(v, str), "text"),
        ("answers", lambda v: isinstance(v, dict), "an object"),
        ("reminders", lambda v: isinstance(v, list), "a list"),
        ("step", lambda v: v is None or isinstance(v, str), "text or null"),
        ("outcome", lambda v: v is None or isinstance(v, str), "text or null"),
    ]
    for name, ok, expected in checks:
        if name in record and not ok(record[name]):
            return f"has {name} = {_short(record[name])}; expected {expected}", name
    for n, reminder in enumerate(record.get("reminders", [])):
        if not isinstance(reminder, dict):
            return f"has reminders[{n}] that is not an object", f"reminders[{n}]"
        for key in REMINDER_TEXT_KEYS:
            if key in reminder and not isinstance(reminder[key], str):
                return (f"has reminders[{n}].{key} = {_short(reminder[key])}; expected text",
                        f"reminders[{n}].{key}")
        if "done" in reminder and not isinstance(reminder["done"], bool):
            return (f"has reminders[{n}].done = {_short(reminder['done'])}; expected true or "
                    "false", f"reminders[{n}].done")
    for name, value in record.items():
        fault = None if plain_json(value) else json_fault(value, name)
        if fault:
            return f"has a value that cannot be stored: {fault[0]}", fault[1]
    return None


# A reminder's day as the screens write it (`date.isoformat()`, maybe a time after it).
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def due_fault(record: dict[str, Any]) -> Fault | None:
    """A reminder whose `due` is not a real day in the screens' form (2025-02-30, 3/4/25).

    Such a reminder would never come due, so an import refuses it. Only imports check
    this: a session already saved with one still opens and saves, rather than being set
    aside for a date.
    """
    for n, reminder in enumerate(record.get("reminders") or []):
        due = reminder.get("due") if isinstance(reminder, dict) else None
        if not isinstance(due, str):
            continue
        if ISO_DAY.fullmatch(due[:10]) and _reads_as_iso(due):
            continue
        return (f"has reminders[{n}].due = {_short(due)}; expected a real day written as "
                "YYYY-MM-DD", f"reminders[{n}].due")
    return None


def _reads_as_iso(text: str) -> bool:
    try:
        date.fromisoformat(text[:10])
        if len(text) > 10:
            datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def check_record(record: dict[str, Any]) -> None:
    """Raise `UnsafeValue` if `record` cannot be saved and read back exactly."""
    fault = record_fault(record)
    if fault:
        raise UnsafeValue(f"Cannot save this session: it {fault[0]}. Nothing was saved.",
                          code="unsafe_value", params={"where": fault[1] or "session"})


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
