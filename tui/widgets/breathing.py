"""`BreathingPacer`: a shape that grows, holds and shrinks in time with a breathing pattern.

The timings come from `content.breathing`; this widget only keeps time and draws. A timer
runs only while the pacer is running and its screen is the one on top: before Start, after
the last breath, when skipped, or while another screen covers it, nothing ticks at all.
With reduced motion the shape is not drawn and the timer wakes only when the countdown
changes.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from content.breathing import Moment, cycles_for, moment, shape_rows, total_seconds

FRAME = 1 / 12  # seconds between frames while the shape moves


class BreathingPacer(Vertical):
    """Paces `cycles` breaths of `pattern`; posts `Finished` after the last one.

    Text comes in from outside (`phase_labels`, `ready_text`, `done_text`, `cycle_text`),
    so the widget holds no words of its own. `clock` is the monotonic time source; tests
    pass their own, or call `show_at()` for a still frame.
    """

    DEFAULT_CSS = """
    BreathingPacer { height: auto; width: auto; min-width: 24; align-horizontal: center; }
    BreathingPacer .pacer-shape { color: $accent; }
    BreathingPacer .pacer-phase { width: 100%; text-align: center; text-style: bold; }
    BreathingPacer .pacer-count { width: 100%; text-align: center; text-style: bold;
                                  color: $primary; }
    BreathingPacer .pacer-cycle { width: 100%; text-align: center; color: $text-muted; }
    """

    class Finished(Message):
        """Every breath of the pattern was paced."""

        def __init__(self, pacer: BreathingPacer, cycles: int) -> None:
            super().__init__()
            self.pacer = pacer
            self.cycles = cycles

        @property
        def control(self) -> BreathingPacer:
            return self.pacer

    def __init__(self, pattern: str = "box", *, cycles: int | None = None,
                 reduced_motion: bool = False, phase_labels: Mapping[str, str] | None = None,
                 ready_text: str = "", done_text: str = "",
                 cycle_text: Callable[[int, int], str] | None = None,
                 shape_height: int = 9, clock: Callable[[], float] = time.monotonic,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.pattern = pattern
        self.cycles = cycles or cycles_for(pattern)
        self.reduced_motion = reduced_motion
        self.phase_labels = dict(phase_labels or {})
        self.ready_text = ready_text
        self.done_text = done_text
        self.cycle_text = cycle_text or (lambda n, total: f"{n}/{total}")
        self.shape_height = shape_height
        self.clock = clock
        self._timer: Timer | None = None
        self._started: float | None = None  # clock reading when the current run began
        self._elapsed = 0.0  # seconds paced before the current run (kept across pauses)
        self._running = False
        self._finished = False
        self._shown: tuple | None = None

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(classes="pacer-shape")
        yield Static(classes="pacer-phase")
        yield Static(classes="pacer-count")
        yield Static(classes="pacer-cycle")

    def on_mount(self) -> None:
        shape = self.query_one(".pacer-shape", Static)
        shape.styles.width = self.shape_height * 2
        shape.styles.height = self.shape_height
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        self._draw(None)

    # -- state -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """True while breaths are being paced (a paused pacer is still running)."""
        return self._running

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def animating(self) -> bool:
        """True while a timer is waking the pacer."""
        return self._timer is not None

    def elapsed(self) -> float:
        if self._started is None:
            return self._elapsed
        return self._elapsed + self.clock() - self._started

    def current(self) -> Moment:
        return moment(self.pattern, self.elapsed(), self.cycles)

    # -- control ---------------------------------------------------------------------------
    def start(self) -> None:
        """Start pacing from the first breath."""
        self._stop_timer()
        self._elapsed = 0.0
        self._finished = False
        self._running = True
        self._resume()

    def stop(self) -> None:
        """Stop pacing (skip): the timer goes and the pacer shows its resting frame."""
        self._stop_timer()
        self._running = False
        self._started = None
        self._elapsed = 0.0
        self._shown = None
        self._draw(None)

    def set_pattern(self, pattern: str, cycles: int | None = None) -> None:
        """Change the pattern; a running pacer starts over with it."""
        self.pattern = pattern
        self.cycles = cycles or cycles_for(pattern)
        if self._running:
            self.start()
        else:
            self._shown = None
            self._draw(None)

    def set_reduced_motion(self, reduced: bool) -> None:
        """Show only the countdown (True) or the moving shape too (False)."""
        self.reduced_motion = reduced
        self._shown = None
        if self._timer is not None:
            self._stop_timer()
            self._schedule()
        self._draw(self.current() if self._running or self._finished else None)

    def show_at(self, elapsed: float) -> None:
        """Show the frame `elapsed` seconds in and stop there (for still pictures)."""
        self._stop_timer()
        self._running = False
        self._started = None
        self._elapsed = elapsed
        self._shown = None
        self._draw(self.current())

    # -- time ------------------------------------------------------------------------------
    def _resume(self) -> None:
        if not self._running or self._timer is not None:
            return
        if not self._on_top():
            return  # `_screen_changed` resumes when the screen is back on top
        self._started = self.clock()
        self._schedule()
        self._tick()

    def _pause(self) -> None:
        if self._started is not None:
            self._elapsed += self.clock() - self._started
            self._started = None
        self._stop_timer()

    def _schedule(self) -> None:
        if self.reduced_motion:
            self._timer = self.set_timer(self._until_next_second(), self._tick_reduced)
        else:
            self._timer = self.set_interval(FRAME, self._tick)

    def _until_next_second(self) -> float:
        remaining = self.current().remaining
        return max(0.05, remaining - math.floor(remaining - 1e-9) + 0.01)

    def _tick_reduced(self) -> None:
        self._timer = None
        self._tick()
        if self._running and self._started is not None:
            self._schedule()

    def _tick(self) -> None:
        if not self._on_top():
            self._pause()
            return
        now = self.current()
        self._draw(now)
        if now.finished:
            self._stop_timer()
            self._running = False
            self._finished = True
            self._elapsed = total_seconds(self.pattern, self.cycles)
            self._started = None
            self.post_message(self.Finished(self, self.cycles))

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _on_top(self) -> bool:
        try:
            return self.is_attached and self.screen.is_active
        except Exception:
            return False

    def _screen_changed(self, screen: Screen) -> None:
        if screen is self.screen and self._running:
            self._resume()
        elif screen is not self.screen:
            self._pause()

    def on_unmount(self) -> None:
        self._stop_timer()

    # -- drawing ---------------------------------------------------------------------------
    def _draw(self, now: Moment | None) -> None:
        size = now.size if now is not None else self._resting_size()
        rows = () if self.reduced_motion else tuple(
            shape_rows(size, self.shape_height * 2, self.shape_height))
        if now is None:
            words = (self.ready_text, "", "")
        elif now.finished:
            words = (self.done_text, "", self.cycle_text(self.cycles, self.cycles))
        else:
            words = (self.phase_labels.get(now.phase.name, now.phase.name), str(now.countdown),
                     self.cycle_text(now.cycle + 1, self.cycles))
        shown = (rows, words)
        if shown == self._shown:
            return  # nothing visible changed: skip the repaint
        before_rows, before_words = self._shown or (None, (None, None, None))
        self._shown = shown
        # Only what changed is updated: each update lays the pacer out again, and most
        # frames move the shape alone (the words change once a second at most). Measured
        # with `benchmarks/run.py --only cpu`: 5.2% of a core while breathing before, 3.8-4.4% after.
        if rows != before_rows:
            shape = self.query_one(".pacer-shape", Static)
            shape.display = not self.reduced_motion
            width = self.shape_height * 2
            shape.update("\n".join(("█" * w).center(width) for w in rows))
        for name, text, before in zip(("phase", "count", "cycle"), words, before_words,
                                      strict=True):
            if text != before:
                self.query_one(f".pacer-{name}", Static).update(text)

    def _resting_size(self) -> float:
        from content.breathing import phases

        return phases(self.pattern)[0].start
