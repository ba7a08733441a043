"""The team round: everyone's frustrations and one good thing, the plan, the consequences."""

from __future__ import annotations

from itertools import count
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static, TextArea

from content.flows import Field
from tui.screens.drop.form import DropFormStep

PERSON_FIELDS = ("name", "frustrations", "good", "part", "lesson")
_ids = count(1)


class PersonCard(Vertical):
    """One person at the table: who, their frustrations, one good thing, their part, a lesson."""

    def __init__(self, person: dict[str, Any], labels: dict[str, str], remove_label: str) -> None:
        super().__init__(classes="person-card", id=f"person-{next(_ids)}")
        self.person = person
        self.labels = labels
        self.remove_label = remove_label

    def compose(self) -> ComposeResult:
        for key in PERSON_FIELDS:
            yield Label(self.labels[key], classes="field-label")
            if key == "frustrations":
                area = TextArea(self.person.get(key, ""), soft_wrap=True, tab_behavior="focus",
                                classes=f"person-{key}")
                area.show_line_numbers = False
                yield area
            else:
                yield Input(self.person.get(key, ""), classes=f"person-{key}", select_on_focus=False)
        with Horizontal(classes="person-actions"):
            yield Button(self.remove_label, classes="remove-person", compact=True)

    def value(self) -> dict[str, str]:
        found = {}
        for key in PERSON_FIELDS:
            widget = self.query_one(f".person-{key}")
            found[key] = widget.text if isinstance(widget, TextArea) else widget.value
        return found


class TeamRoundStep(DropFormStep):
    """The team step: a yes/no first; when others work with the client, the round table,
    the plan questions, an agenda for meeting the client, and the consequences."""

    def compose_after(self, field: Field) -> ComposeResult:
        if field.id != "has_team":
            return
        item = self.item
        labels = {key: str(item.get(f"person_{key}_label")) for key in PERSON_FIELDS}
        people = [p for p in self.data.get("people") or [] if isinstance(p, dict)] or [{}]
        with Vertical(id="team-people") as box:
            box.display = self.data.get("has_team") == "yes"
            yield Static(item.get("people_title"), classes="section-title")
            yield Static(item.get("people_hint"), classes="field-hint")
            with Vertical(id="people-list"):
                for person in people:
                    yield PersonCard(person, labels, str(item.get("remove_person")))
            yield Button(str(item.get("add_person")), id="add-person", compact=True)
            warning = Static(item.get("breaking_point"), id="breaking-point")
            warning.display = self.breaking_point(people)
            yield warning

    @staticmethod
    def breaking_point(people: list[dict[str, Any]]) -> bool:
        """True when people have spoken and nobody named one good thing about the client."""
        spoke = [p for p in people if str(p.get("frustrations", "")).strip()]
        return bool(spoke) and not any(str(p.get("good", "")).strip() for p in people)

    def _people(self) -> list[dict[str, str]]:
        return [card.value() for card in self.query(PersonCard)]

    def _people_changed(self) -> None:
        people = self._people()
        self.query_one("#breaking-point").display = self.breaking_point(people)
        self.data["_markdown"] = self.markdown(people)
        self.set_answer("people", people)
        self._refresh_dependents()

    def markdown(self, people: list[dict[str, str]]) -> str:
        """The round table as Markdown: one block per person who said anything."""
        blocks = []
        for person in people:
            if not any(v.strip() for v in person.values()):
                continue
            name = person.get("name", "").strip() or "—"
            lines = [f"- **{name}**"]
            for key in PERSON_FIELDS[1:]:
                if person.get(key, "").strip():
                    text = " ".join(person[key].split())
                    lines.append(f"  - {self.item.get(f'person_{key}_label')}: {text}")
            blocks.append("\n".join(lines))
        if not blocks:
            return ""
        text = f"**{self.item.get('people_title')}**\n\n" + "\n".join(blocks)
        if self.breaking_point(people):
            text += f"\n\n_{self.item.get('breaking_point')}_"
        return text

    def _in_card(self, widget: Any) -> bool:
        return any(isinstance(node, PersonCard) for node in widget.ancestors)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._in_card(event.input):
            event.stop()
            self._people_changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._in_card(event.text_area):
            event.stop()
            self._people_changed()

    def on_radio_set_changed(self, event: Any) -> None:
        if getattr(event.radio_set, "id", "") == "f-has_team":
            self.query_one("#team-people").display = event.pressed.name == "yes"

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add-person":
            event.stop()
            labels = {key: str(self.item.get(f"person_{key}_label")) for key in PERSON_FIELDS}
            card = PersonCard({}, labels, str(self.item.get("remove_person")))
            await self.query_one("#people-list").mount(card)
            card.query_one(".person-name", Input).focus()
            self._people_changed()
        elif event.button.has_class("remove-person"):
            event.stop()
            card = next(a for a in event.button.ancestors if isinstance(a, PersonCard))
            if len(self.query(PersonCard)) > 1:
                await card.remove()
            else:
                for widget in card.query("Input"):
                    widget.value = ""
                card.query_one(TextArea).load_text("")
            self.query_one("#add-person").focus()
            self._people_changed()
