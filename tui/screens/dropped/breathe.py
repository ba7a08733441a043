"""The breathing step: a minute with the pacer before anything gets written or sent."""

from __future__ import annotations

import contextlib

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, RadioButton, RadioSet, Static

from content.breathing import PATTERN_NAMES, cycles_for
from store.errors import StoreError
from store.settings import save_settings
from tui.i18n import translate_bindings
from tui.widgets.breathing import BreathingPacer
from tui.widgets.step import StepWidget


class BreathingStep(StepWidget):
    """Pick a pattern, start, breathe; skip with one key. Reduced motion shows numbers only.

    The answer records the pattern and whether the breaths were finished or skipped; the
    pattern and the reduced-motion choice are also kept in the user's settings.
    """

    BINDINGS = [
        Binding("s", "skip", "dropped.key_skip", id="dropped.breathe.skip"),
        Binding("r", "restart", "dropped.key_restart", id="dropped.breathe.restart"),
        Binding("m", "toggle_motion", "dropped.key_motion", id="dropped.breathe.motion"),
    ]

    def compose_body(self) -> ComposeResult:
        ui = self.catalog.ui
        settings = self.app.settings
        pattern = self.data.get("pattern") or settings.breathing_pattern
        if pattern not in PATTERN_NAMES:
            pattern = PATTERN_NAMES[0]
        self.data["pattern"] = pattern
        with Horizontal(id="breathe-row"):
            yield BreathingPacer(
                pattern, reduced_motion=settings.reduced_motion,
                phase_labels={name: ui(f"dropped.phase_{name}")
                              for name in ("in", "hold", "out", "hold_empty", "top_up")},
                ready_text=ui("dropped.ready"), done_text=ui("dropped.finished"),
                cycle_text=lambda n, total: ui("dropped.cycle", n=n, total=total),
                shape_height=7, id="breathe-pacer")
            with Vertical(id="breathe-controls"):
                yield Static(ui("dropped.pattern_label"), classes="field-label")
                with RadioSet(id="breathe-pattern", compact=True):
                    for name in PATTERN_NAMES:
                        yield RadioButton(ui(f"dropped.pattern_{name}"), value=name == pattern,
                                          name=name)
                yield Static(ui(f"dropped.pattern_{pattern}_hint"), id="breathe-hint",
                             classes="field-hint")
                yield Checkbox(ui("dropped.reduced_motion"), value=settings.reduced_motion,
                               id="breathe-motion", compact=True)
                with Horizontal(id="breathe-buttons"):
                    yield Button(ui("dropped.start"), id="breathe-start", variant="success",
                                 compact=True)
                    yield Button(ui("dropped.skip"), id="breathe-skip", compact=True)
        yield Static(id="breathe-status", classes="field-hint")

    def on_mount(self) -> None:
        translate_bindings(self, self.catalog)
        self.screen.refresh_bindings()

    @property
    def pacer(self) -> BreathingPacer:
        return self.query_one(BreathingPacer)

    def focus_first(self) -> None:
        # The flow scrolls it into view once laid out (in a short window it may sit below
        # the fold).
        self.query_one("#breathe-start", Button).focus(scroll_visible=False)

    # -- actions ---------------------------------------------------------------------------
    def action_start(self) -> None:
        self.pacer.start()
        self.query_one("#breathe-status", Static).update("")
        self.query_one("#breathe-start", Button).label = self.catalog.ui("dropped.restart")

    def action_restart(self) -> None:
        self.action_start()

    def action_skip(self) -> None:
        self.pacer.stop()
        self.query_one("#breathe-status", Static).update(self.catalog.ui("dropped.skipped"))
        self.query_one("#breathe-start", Button).label = self.catalog.ui("dropped.start")
        self._record("skipped", 0)

    def action_toggle_motion(self) -> None:
        box = self.query_one("#breathe-motion", Checkbox)
        box.value = not box.value  # the Changed handler does the rest

    # -- events ----------------------------------------------------------------------------
    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "breathe-start":
            self.action_start()
        elif event.button.id == "breathe-skip":
            self.action_skip()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        pattern = event.pressed.name or PATTERN_NAMES[0]
        if pattern == self.pacer.pattern:
            return
        self.pacer.set_pattern(pattern)
        self.query_one("#breathe-hint", Static).update(
            self.catalog.ui(f"dropped.pattern_{pattern}_hint"))
        self.app.settings.breathing_pattern = pattern
        self._save_settings()
        self.set_answer("pattern", pattern)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        if event.value == self.pacer.reduced_motion:
            return
        self.app.settings.reduced_motion = event.value
        self.pacer.set_reduced_motion(event.value)
        self._save_settings()
        self.app.notify(self.catalog.ui(
            "dropped.reduced_motion_on" if event.value else "dropped.reduced_motion_off"))

    def on_breathing_pacer_finished(self, event: BreathingPacer.Finished) -> None:
        event.stop()
        self.query_one("#breathe-start", Button).label = self.catalog.ui("dropped.restart")
        self.query_one("#breathe-status", Static).update("")
        self._record("finished", event.cycles)
        self.screen.query_one("#nav-next", Button).focus()

    def _record(self, status: str, cycles: int) -> None:
        self.data["cycles"] = cycles
        self.data["planned"] = cycles_for(self.pacer.pattern)
        self.set_answer("status", status)

    def _save_settings(self) -> None:
        # A setting that cannot be saved still applies for this run.
        with contextlib.suppress(OSError, StoreError):
            save_settings(self.app.store.directory, self.app.settings)
