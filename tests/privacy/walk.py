"""Walk a whole flow the way a user would: answer what each step asks, then Continue."""

from __future__ import annotations

from textual.widgets import Input, RadioButton, RadioSet, SelectionList, TextArea

from tui.screens.flow import FlowScreen


async def walk_flow(app, pilot, limit: int = 40, steps: int | None = None) -> list[str]:
    """Answer every step of the open flow and finish it (or stop after `steps` steps);
    return the step ids seen."""
    seen: list[str] = []
    for _ in range(limit):
        screen = app.screen
        if not isinstance(screen, FlowScreen) or (steps is not None and len(seen) >= steps):
            return seen
        step = screen.current
        if step is None:
            await pilot.pause()
            continue
        seen.append(step.step.id)
        for field in step.query(Input):
            if not field.value and field.display:
                field.value = "Acme" if field.id == "f-client" else "next Tuesday"
        for area in step.query(TextArea):
            if not area.text and not area.read_only:
                area.text = "Some thoughts, written down."
        for radios in step.query(RadioSet):
            if radios.pressed_button is None:
                buttons = list(radios.query(RadioButton))
                if buttons:
                    buttons[0].value = True
        for options in step.query(SelectionList):
            if not options.selected and options.option_count:
                options.select(options.get_option_at_index(0))
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
    raise AssertionError(f"the flow did not finish; steps seen: {seen}")
