"""The honest look at oneself, with a summary for a mentor that names nobody."""

from __future__ import annotations

from tui.screens.drop.form import DropFormStep


class SelfCheckStep(DropFormStep):
    """The self-check questions; the mentor summary comes out anonymised
    (`Field.anonymised`, applied wherever a draft is suggested)."""
