"""Drafts filled from answers: every message the app offers is a template in the catalog.

A draft the user never edited is not kept as words: it is filled again from the answers
whenever it is shown, so it reads in the language on screen (`fresh_drafts`). Only a draft
the user changed (`<field>__edited`) keeps the user's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from content.anonymise import anonymise_text
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


def draft_values(flow: Any, answers: Mapping[str, Any], catalog: Catalog, today: date,
                 client: str = "") -> dict[str, Any]:
    """Placeholders for a flow's drafts: every answer so far, plus the flow's own extras."""
    values: dict[str, Any] = {"client": client or catalog.ui("app.the_client")}
    values.update(answer_values(answers))
    if flow.context is not None:
        values.update(flow.context(answers, catalog, today))
    return values


def fresh_drafts(flow: Any, answers: Mapping[str, Any], catalog: Catalog, today: date,
                 client: str = "") -> dict[tuple[str, str], str]:
    """Every draft shown on the walk and never edited, filled now in `catalog`'s language.

    Keyed by (step id, field id). A draft that quotes another (the exit message quotes the
    reason) quotes it as it reads now, edited or not.
    """
    values = draft_values(flow, answers, catalog, today, client)
    found: dict[tuple[str, str], str] = {}
    for step in flow.path(answers):
        given = answers.get(step.id)
        if not isinstance(given, Mapping):
            continue
        for field in step.fields:
            if field.kind != "draft" or not field.template or field.id not in given:
                continue
            if field.when is not None and not field.when(answers):
                continue
            if given.get(f"{field.id}__edited"):
                continue
            text = suggested_draft(flow, field, answers, catalog, values, client)
            found[(step.id, field.id)] = text
            values[f"{step.id}__{field.id}"] = text.strip()
    return found


def suggested_draft(flow: Any, field: Any, answers: Mapping[str, Any], catalog: Catalog,
                    values: Mapping[str, Any], client: str = "") -> str:
    """What `field`'s draft suggests for these answers: its template filled from `values`,
    with the client and the people the answers name taken out when the draft is meant
    for someone else (`Field.anonymised`: the summary for a mentor)."""
    text = fill_draft(catalog, field.template, values)
    if not field.anonymised or not text:
        return text
    return anonymise_text(text, [client] if client else [],
                          people=flow.people_named(answers), catalog=catalog)


def fill_draft(catalog: Catalog, template_key: str, values: Mapping[str, Any]) -> str:
    """The template `template_key` (its `template` field) filled from `values`.

    Lines whose placeholders are all empty are dropped, so a draft never shows a sentence
    with a hole where an unanswered question would go, and the numbered points left are
    numbered again from 1. A line that only announces the lines under it with a colon
    ("- Leave the window open:") goes with them. A template listing `requires` stays empty
    until every one of those placeholders has a value: a payment plan letter without a
    plan is no letter. One listing `requires_any` stays empty until at least one of them
    has: an apology needs something to apologise for, whichever it is.
    """
    item = catalog.item(template_key)
    template = str(item["template"])
    present = {k: v for k, v in values.items() if v not in (None, "")}
    if any(name not in present for name in item.get("requires", ())):
        return ""
    either = item.get("requires_any", ())
    if either and not any(name in present for name in either):
        return ""
    source = template.splitlines()
    kept = [_kept(line, present) for line in source]
    for here in range(len(source)):
        below = _announced(source, here)
        if below and not any(kept[n] for n in below):
            kept[here] = False
    lines = [fill(_own_stops(line, present), present)
             for line, keep in zip(source, kept, strict=True) if keep]
    # A paragraph left out (nothing answered for it yet) must not leave a gap behind.
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    small = frozenset(catalog.ui("letters.small_words").split())
    text = _lowered_mid_sentence(text, present, small)
    return _renumber(text).strip() + "\n"


# A placeholder followed by a mark, or by a word that carries its sentence on (the empty
# second group; a capital starts a sentence of its own): either way a full stop the
# answer ends with would stop the sentence too soon.
_STOPPED = re.compile(r"\{(\w+)\}([.,;:)?!»”]|(?= (?![A-ZА-ЯЁÀ-Ý])\w))")


def _own_stops(line: str, present: dict[str, Any]) -> str:
    """`line` with no second stop after an answer that already ends with one.

    Before a full stop the template's own stop goes ("им урезали бюджет." + "."); before
    any other mark ("(ваш дизайнер.)", "стартапов., которым") or a word that goes on with
    the sentence ("your designer. felt left out") the answer's full stop goes, through a
    value of its own in `present` (`name__inline`).
    """
    def keep(match: re.Match[str]) -> str:
        name, mark = match.group(1), match.group(2)
        value = str(present.get(name, "")).rstrip()
        if not value.endswith((".", "!", "?", "…")):
            return match.group(0)
        if mark == ".":
            return "{" + name + "}"
        if value.endswith("."):
            present[f"{name}__inline"] = value.rstrip(".").rstrip()
            return "{" + name + "__inline}" + mark
        return match.group(0)

    return _STOPPED.sub(keep, line)


# Where an answer sits mid-sentence: after a lowercase letter, a comma or a colon and a space.
_MID_SENTENCE = r"(?<=[a-zà-ÿа-яё,:] )"


def _lowered_mid_sentence(text: str, present: Mapping[str, Any],
                          small: frozenset[str]) -> str:
    """`text` with an answer that starts with a capitalised small word lowered where it
    sits mid-sentence: "entrego Os arquivos" reads "entrego os arquivos".

    Only answers (`step__field` values, the client's name aside) are touched, and only
    when their first word is one of the language's small words (`letters.small_words`:
    articles, pronouns, prepositions and the like): "Estúdio Norte", "Acme" and an acronym
    such as "OS" keep their capitals, and so does the template's own text.
    """
    for key, value in present.items():
        if "__" not in key or key.endswith("__client") or not isinstance(value, str):
            continue
        value = value.strip().rstrip(".")
        first = value.split(maxsplit=1)[0] if value else ""
        if not (first[:1].isupper() and first[1:] == first[1:].lower()) \
                or first.casefold().strip(",;:") not in small or "\n" in value:
            continue
        text = re.sub(_MID_SENTENCE + re.escape(value), value[0].lower() + value[1:], text)
    return text


def _kept(line: str, present: Mapping[str, Any]) -> bool:
    """False for a line all of whose placeholders are empty."""
    names = _placeholders(line)
    return not names or any(n in present for n in names)


def _announced(source: list[str], here: int) -> list[int]:
    """The lines that line `here` announces: when it has no placeholder of its own and ends
    with a colon, the lines with placeholders right under it ("- Leave the window open:"
    over "  {exit__window}"); otherwise none. A blank line ends the run: a paragraph a colon opens is
    the letter's own business (its template `requires` what the paragraph needs)."""
    line = source[here]
    if not line.rstrip().endswith(":") or _placeholders(line):
        return []
    below = []
    for number in range(here + 1, len(source)):
        if not _placeholders(source[number]):
            break
        below.append(number)
    return below


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
