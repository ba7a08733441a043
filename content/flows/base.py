"""Steps, fields and flows: the shape of a walk through parting, without any UI.

A step's text lives in the catalog under the item `<flow>.<step id>` (fields `title`,
`lead`, and per field `<field>_label`, `<field>_hint`, `<field>_options`). A step that needs
more than a form (the breathing pacer, a verdict, a payment plan) names a `widget`; the UI
keeps a widget of that name for the flow.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Answers = Mapping[str, Any]
FieldKind = Literal["line", "text", "choice", "checklist", "date", "draft", "yesno", "number",
                    "money", "switch"]


@dataclass(frozen=True)
class Field:
    """One question on a step.

    kind: "line" (one line of text), "text" (several lines), "choice" (one of `options`),
    "checklist" (any of `options`), "date" (words such as "next Thursday", parsed and shown
    back), "draft" (an editable message filled from a template), "yesno" (yes / no / not
    sure), "number" and "money" (typed as text the way the language writes numbers, read
    back and shown, or a message when they cannot be read), "switch" (on or off).
    """

    id: str
    kind: FieldKind = "line"
    options: tuple[str, ...] = ()
    template: str | None = None  # catalog key of the draft's template item
    prefer: Literal["past", "future"] = "future"  # for dates: how to read "Friday"
    when: Callable[[Answers], bool] | None = None  # shown only when this holds
    anonymised: bool = False  # a draft meant for someone else: names are taken out of it


@dataclass(frozen=True)
class Step:
    """One small screen: a question or an exercise, and the answers it keeps."""

    id: str
    fields: tuple[Field, ...] = ()
    widget: str | None = None
    when: Callable[[Answers], bool] | None = None  # the step is part of the walk only when this holds
    # The step whose answers settle `when`. Steps with the same `branch_of` are alternatives
    # (the walk takes at most one of them), and until the walk is past that step they count
    # as one step still ahead, so the total shown never grows as the user answers.
    branch_of: str | None = None

    def applies(self, answers: Answers) -> bool:
        return self.when is None or bool(self.when(answers))


@dataclass(frozen=True)
class Flow:
    """An ordered list of steps; which of them a walk visits depends on the answers so far."""

    name: str
    steps: tuple[Step, ...] = field(default_factory=tuple)
    # Extra placeholders for drafts computed from the answers (dates, chosen labels...):
    # context(answers, catalog, today) -> {name: text}.
    context: Callable[..., Mapping[str, str]] | None = None
    # The short result shown in history, from the answers: a reason kind, a decision.
    outcome: Callable[[Answers], str | None] | None = None
    # Reminders the answers ask for: reminders(answers, catalog, today) -> [{id, due, what,
    # kind}]. Ids are stable and start with "<flow name>."; the flow screen keeps the
    # session's reminders in step with them (see content.reminders.merge_reminders).
    reminders: Callable[..., list[dict[str, Any]]] | None = None
    # The people the answers name (a contact, a teammate): people(answers) -> [name]. A
    # draft that takes names out hides them even where a sentence starts with one.
    people: Callable[[Answers], list[str]] | None = None

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def path(self, answers: Answers) -> list[Step]:
        """The steps this walk visits, given the answers so far."""
        return [s for s in self.steps if s.applies(answers)]

    def people_named(self, answers: Answers) -> list[str]:
        """The names of people the answers give, as typed."""
        if self.people is None:
            return []
        return [name for name in self.people(answers) if name.strip()]

    def first(self) -> Step:
        return self.steps[0]

    def next_step(self, step_id: str, answers: Answers) -> Step | None:
        """The step after `step_id` for these answers, or None at the end."""
        ids = [s.id for s in self.steps]
        index = ids.index(step_id)
        for step in self.steps[index + 1:]:
            if step.applies(answers):
                return step
        return None

    def previous_step(self, step_id: str, answers: Answers) -> Step | None:
        """The step before `step_id` for these answers, or None at the start."""
        ids = [s.id for s in self.steps]
        index = ids.index(step_id)
        for step in reversed(self.steps[:index]):
            if step.applies(answers):
                return step
        return None

    def position(self, step_id: str, answers: Answers) -> tuple[int, int]:
        """(1-based position of `step_id`, number of steps) along this walk.

        The number counts the steps the answers lead to, plus one for each branch still
        open ahead: a branch whose deciding step is `step_id` or later and none of whose
        steps the answers lead to yet. "Step 7 of 10" never becomes "Step 8 of 11"; a branch
        the user passes by makes the total smaller instead.
        """
        path = self.path(answers)
        ids = [s.id for s in self.steps]
        here = ids.index(step_id)
        taken = {s.branch_of for s in path}
        open_ahead = {s.branch_of for s in self.steps[here + 1:]
                      if s.branch_of and s.branch_of not in taken
                      and ids.index(s.branch_of) >= here}
        total = len(path) + len(open_ahead)
        on_path = [s.id for s in path]
        if step_id not in on_path:
            return (0, total)
        return (on_path.index(step_id) + 1, total)


def answer(answers: Answers, step_id: str, field_id: str, default: Any = None) -> Any:
    """The answer to one field, or `default` when it was not given."""
    value = answers.get(step_id)
    if isinstance(value, Mapping):
        got = value.get(field_id, default)
        return default if got in (None, "") else got
    return default
