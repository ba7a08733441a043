"""Where a client relationship stands: the verdict of the "Should I drop them?" flow.

`assess(flags, self_check)` is a pure function of two answers: the red-flag checklist
(which flags were seen and how often) and the honest look at one's own part. It never reads
the clock, the disk or the catalog, so every rule below is unit-tested on its own.

The rules, in order:

1. A deal-breaker (harassment, an illegal or unethical request) means ending it now, with no
   last attempt, and considering legal help.
2. No flag seen at all: the trouble is not a pattern in the client, so work on it yourself.
3. Abusive or threatening behaviour (rudeness, threats of bad reviews) rules out a last
   attempt: part ways.
4. A heavy load of flags (or a lighter one the user calls toxic) means parting.
5. A light load where the honest look points back at the user means working on it oneself.
6. Anything else earns one fair last attempt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

VerdictKind = Literal["end_now", "work_on_yourself", "last_attempt", "part"]
Frequency = Literal["once", "sometimes", "often"]

# Every red flag, in checklist order, with how much it weighs when seen once.
FLAG_WEIGHTS: dict[str, int] = {
    "terms": 2,
    "impossible": 1,
    "schedule": 1,
    "scope": 2,
    "not_listening": 2,
    "expertise": 1,
    "belittle": 2,
    "nitpick": 1,
    "dissatisfied": 2,
    "late_payment": 2,
    "invoices": 2,
    "price": 1,
    "obligations": 2,
    "rude": 3,
    "review_threats": 3,
    "harassment": 0,
    "illegal": 0,
}
FLAGS: tuple[str, ...] = tuple(FLAG_WEIGHTS)

# Seen even once, these end the relationship: no last attempt.
DEALBREAKERS: frozenset[str] = frozenset({"harassment", "illegal"})
# Abusive or threatening: the last attempt is for people who may not see what they do.
ABUSIVE: frozenset[str] = frozenset({"rude", "review_threats"})

FREQUENCY_FACTOR: dict[str, int] = {"once": 1, "sometimes": 2, "often": 3}
DEFAULT_FREQUENCY: Frequency = "sometimes"

# A load of flags at or above this means parting; above LIGHT the user's own part no
# longer explains it.
PART_AT = 12
TOXIC_PART_AT = 8
LIGHT = 4

# Self-check questions: which answer points back at the user.
SELF_CHECK_POINTS_TO_ME: dict[str, str] = {
    "own_part": "yes",
    "could_better": "yes",
    "best_effort": "no",
    "others_agree": "no",
}
SELF_CHECK: tuple[str, ...] = tuple(SELF_CHECK_POINTS_TO_ME)
MY_PART_AT = 2.0  # this much of the self-check pointing at the user is "look at yourself"

WEIGHTIEST = 3  # how many flags the verdict names as its reasons


@dataclass(frozen=True)
class Verdict:
    """The result: `kind`, the flags that weigh most (heaviest first), and the numbers."""

    kind: VerdictKind
    reasons: tuple[str, ...] = ()
    dealbreakers: tuple[str, ...] = ()
    load: int = 0
    my_part: float = 0.0
    seen: tuple[str, ...] = field(default_factory=tuple)

    @property
    def last_attempt_allowed(self) -> bool:
        """False after a deal-breaker: the last attempt step is skipped."""
        return not self.dealbreakers

    @property
    def legal_help(self) -> bool:
        """A deal-breaker is reason enough to talk to a lawyer."""
        return bool(self.dealbreakers)


def seen_flags(flags: Mapping[str, Any] | None) -> dict[str, Frequency]:
    """The flags marked as seen, each with its frequency (a default when not given).

    `flags` is the checklist's answer: `{flag: {"seen": bool, "often": ..., ...}}`.
    Unknown flag names are ignored.
    """
    found: dict[str, Frequency] = {}
    for name in FLAGS:
        entry = (flags or {}).get(name)
        if not isinstance(entry, Mapping) or not entry.get("seen"):
            continue
        often = entry.get("often")
        found[name] = often if often in FREQUENCY_FACTOR else DEFAULT_FREQUENCY
    return found


def flag_weight(name: str, frequency: str) -> int:
    """How much one seen flag weighs: its base weight times how often it happens."""
    return FLAG_WEIGHTS.get(name, 0) * FREQUENCY_FACTOR.get(frequency, 2)


def my_part(self_check: Mapping[str, Any] | None) -> float:
    """How much of the self-check points back at the user: 1 per answer, 0.5 per "not sure"."""
    total = 0.0
    for question, pointing in SELF_CHECK_POINTS_TO_ME.items():
        given = (self_check or {}).get(question)
        if given == pointing:
            total += 1
        elif given == "unsure":
            total += 0.5
    return total


def assess(flags: Mapping[str, Any] | None, self_check: Mapping[str, Any] | None = None) -> Verdict:
    """The verdict for a checklist answer and a self-check answer (see the module rules)."""
    seen = seen_flags(flags)
    weights = {name: flag_weight(name, often) for name, often in seen.items()}
    dealbreakers = tuple(name for name in FLAGS if name in seen and name in DEALBREAKERS)
    ranked = sorted(weights, key=lambda n: (-weights[n], FLAGS.index(n)))
    reasons = tuple(dealbreakers) + tuple(n for n in ranked if n not in DEALBREAKERS)
    reasons = reasons[:max(WEIGHTIEST, len(dealbreakers))]
    load = sum(weights.values())
    mine = my_part(self_check)
    toxic = (self_check or {}).get("difficult_or_toxic") == "toxic"
    base = {"reasons": reasons, "dealbreakers": dealbreakers, "load": load, "my_part": mine,
            "seen": tuple(n for n in FLAGS if n in seen)}

    if dealbreakers:
        return Verdict("end_now", **base)
    if not seen:
        return Verdict("work_on_yourself", **base)
    if any(name in ABUSIVE for name in seen):
        return Verdict("part", **base)
    if load >= PART_AT or (toxic and load >= TOXIC_PART_AT):
        return Verdict("part", **base)
    if mine >= MY_PART_AT and load <= LIGHT:
        return Verdict("work_on_yourself", **base)
    return Verdict("last_attempt", **base)


def income_at_stake(share: Any) -> float | None:
    """The client's share of income as a percentage from 0 to 100, or None if unreadable."""
    if share in (None, ""):
        return None
    try:
        value = float(str(share).strip().rstrip("%").replace(",", ".").strip())
    except ValueError:
        return None
    if value != value or value < 0:
        return None
    return min(value, 100.0)
