"""Drafts filled from answers: every message the app offers is a template in the catalog."""

from __future__ import annotations

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
    with a hole where an unanswered question would go.
    """
    template = str(catalog.item(template_key)["template"])
    present = {k: v for k, v in values.items() if v not in (None, "")}
    lines = []
    for line in template.splitlines():
        names = _placeholders(line)
        if names and not any(n in present for n in names):
            continue
        lines.append(fill(line, present))
    return "\n".join(lines).strip() + "\n"


def _placeholders(line: str) -> list[str]:
    from string import Formatter

    try:
        return [name for _, name, _, _ in Formatter().parse(line) if name]
    except ValueError:
        return []
