"""Steps of the "I was dropped" flow that need more than a form."""

from tui.widgets.step import StepWidget

WIDGETS: dict[str, type[StepWidget]] = {}
