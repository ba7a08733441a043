"""Steps of the "I was dropped" flow that need more than a form."""

from tui.screens.dropped.breathe import BreathingStep
from tui.screens.dropped.drafts import DraftStep
from tui.screens.dropped.reason import ReasonStep
from tui.screens.dropped.summary import SummaryStep
from tui.widgets.step import StepWidget

WIDGETS: dict[str, type[StepWidget]] = {
    "breathe": BreathingStep,
    "draft": DraftStep,
    "reason": ReasonStep,
    "summary": SummaryStep,
}
