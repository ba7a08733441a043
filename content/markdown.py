"""A session as one readable Markdown page: what was asked, what was answered, every draft."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from content.catalog import Catalog
from content.checkins import checkin_markdown
from content.date_format import format_date
from content.drafts import fresh_drafts
from content.flows import Field, get_flow
from content.reminders import due_date, reminder_text


def session_markdown(record: Mapping[str, Any], catalog: Catalog,
                     today: date | None = None) -> str:
    """Render a session record (as `Session.to_record()` gives) for reading or export.

    Drafts the user never edited are written again from the answers, in the catalog's
    language; `today` is the day they are read against (the session's last change).
    """
    flow = get_flow(str(record["flow"]))
    answers: Mapping[str, Any] = record.get("answers") or {}
    fresh = fresh_drafts(flow, answers, catalog, today or _last_day(record),
                         str(record.get("client") or ""))
    ui = catalog.ui
    client = record.get("client") or ui("app.no_client")
    title = ui(f"home.{flow.name}_title")
    # "Should I drop them?" is a question: a colon after its question mark would read "?:".
    joint = " — " if title.endswith(("?", "!", "…")) else ": "
    lines = [f"# {title}{joint}{client}", ""]
    status = ui("md.status_done") if record.get("status") == "done" else ui("md.status_open")
    lines.append(ui("md.meta", created=_when(str(record.get("created_at", "")), catalog.lang),
                    status=status))
    if record.get("outcome"):
        lines.append("")  # its own paragraph, not run into the line above
        lines.append(ui("md.outcome", outcome=outcome_label(catalog, flow.name,
                                                            str(record["outcome"]))))
    lines.append("")
    for step in flow.path(answers):
        given = answers.get(step.id)
        if not isinstance(given, Mapping) or not given:
            continue
        item = catalog.item(f"{flow.name}.{step.id}")
        # A field hidden by its `when` (the payment plan when nobody paid late) may still
        # hold an old answer; the page shows what the walk showed.
        body = [_field_lines(catalog, item, f, fresh.get((step.id, f.id), given.get(f.id)),
                             given.get(f"{f.id}__date"))
                for f in step.fields if f.when is None or f.when(answers)]
        body = [b for b in body if b]
        extra = given.get("_markdown")
        if isinstance(extra, str) and extra.strip():
            body.append(_items_keep_their_lines(extra.strip()))
        if not body:
            continue
        lines.append(f"## {item.get('title')}")
        lines.append("")
        for part in body:  # a blank line after each answer, so Markdown keeps them apart
            lines += [part.rstrip("\n"), ""]
    followups = checkin_markdown(record, catalog)
    if followups:
        lines += [followups, ""]
    reminders = record.get("reminders") or []
    if reminders:
        lines.append(f"## {ui('md.reminders')}")
        lines.append("")
        for reminder in reminders:
            mark = "x" if reminder.get("done") else " "
            day = due_date(reminder)
            due = format_date(day, catalog.lang, with_weekday=False) if day \
                else reminder.get("due", "")
            lines.append(f"- [{mark}] {due}: {reminder_text(reminder, catalog)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _last_day(record: Mapping[str, Any]) -> date:
    for name in ("updated_at", "created_at"):
        try:
            return datetime.fromisoformat(str(record.get(name, ""))).date()
        except ValueError:
            continue
    return date.today()


def outcome_label(catalog: Catalog, flow: str, outcome: str) -> str:
    """The outcome in the user's words; a decision or a verdict reads as its label, not its key."""
    from content.insights import outcome_text

    return outcome_text(catalog, flow, outcome)


def _labelled(label: Any, value: Any) -> str:
    """"**Label**: value"; a label that already ends a sentence ("Who told you?") takes no
    colon after it."""
    text = str(label).rstrip()
    if text.endswith(("?", "!", ":", "…")):
        return f"**{text}** {value}"
    return f"**{text}**: {value}"


def _quoted(text: str) -> str:
    """`text` as a Markdown quote that keeps its lines: a line followed by another ends in a
    hard break (two spaces), so a viewer does not run "Budget: …" and "Schedule: …" together."""
    lines = text.splitlines()
    quoted = []
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        line = line.rstrip()
        quoted.append(f"> {line}  " if line and after.strip() else f"> {line}" if line else ">")
    return "\n".join(quoted)


def _items_keep_their_lines(text: str) -> str:
    """`text` with a list item that goes on over indented lines ending each of them in a
    hard break (two spaces), so a viewer shows a red flag's day and example under its
    title instead of running "(once) Tuesday, 1 December: …" into it."""
    lines = text.splitlines()
    kept = []
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        goes_on = line.strip() and after.startswith("  ") and after.strip()
        kept.append(line.rstrip() + "  " if goes_on else line)
    return "\n".join(kept)


def _field_lines(catalog: Catalog, item: Any, field: Field, value: Any,
                 day: Any = None) -> str:
    if value in (None, "", [], False) or (isinstance(value, str) and not value.strip()):
        return ""  # a question left empty (or holding only a typed space) is not shown
    label = item.get(f"{field.id}_label", field.id)
    if field.kind == "date" and isinstance(day, str) and day:
        return _labelled(label, f"{value} ({_day_text(day, catalog.lang)})")
    if field.kind == "draft" or field.kind == "text":
        return f"**{label}**\n\n{_quoted(str(value))}\n"
    if field.kind in ("choice",):
        if not isinstance(value, str):
            return ""  # no screen writes such a choice (an edited import): nothing to show
        options = item.get(f"{field.id}_options", {})
        return _labelled(label, options.get(value, value))
    if field.kind == "yesno":
        return _labelled(label, catalog.ui(f"app.{value}") if catalog.has_ui(f"app.{value}")
                         else value)
    if field.kind == "checklist":
        options = item.get(f"{field.id}_options", {})
        names = [options.get(v, v) for v in value] if isinstance(value, list) else [str(value)]
        return f"**{label}**\n" + "\n".join(f"- {n}" for n in names) + "\n"
    if field.kind == "switch":
        return _labelled(label, catalog.ui("app.yes"))
    return _labelled(label, value)


def _day_text(stamp: str, lang: str) -> str:
    """The day a date field was read as when typed ("Thursday, 26 November 2026")."""
    from datetime import date, datetime

    from content.dates import format_date

    try:
        value = datetime.fromisoformat(stamp) if "T" in stamp else date.fromisoformat(stamp)
    except ValueError:
        return stamp
    return format_date(value, lang)


def _when(stamp: str, lang: str) -> str:
    """A stored ISO timestamp as the user's language writes it, in the time zone it was made."""
    try:
        return format_date(datetime.fromisoformat(stamp), lang)
    except ValueError:
        return stamp[:16].replace("T", " ")
