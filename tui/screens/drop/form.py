"""`DropFormStep`: a form step that keeps only what the user can see in its answer."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import Vertical

from content.flows import Field
from tui.widgets.draft import DraftEditor
from tui.widgets.step import FormStep


class DropFormStep(FormStep):
    """A `FormStep` whose hidden drafts are not recorded.

    A draft hidden by its field's `when` (the payment message when nobody paid late) would
    otherwise be saved, and then shown in the summary, as if the user had written it.
    """

    def compose_body(self) -> ComposeResult:
        for field in self.step.fields:
            with Vertical(classes="field", id=f"field-{field.id}") as box:
                box.display = field.when is None or bool(field.when(self._merged()))
                yield from self.compose_field(field)
            yield from self.compose_after(field)

    def compose_after(self, field: Field) -> ComposeResult:
        """Extra parts shown after `field` (a table, a list of people); none by default."""
        return iter(())

    def on_mount(self) -> None:
        self._record_visible_drafts()

    def _visible(self, field_id: str) -> bool:
        field = next((f for f in self.step.fields if f.id == field_id), None)
        return field is not None and (field.when is None or bool(field.when(self._merged())))

    def _record_visible_drafts(self) -> None:
        for field in self.step.fields:
            if field.kind != "draft":
                continue
            if self._visible(field.id):
                self.data[field.id] = self.query_one(f"#f-{field.id}", DraftEditor).text
            elif not self.data.get(f"{field.id}__edited"):
                self.data.pop(field.id, None)
                self.data.pop(f"{field.id}__edited", None)

    def on_draft_editor_changed(self, event: DraftEditor.Changed) -> None:
        # A hidden draft reloading its suggestion is not the user writing it.
        field = self._field_of(event.editor)
        if field is not None and not self._visible(field.id):
            event.stop()
            event.prevent_default()

    def _refresh_dependents(self) -> None:
        super()._refresh_dependents()
        self._record_visible_drafts()

    def _suggestion(self, field: Field) -> str:
        # A paragraph left out (nothing answered for it yet) must not leave a gap behind.
        return re.sub(r"\n{3,}", "\n\n", super()._suggestion(field))
