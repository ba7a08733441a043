"""Steps of the "Should I drop them?" flow that need more than a form."""

from tui.screens.drop.after import AfterStep
from tui.screens.drop.attempt import LastAttemptStep
from tui.screens.drop.decision import DecisionStep
from tui.screens.drop.exit_script import ExitScriptStep
from tui.screens.drop.red_flags import RedFlagChecklist
from tui.screens.drop.self_check import SelfCheckStep
from tui.screens.drop.summary import DropSummaryStep
from tui.screens.drop.team import TeamRoundStep
from tui.screens.drop.verdict import VerdictStep
from tui.widgets.step import StepWidget

WIDGETS: dict[str, type[StepWidget]] = {
    "self_check": SelfCheckStep,
    "flags": RedFlagChecklist,
    "verdict": VerdictStep,
    "team": TeamRoundStep,
    "attempt": LastAttemptStep,
    "decision": DecisionStep,
    "exit": ExitScriptStep,
    "after": AfterStep,
    "summary": DropSummaryStep,
}
