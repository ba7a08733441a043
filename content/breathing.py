"""Breathing patterns as timed phases, and where in them a moment falls.

A pattern is a cycle of phases; each phase names what to do ("in", "hold", "out", "top_up")
and how the shape changes over it: `start` and `end` are its size as a fraction of the
largest, so "in" grows from small to full, "hold" keeps its size, "out" shrinks. The UI asks
`moment(pattern, elapsed)` what to draw; nothing here knows about time passing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SMALL = 0.2  # the shape's size at the bottom of a breath, as a fraction of the largest
TARGET_SECONDS = 60.0  # about one minute of breathing by default


@dataclass(frozen=True)
class Phase:
    """One part of a breath: what to do (`name`), for how long, and how the shape changes."""

    name: str
    seconds: float
    start: float
    end: float


@dataclass(frozen=True)
class Moment:
    """Where `elapsed` seconds fall: cycle (0-based), phase, seconds left in it, shape size."""

    cycle: int
    phase_index: int
    phase: Phase
    remaining: float
    size: float
    finished: bool

    @property
    def countdown(self) -> int:
        """The whole seconds left in this phase, as a countdown shows them (never 0 mid-phase)."""
        return max(1, math.ceil(self.remaining - 1e-9)) if not self.finished else 0


PATTERNS: dict[str, tuple[Phase, ...]] = {
    # Box breathing: four equal sides.
    "box": (Phase("in", 4, SMALL, 1.0), Phase("hold", 4, 1.0, 1.0),
            Phase("out", 4, 1.0, SMALL), Phase("hold_empty", 4, SMALL, SMALL)),
    # 4-7-8: a short breath in, a long hold, a longer breath out.
    "478": (Phase("in", 4, SMALL, 1.0), Phase("hold", 7, 1.0, 1.0),
            Phase("out", 8, 1.0, SMALL)),
    # The physiological sigh: a breath in, a second short one on top, a long slow breath out.
    "sigh": (Phase("in", 3, SMALL, 0.8), Phase("top_up", 1, 0.8, 1.0),
             Phase("out", 6, 1.0, SMALL)),
}

PATTERN_NAMES: tuple[str, ...] = tuple(PATTERNS)


def phases(pattern: str) -> tuple[Phase, ...]:
    """The phases of one cycle of `pattern`; unknown names fall back to box breathing."""
    return PATTERNS.get(pattern, PATTERNS["box"])


def cycle_seconds(pattern: str) -> float:
    """How long one cycle of `pattern` takes."""
    return sum(p.seconds for p in phases(pattern))


def cycles_for(pattern: str, seconds: float = TARGET_SECONDS) -> int:
    """How many whole cycles come closest to `seconds` (at least one)."""
    return max(1, round(seconds / cycle_seconds(pattern)))


def total_seconds(pattern: str, cycles: int) -> float:
    """How long `cycles` cycles of `pattern` take."""
    return cycle_seconds(pattern) * cycles


def _ease(progress: float) -> float:
    # A breath speeds up and slows down; a half-cosine reads as calmer than a straight line.
    return (1 - math.cos(math.pi * progress)) / 2


def moment(pattern: str, elapsed: float, cycles: int | None = None) -> Moment:
    """What to show `elapsed` seconds into `cycles` cycles of `pattern`.

    Past the last cycle the moment is `finished`, at the end of the last phase.
    """
    steps = phases(pattern)
    cycles = cycles if cycles is not None else cycles_for(pattern)
    length = cycle_seconds(pattern)
    elapsed = max(0.0, elapsed)
    if elapsed >= length * cycles:
        last = steps[-1]
        return Moment(cycles - 1, len(steps) - 1, last, 0.0, last.end, True)
    cycle, into = divmod(elapsed, length)
    for index, phase in enumerate(steps):
        if into < phase.seconds:
            progress = into / phase.seconds
            size = phase.start + (phase.end - phase.start) * _ease(progress)
            return Moment(int(cycle), index, phase, phase.seconds - into, size, False)
        into -= phase.seconds
    last = steps[-1]  # only reached through rounding at a cycle's very end
    return Moment(int(cycle), len(steps) - 1, last, 0.0, last.end, False)


def shape_rows(size: float, max_width: int, max_height: int) -> list[int]:
    """The width of each row of a round shape of `size`, centred in a box of the given size.

    Terminal cells are about twice as tall as wide, so the shape is twice as wide as tall.
    Rows outside the shape have width 0; the list always has `max_height` rows.
    """
    max_height = max(1, max_height)
    radius_rows = max(0.5, size * max_height / 2)
    radius_cols = min(max_width / 2, radius_rows * 2)
    centre = (max_height - 1) / 2
    widths = []
    for row in range(max_height):
        dy = (row - centre) / radius_rows
        if abs(dy) > 1:
            widths.append(0)
            continue
        half = radius_cols * math.sqrt(1 - dy * dy)
        width = int(round(half * 2))
        if width % 2 != max_width % 2:
            width = max(0, width - 1)  # keep the shape centred on whole cells
        widths.append(min(max_width, width))
    return widths
