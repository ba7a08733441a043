"""Drafts filled from answers: every message the app offers is a template in the catalog."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from content.catalog import Catalog, fill


def answer_values(answers: Mapping[str, Any]) -> dict[str, str]:
    """Flatten answers to placeholders: `{step__field}` for every text or number answer.

    A list answer becomes a comma-separated line, so a checklist can be named in a draft.
    """
    values: dict[str, str] = {}
    for step_id, fields in answers.items():
        if not isinstance(fields, Mapping):
            continue
        for field_id, value in fields.items():
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                values[f"{step_id}__{field_id}"] = str(value).strip()
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                values[f"{step_id}__{field_id}"] = ", ".join(value)
    return values


def fill_draft(catalog: Catalog, template_key: str, values: Mapping[str, Any]) -> str:
    """The template `template_key` (its `template` field) filled from `values`.

    Lines whose placeholders are all empty are dropped, so a draft never shows a sentence
    with a hole where an unanswered question would go, and the numbered points left are
    numbered again from 1. A template listing `requires` stays empty until every one of
    those placeholders has a value: a payment plan letter without a plan is no letter.
    """
    item = catalog.item(template_key)
    template = str(item["template"])
    present = {k: v for k, v in values.items() if v not in (None, "")}
    if any(name not in present for name in item.get("requires", ())):
        return ""
    lines = []
    for line in template.splitlines():
        names = _placeholders(line)
        if names and not any(n in present for n in names):
            continue
        lines.append(fill(line, present))
    return _renumber("\n".join(lines)).strip() + "\n"


_POINT = re.compile(r"^(\d+)\. ")


def _renumber(text: str) -> str:
    """Number each run of numbered points 1, 2, 3…: a point left out leaves no gap."""
    out = []
    number = 0
    for line in text.splitlines():
        match = _POINT.match(line)
        if match:
            number += 1
            line = f"{number}. " + line[match.end():]
        elif line.strip() and not line.startswith(" "):
            number = 0
        out.append(line)
    return "\n".join(out)


def _placeholders(line: str) -> list[str]:
    from string import Formatter

    try:
        return [name for _, name, _, _ in Formatter().parse(line) if name]
    except ValueError:
        return []
