"""Reminders as an iCalendar file (RFC 5545) that calendar apps import.

Each open reminder becomes an all-day VEVENT. Its UID is built from the session id and the
reminder id, so importing the file again updates the events instead of doubling them.
Written by hand rather than with a library: the format needed here is small, and the
app should not carry a dependency for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from content.reminders import due_date, reminder_text

PRODID = "-//parting//parting reminders//EN"
LINE_OCTETS = 75


def reminders_ics(sessions: Iterable[Any], catalog: Any, *, stamp: datetime | None = None,
                  include_done: bool = False) -> bytes:
    """Every open reminder of `sessions` as one VCALENDAR, CRLF line ends, UTF-8.

    `sessions` may be full sessions or summaries (anything with `id`, `flow`, `client`
    and `reminders`). `stamp` is the DTSTAMP of every event (now, in UTC, by default).
    """
    moment = (stamp or datetime.now(UTC)).astimezone(UTC)
    dtstamp = moment.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(catalog.ui('reminders.calendar_name'))}",
    ]
    for session in sessions:
        for number, reminder in enumerate(session.reminders):
            day = due_date(reminder)
            if day is None or (reminder.get("done") and not include_done):
                continue
            lines += _event(session, reminder, number, day, dtstamp, catalog)
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) + b"\r\n" for line in lines)


def _event(session: Any, reminder: Mapping[str, Any], number: int, day: date, dtstamp: str,
           catalog: Any) -> list[str]:
    client = session.client or catalog.ui("app.the_client")
    what = reminder_text(reminder, catalog)
    # "Call back: Jane Roe (Jane Roe)" when the client is the person called: name them once.
    summary = what if client in what else catalog.ui("reminders.calendar_summary", what=what,
                                                      client=client)
    flow_key = f"home.{session.flow}_title"
    flow = catalog.ui(flow_key) if catalog.has_ui(flow_key) else str(session.flow)
    description = catalog.ui("reminders.calendar_description", flow=flow, client=client,
                             id=session.id)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{reminder_uid(session.id, reminder, number)}",
        f"DTSTAMP:{dtstamp}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "TRANSP:TRANSPARENT",
    ]
    if day < date.max:
        # The day after is where an all-day event ends. The last day a calendar can hold
        # has none; without DTEND an all-day event lasts one day (RFC 5545, 3.6.1).
        lines.insert(4, f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}")
    if reminder.get("kind"):
        lines.append(f"CATEGORIES:{escape_text(str(reminder['kind']))}")
    lines.append("END:VEVENT")
    return lines


def reminder_uid(session_id: str, reminder: Mapping[str, Any], number: int) -> str:
    """Stable across exports: the reminder's id, or its place in the session if it has none."""
    own = str(reminder.get("id") or f"r{number}")
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in f"{session_id}-{own}")
    return f"{safe}@parting"


def escape_text(text: str) -> str:
    """A TEXT value as RFC 5545 section 3.3.11 wants it: \\ ; , and newlines escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> bytes:
    """Split a content line into pieces of at most 75 octets (section 3.1).

    Continuation pieces start with a space, which counts towards their 75 octets. A UTF-8
    character is never cut in two.
    """
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return data
    pieces: list[bytes] = []
    start = 0
    limit = LINE_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a character
            end -= 1
        pieces.append(data[start:end])
        start = end
        limit = LINE_OCTETS - 1
    return b"\r\n ".join(pieces)
