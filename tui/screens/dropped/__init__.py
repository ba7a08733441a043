"""Steps of the "I was dropped" flow that need more than a form."""

from tui.widgets.step import StepWidgets

WIDGETS = StepWidgets({
    "breathe": "tui.screens.dropped.breathe:BreathingStep",
    "draft": "tui.screens.dropped.drafts:DraftStep",
    "reason": "tui.screens.dropped.reason:ReasonStep",
    "summary": "tui.widgets.summary:SummaryStep",
})
