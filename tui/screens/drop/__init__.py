"""Steps of the "Should I drop them?" flow that need more than a form."""

from tui.widgets.step import StepWidgets

WIDGETS = StepWidgets({
    "self_check": "tui.screens.drop.self_check:SelfCheckStep",
    "flags": "tui.screens.drop.red_flags:RedFlagChecklist",
    "verdict": "tui.screens.drop.verdict:VerdictStep",
    "team": "tui.screens.drop.team:TeamRoundStep",
    "attempt": "tui.screens.drop.attempt:LastAttemptStep",
    "decision": "tui.screens.drop.decision:DecisionStep",
    "exit": "tui.screens.drop.exit_script:ExitScriptStep",
    "after": "tui.screens.drop.after:AfterStep",
    "summary": "tui.widgets.summary:SummaryStep",
})
