"""The frame every step shares, and `FormStep`, which draws a step from its fields.

A step widget shows one question or exercise. It receives the step, the session's answers
and the catalog; it posts `StepWidget.Changed` with its whole answer whenever the user
changes something, and the flow screen keeps and saves it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.message import Message
from textual.widget import Widget
from textual.widgets import (
    Checkbox,
    Input,
    Label,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
    TextArea,
)

from content import Catalog
from content.catalog import Item
from content.drafts import draft_values, suggested_draft
from content.flows import Field, Flow, Step
from tui.safe_text import shown
from tui.widgets.draft import DraftEditor

YESNO = ("yes", "no", "unsure")


def shown_within(widget: Widget, container: DOMNode) -> bool:
    """True when `widget` and every node between it and `container` is displayed: a field
    hidden until an answer calls for it hides what is inside it too."""
    node: DOMNode | None = widget
    while node is not None and node is not container:
        if not node.display:
            return False
        node = node.parent
    return True


class StepWidget(Vertical):
    """Base class of every step: title, lead line, and the step's own body."""

    # Scroll the step, once shown, as far as its focused control needs to be in view.
    # A step read from its top whatever has the focus (the summary) says False.
    REVEAL_FOCUS: ClassVar[bool] = True
    # Open on the first control still empty; a checklist whose ticks are the answers
    # (the red flags) says False and opens on its first control.
    FOCUS_EMPTY: ClassVar[bool] = True

    class Changed(Message):
        """The step's answer changed; `value` is the whole answer of the step."""

        def __init__(self, step_id: str, value: dict[str, Any]) -> None:
            super().__init__()
            self.step_id = step_id
            self.value = value

    def __init__(self, flow: Flow, step: Step, answers: Mapping[str, Any], catalog: Catalog,
                 *, client: str = "", today: date | None = None) -> None:
        super().__init__(classes="step", id=f"step-{step.id}")
        self.flow = flow
        self.step = step
        self.answers = answers
        self.catalog = catalog
        self.client = client
        self.today = today or date.today()
        self.data: dict[str, Any] = dict(answers.get(step.id) or {})

    @property
    def item(self) -> Item:
        """This step's text item, `<flow>.<step id>`."""
        return self.catalog.item(f"{self.flow.name}.{self.step.id}")

    def compose_header(self) -> ComposeResult:
        yield Static(self.item.get("title"), classes="step-title")
        lead = self.item.get("lead")
        if lead:
            yield Static(lead, classes="step-lead")

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield from self.compose_body()

    def compose_body(self) -> ComposeResult:
        """The step's own content; subclasses override."""
        return iter(())

    def set_answer(self, field_id: str, value: Any) -> None:
        """Record one field's answer and tell the flow."""
        self.data[field_id] = value
        self.post_message(self.Changed(self.step.id, dict(self.data)))

    def value(self) -> dict[str, Any]:
        return dict(self.data)

    def problem(self) -> str | None:
        """A message when the step cannot be left as it is (Continue is refused), else None."""
        return None

    def draft_values(self) -> dict[str, Any]:
        """Placeholders for this step's drafts: every answer so far, plus the flow's extras."""
        merged = {**self.answers, self.step.id: self.data}
        return draft_values(self.flow, merged, self.catalog, self.today, self.client)

    def focus_first(self) -> None:
        """Focus the first control the user can see that is still empty, else the first.

        A step that opens with answers filled in (`parting dropped --client Acme`, a
        session resumed) must not put the first key typed over an answer already given.
        """
        shown = [widget for widget in
                 self.query("Input, TextArea, RadioSet, SelectionList, Checkbox, Button")
                 if widget.focusable and shown_within(widget, self)]
        empty = [w for w in shown if _unanswered(w)] if self.FOCUS_EMPTY else []
        target = empty[0] if empty else (shown[0] if shown else None)
        if target is not None:
            target.focus(scroll_visible=False)  # the flow scrolls once laid out


def _unanswered(widget: Widget) -> bool:
    """True for a control that holds no answer yet: empty text, no option picked."""
    if isinstance(widget, Input):
        return not widget.value.strip()
    if isinstance(widget, TextArea):
        # A draft's text is the app's suggestion, not an answer to give.
        return not widget.text.strip() and not widget.has_class("draft-text")
    if isinstance(widget, RadioSet):
        # The buttons, not `pressed_index`: that is set only once the set has mounted, and
        # a step is focused as soon as its widgets exist.
        return not any(button.value for button in widget.query(RadioButton))
    return False


class DateEcho(Static):
    """Shows back how a typed date was understood, or a hint when it was not."""


class NumberEcho(Static):
    """Under a number or an amount: how it was read, or what to type when it cannot be."""


class FormStep(StepWidget):
    """A step drawn from its `Field`s: labels, hints and options come from the catalog."""

    def compose_body(self) -> ComposeResult:
        for field in self.step.fields:
            with Vertical(classes="field", id=f"field-{field.id}") as box:
                box.display = field.when is None or bool(field.when(self._merged()))
                yield from self.compose_field(field)

    def _merged(self) -> dict[str, Any]:
        return {**self.answers, self.step.id: self.data}

    def label(self, field: Field) -> str:
        return str(self.item.get(f"{field.id}_label", field.id))

    def compose_field(self, field: Field) -> ComposeResult:
        label = self.label(field)
        hint = self.item.get(f"{field.id}_hint")
        current = self.data.get(field.id)
        if field.kind != "switch":
            yield Label(label, classes="field-label")
        if hint:
            yield Static(hint, classes="field-hint")
        name = f"f-{field.id}"
        if field.kind == "line":
            # shown(): a stored answer (perhaps imported) must not drive the terminal.
            yield Input(value="" if current is None else shown(str(current)), id=name,
                        select_on_focus=False)
        elif field.kind in ("number", "money"):
            # Plain text: a number input would drop "," and " " as they are typed, and
            # "4.800,50" or "120 000" are how people write numbers in pt and ru.
            text = "" if current is None else shown(str(current))
            yield Input(value=text, id=name, select_on_focus=False)
            yield NumberEcho(self._number_echo(field, text), id=f"echo-{field.id}",
                             classes="date-echo")
        elif field.kind == "date":
            yield Input(value=shown(current or ""), id=name, select_on_focus=False)
            yield DateEcho(self._echo(field, current or ""), id=f"echo-{field.id}",
                           classes="date-echo")
        elif field.kind == "text":
            area = TextArea(shown(current or ""), id=name, soft_wrap=True, tab_behavior="focus")
            area.show_line_numbers = False
            yield area
        elif field.kind in ("choice", "yesno"):
            options = self._options(field)
            with RadioSet(id=name):
                for key, text in options.items():
                    yield RadioButton(text, value=current == key, name=key)
        elif field.kind == "checklist":
            chosen = set(current or [])
            options = self._options(field)
            yield SelectionList[str](*[(text, key, key in chosen) for key, text in options.items()],
                                     id=name)
        elif field.kind == "switch":
            yield Checkbox(label, value=bool(current), id=name)
        elif field.kind == "draft":
            suggested = self._suggestion(field)
            edited = self.data.get(f"{field.id}__edited")
            yield DraftEditor(shown(suggested), shown(current) if edited and current else None,
                              copy_label=self.catalog.ui("app.copy"),
                              reset_label=self.catalog.ui("app.reset"),
                              placeholder=self.catalog.ui("app.draft_waiting"), id=name)

    def _options(self, field: Field) -> dict[str, str]:
        if field.kind == "yesno":
            return {key: self.catalog.ui(f"app.{key}") for key in YESNO}
        labels = self.item.get(f"{field.id}_options", {})
        return {key: str(labels.get(key, key)) for key in field.options}

    def _suggestion(self, field: Field) -> str:
        assert field.template is not None
        merged = {**self.answers, self.step.id: self.data}
        return shown(suggested_draft(self.flow, field, merged, self.catalog, self.draft_values(),
                                     self.client))

    def currency(self) -> str | None:
        """The currency amounts on this step are in (None: the language's own)."""
        return None

    def _number_echo(self, field: Field, text: str) -> str:
        """How a typed number reads back: "→ 4 800,50 ₽", or an example of what to type."""
        from content.money import format_money, format_number, read_money, read_number

        if not text.strip():
            return ""
        lang = self.catalog.lang
        if field.kind == "money":
            amount = read_money(text)
            if amount is None:
                return self.catalog.ui("app.money_unknown")
            return "→ " + format_money(amount, lang, self.currency())
        number = read_number(text)
        if number is None:
            return self.catalog.ui("app.number_unknown")
        shown_back = format_number(number, lang)
        return "" if shown_back == text.strip() else "→ " + shown_back

    def _echo(self, field: Field, text: str) -> str:
        if not text.strip():
            return ""
        from content.dates import format_date

        day = self._read_date(field, text)
        if day is None:
            return self.catalog.ui("app.date_unknown")
        return "→ " + format_date(day, self.catalog.lang)

    def _read_date(self, field: Field, text: str) -> date | datetime | None:
        """The day `text` names; the day stored when it was typed wins over a fresh reading.

        Relative words are read against the day they were typed, so "Thursday" keeps
        meaning the same Thursday when the session is reopened next week.
        """
        from content.dates import parse_when

        stored = self.data.get(f"{field.id}__date")
        if stored and self.data.get(field.id) == text:
            try:
                return (datetime.fromisoformat(stored) if "T" in stored
                        else date.fromisoformat(stored))
            except (TypeError, ValueError):
                pass
        parsed = parse_when(text, self.catalog.lang, self.today, prefer=field.prefer)
        return parsed.value if parsed else None

    def on_mount(self) -> None:
        for field in self.step.fields:
            if field.kind == "draft":
                self.data[field.id] = self.query_one(f"#f-{field.id}", DraftEditor).text

    # -- events from the field widgets ---------------------------------------------------
    def _field_of(self, widget: Widget) -> Field | None:
        node: Widget | None = widget
        while node is not None and not (node.id or "").startswith("f-"):
            node = node.parent if isinstance(node.parent, Widget) else None
        if node is None:
            return None
        field_id = (node.id or "")[2:]
        return next((f for f in self.step.fields if f.id == field_id), None)

    def on_input_changed(self, event: Input.Changed) -> None:
        field = self._field_of(event.input)
        if field is None:
            return
        event.stop()
        value: Any = event.value
        if field.kind == "date":
            day = self._read_date(field, value) if value.strip() else None
            self.data[f"{field.id}__date"] = day.isoformat() if day else None
            self.query_one(f"#echo-{field.id}", DateEcho).update(self._echo(field, value))
        elif field.kind in ("number", "money"):
            self.query_one(f"#echo-{field.id}", NumberEcho).update(
                self._number_echo(field, value))
        self.set_answer(field.id, value)
        self._refresh_dependents()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        field = self._field_of(event.text_area)
        if field is None or field.kind != "text":
            return
        event.stop()
        self.set_answer(field.id, event.text_area.text)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        field = self._field_of(event.radio_set)
        if field is None:
            return
        event.stop()
        self.set_answer(field.id, event.pressed.name)
        self._refresh_dependents()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        field = self._field_of(event.selection_list)
        if field is None:
            return
        event.stop()
        self.set_answer(field.id, list(event.selection_list.selected))
        self._refresh_dependents()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        field = self._field_of(event.checkbox)
        if field is None:
            return
        event.stop()
        self.set_answer(field.id, event.value)
        self._refresh_dependents()

    def on_draft_editor_changed(self, event: DraftEditor.Changed) -> None:
        field = self._field_of(event.editor)
        if field is None:
            return
        event.stop()
        self.data[f"{field.id}__edited"] = event.edited
        self.set_answer(field.id, event.text)

    def _refresh_dependents(self) -> None:
        merged = self._merged()
        for field in self.step.fields:
            if field.when is not None:
                self.query_one(f"#field-{field.id}").display = bool(field.when(merged))
            if field.kind == "draft":
                self.query_one(f"#f-{field.id}", DraftEditor).set_suggestion(
                    self._suggestion(field))


class StepWidgets(Mapping[str, type[StepWidget]]):
    """A flow's own step widgets by name, each imported when a session first reaches it.

    Some bring heavy modules (the summary's Markdown, the reason step's keyword lists):
    imported together they delayed the first step of a flow, the screen a user opens in a
    hurry, by tens of milliseconds.
    """

    def __init__(self, paths: Mapping[str, str]) -> None:
        self._paths = dict(paths)  # name -> "module:Class"

    def __getitem__(self, name: str) -> type[StepWidget]:
        module, _, class_name = self._paths[name].partition(":")
        return getattr(importlib.import_module(module), class_name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)
