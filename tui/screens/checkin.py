"""`CheckinModal`: the follow-up questions a finished session gets weeks or months later.

The answers go into the session under the check-in's key (`answers["checkin_30"]`) and its
reminder is marked done, so the session page and the insights show how things turned out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, RadioButton, RadioSet, Static, TextArea

from content.checkins import QUESTIONS, record_checkin
from store import Session
from tui.footer import Footer
from tui.i18n import translate_bindings
from tui.safe_text import shown_markup
from tui.screens import styles

ANSWERS = ("yes", "no", "unsure")


class CheckinModal(ModalScreen[bool]):
    """Ask one check-in's questions; dismissed with True once the answers are saved."""

    CSS_PATH = styles("modals")

    BINDINGS = [
        Binding("ctrl+s", "save", "checkin.key_save", id="checkin.save", priority=True),
        Binding("escape", "cancel", "checkin.key_cancel", id="checkin.cancel"),
    ]

    def __init__(self, session: Session, key: str) -> None:
        super().__init__()
        self.session = session
        self.key = key

    def compose(self) -> ComposeResult:
        catalog = self.app.catalog
        item = catalog.item(f"checkin.{self.session.flow}")
        client = shown_markup(self.session.client) or catalog.ui("app.the_client")
        before: Mapping[str, Any] = self.session.answers.get(self.key) or {}
        with VerticalScroll(id="checkin-box"):
            yield Static(catalog.text(f"checkin.{self.session.flow}", "title", client=client),
                         classes="modal-title")
            yield Static(catalog.ui(f"checkin.heading_{self.key}"), classes="modal-lead")
            yield Static(str(item.get("lead")), classes="modal-lead")
            for field_id, kind in QUESTIONS.get(self.session.flow, ()):
                yield Static(str(item.get(f"{field_id}_label")), classes="field-label")
                hint = item.get(f"{field_id}_hint")
                if hint:
                    yield Static(str(hint), classes="field-hint")
                if kind == "yesno":
                    with RadioSet(id=f"checkin-{field_id}", classes="checkin-choice"):
                        for value in ANSWERS:
                            yield RadioButton(catalog.ui(f"app.{value}"),
                                              value=before.get(field_id) == value,
                                              id=f"checkin-{field_id}-{value}")
                else:
                    yield TextArea(str(before.get(field_id, "")), id=f"checkin-{field_id}",
                                   classes="checkin-text")
            with Horizontal(classes="modal-buttons"):
                yield Button(catalog.ui("checkin.cancel"), id="checkin-cancel")
                yield Button(catalog.ui("checkin.save"), id="checkin-save", variant="primary")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        self.query(RadioSet).first().focus()

    def values(self) -> dict[str, str]:
        """What the user has answered so far."""
        found: dict[str, str] = {}
        for field_id, kind in QUESTIONS.get(self.session.flow, ()):
            if kind == "yesno":
                pressed = self.query_one(f"#checkin-{field_id}", RadioSet).pressed_button
                if pressed is not None and pressed.id:
                    found[field_id] = pressed.id.rsplit("-", 1)[1]
            else:
                text = self.query_one(f"#checkin-{field_id}", TextArea).text.strip()
                if text:
                    found[field_id] = text
        return found

    @on(Button.Pressed, "#checkin-save")
    def action_save(self) -> None:
        record_checkin(self.session, self.key, self.values(), self.app.today())
        if self.app.persist(self.session):
            self.app.notify(self.app.catalog.ui("checkin.saved"))
            self.dismiss(True)

    @on(Button.Pressed, "#checkin-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
