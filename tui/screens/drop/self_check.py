"""The honest look at oneself, with a summary for a mentor that names nobody."""

from __future__ import annotations

from content.anonymise import anonymise_text
from content.flows import Field
from tui.screens.drop.form import DropFormStep


class SelfCheckStep(DropFormStep):
    """The self-check questions; the mentor summary comes out anonymised."""

    def _suggestion(self, field: Field) -> str:
        text = super()._suggestion(field)
        if field.id != "mentor_summary":
            return text
        names = [self.client] if self.client else []
        return anonymise_text(text, names, catalog=self.catalog)
