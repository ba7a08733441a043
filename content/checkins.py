"""Follow-up check-ins, the way a decision journal works.

A finished "Should I drop them?" session is looked at again after 30 and 90 days ("was it
the right call? what happened next?"); a finished "I was dropped" session after four
months (did they come back, did the referrals work). Each check-in is a reminder of kind
"checkin" whose id names it; the answers go into the session under the same name
(`answers["checkin_30"]`), so the session page and the insights can read them.

Sessions are duck-typed (anything with `id`, `flow`, `client`, `status`, `answers`,
`reminders`): this module never imports the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from content.date_format import format_date

KIND = "checkin"


@dataclass(frozen=True)
class Checkin:
    """One check-in a flow's finished sessions get: `key` is also the answers key."""

    key: str
    flow: str
    interval: str  # "day", "week" or "month", as `add_interval` reads it
    count: int


CHECKINS: tuple[Checkin, ...] = (
    Checkin("checkin_30", "drop", "day", 30),
    Checkin("checkin_90", "drop", "day", 90),
    Checkin("checkin_4m", "dropped", "month", 4),
)

# The questions of each flow's check-in: (field id, kind). Text in `checkin.<flow>`.
QUESTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "drop": (("right_call", "yesno"), ("what_happened", "text")),
    "dropped": (("came_back", "yesno"), ("referrals", "yesno"), ("what_happened", "text")),
}


def checkins_for(flow: str) -> tuple[Checkin, ...]:
    """The check-ins a finished session of `flow` gets, earliest first."""
    return tuple(c for c in CHECKINS if c.flow == flow)


def checkin_by_key(key: str) -> Checkin | None:
    return next((c for c in CHECKINS if c.key == key), None)


def add_checkins(session: Any, catalog: Any, finished_on: date) -> list[dict[str, Any]]:
    """Give a finished session its check-in reminders; return the ones added.

    Safe to call on every save: a check-in already present (done or not) is never added
    twice, and an unfinished session gets none.
    """
    if getattr(session, "status", None) != "done":
        return []
    # Imported here: reading the check-ins (history, insights) must not load the date parser.
    from content.dates import add_interval

    have = {str(r.get("id")) for r in session.reminders}
    added = []
    for checkin in checkins_for(session.flow):
        if checkin.key in have:
            continue
        due = add_interval(finished_on, checkin.interval, checkin.count)
        reminder = {
            "id": checkin.key,
            "due": due.isoformat(),
            "what": catalog.ui(f"checkin.reminder_{checkin.key}"),
            "done": False,
            "kind": KIND,
            # Its meaning as well as its words: it reads in the language on screen.
            "text_key": f"checkin.reminder_{checkin.key}",
            "text_values": {},
        }
        session.reminders.append(reminder)
        added.append(reminder)
    return added


def is_checkin(reminder: Mapping[str, Any]) -> bool:
    return reminder.get("kind") == KIND and checkin_by_key(str(reminder.get("id"))) is not None


def open_checkins(session: Any, today: date) -> list[Mapping[str, Any]]:
    """The session's check-ins that are due (today or earlier) and not yet answered."""
    found = []
    for reminder in session.reminders:
        if not is_checkin(reminder) or reminder.get("done"):
            continue
        if str(reminder.get("due", ""))[:10] <= today.isoformat():
            found.append(reminder)
    return found


def record_checkin(session: Any, key: str, values: Mapping[str, Any], today: date) -> None:
    """Keep a check-in's answers in the session and mark its reminder done."""
    answers = {k: v for k, v in values.items() if v not in (None, "")}
    answers["answered_on"] = today.isoformat()
    session.answers[key] = answers
    for reminder in session.reminders:
        if str(reminder.get("id")) == key:
            reminder["done"] = True


def checkin_markdown(record: Mapping[str, Any], catalog: Any) -> str:
    """The session's answered check-ins as Markdown sections ("" when there are none)."""
    flow = str(record.get("flow", ""))
    answers = record.get("answers") or {}
    if flow not in QUESTIONS:
        return ""
    item = catalog.item(f"checkin.{flow}")
    parts = []
    for checkin in checkins_for(flow):
        given = answers.get(checkin.key)
        if not isinstance(given, Mapping):
            continue
        heading = catalog.ui(f"checkin.heading_{checkin.key}")
        lines = [f"## {heading}", ""]
        when = _day(given.get("answered_on"))
        if when:
            lines += [catalog.ui("checkin.answered_on", date=format_date(when, catalog.lang)), ""]
        for field_id, kind in QUESTIONS[flow]:
            value = given.get(field_id)
            if value in (None, ""):
                continue
            label = item.get(f"{field_id}_label", field_id)
            if kind == "yesno":
                lines.append(f"**{label}** {answer_label(catalog, value)}")
                lines.append("")
            else:
                quoted = "\n".join(f"> {line}" if line else ">" for line in str(value).splitlines())
                lines += [f"**{label}**", "", quoted, ""]
        parts.append("\n".join(lines).rstrip())
    return "\n\n".join(parts)


def answer_label(catalog: Any, value: Any) -> str:
    """"Yes", "No", "Not sure" in the catalog's language."""
    key = f"app.{value}"
    return catalog.ui(key) if catalog.has_ui(key) else str(value)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
