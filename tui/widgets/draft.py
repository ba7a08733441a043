"""`DraftEditor`: a message the app drafted from the answers, for the user to edit and copy."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, TextArea


class DraftEditor(Vertical):
    """An editable draft with Copy and Reset; the app's ctrl+o copies the focused draft.

    `suggested` is the text filled from the answers; once the user edits, their text is
    kept and a later change to the answers no longer overwrites it (Reset brings the
    suggestion back).
    """

    DEFAULT_CSS = """
    DraftEditor { height: auto; margin: 0 0 1 0; }
    DraftEditor TextArea { height: auto; min-height: 6; max-height: 20; }
    DraftEditor .draft-actions { height: auto; }
    DraftEditor .draft-actions Button { margin: 0 1 0 0; min-width: 10; }
    """

    class Changed(Message):
        """The text changed: `edited` is True when it differs from the suggestion."""

        def __init__(self, editor: DraftEditor, text: str, edited: bool) -> None:
            super().__init__()
            self.editor = editor
            self.text = text
            self.edited = edited

        @property
        def control(self) -> DraftEditor:
            return self.editor

    def __init__(self, suggested: str, text: str | None = None, *, copy_label: str = "Copy",
                 reset_label: str = "Reset", placeholder: str = "",
                 id: str | None = None) -> None:
        super().__init__(id=id, classes="draft")
        self.suggested = suggested
        self._initial = text if text is not None else suggested
        self._copy_label = copy_label
        self._reset_label = reset_label
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        # A letter that has nothing to say yet says where it will appear, not a blank box.
        area = TextArea(self._initial, soft_wrap=True, tab_behavior="focus", classes="draft-text",
                        placeholder=self._placeholder)
        area.show_line_numbers = False
        yield area
        with Horizontal(classes="draft-actions"):
            yield Button(self._copy_label, classes="copy", compact=True)
            yield Button(self._reset_label, classes="reset", compact=True)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def set_suggestion(self, suggested: str) -> None:
        """Offer a new suggestion; the visible text follows it only if not edited."""
        unedited = self.text == self.suggested
        self.suggested = suggested
        if unedited:
            self.query_one(TextArea).load_text(suggested)

    def copy(self) -> None:
        """Copy the draft to the clipboard (OSC 52, which also works over SSH)."""
        self.app.copy_to_clipboard(self.text)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, self.text, self.text != self.suggested))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.has_class("copy"):
            self.copy()
            self.app.notify(self.app.catalog.ui("app.copied"))
        elif event.button.has_class("reset"):
            self.query_one(TextArea).load_text(self.suggested)
