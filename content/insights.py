"""Patterns across sessions: red flags that recur, reasons clients gave, how decisions aged.

Pure functions over session records: full sessions, summaries (no answers) or plain dicts
as `Session.to_record()` gives. Anything missing or malformed is skipped, never raised on,
so zero sessions, one session and thousands all work; data written by an older or newer
parting counts as far as it can be read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from content.checkins import checkins_for

ANSWER_VALUES = ("yes", "no", "unsure")


@dataclass(frozen=True)
class Count:
    """How often something came up (`count`), and with which clients, most frequent first."""

    key: str
    count: int
    clients: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tally:
    """Yes / no / not sure answers to one check-in question, for one group of sessions."""

    key: str
    yes: int = 0
    no: int = 0
    unsure: int = 0

    @property
    def total(self) -> int:
        return self.yes + self.no + self.unsure


@dataclass(frozen=True)
class Insights:
    """Everything the insights screen draws."""

    sessions: int
    dropped: int
    drop: int
    flags: tuple[Count, ...]
    reasons: tuple[Count, ...]
    decisions: tuple[Count, ...]
    right_call: tuple[Tally, ...]  # per decision: was it the right call, at the last check-in
    came_back: Tally
    referrals: Tally
    repeat_clients: tuple[Count, ...]


def field(record: Any, name: str, default: Any = None) -> Any:
    """`record[name]` or `record.name`, whichever the record offers."""
    if isinstance(record, Mapping):
        return record.get(name, default)
    return getattr(record, name, default)


def answers_of(record: Any) -> Mapping[str, Any]:
    found = field(record, "answers")
    return found if isinstance(found, Mapping) else {}


def client_of(record: Any) -> str:
    return str(field(record, "client") or "").strip()


def flags_of(record: Any) -> list[str]:
    """The red flags ticked in a "drop" session, each once, in the order found.

    The flow keeps them under `answers["flags"]` as `{flag: {"seen": true, "often": …}}`;
    a list of ids, lists of ids per group, or booleans per flag are read as well.
    """
    if field(record, "flow") != "drop":
        return []
    given = answers_of(record).get("flags")
    found: list[str] = []

    def take(value: Any, name: str | None = None) -> None:
        if isinstance(value, str) and value and name is None:
            found.append(value)
        elif isinstance(value, list | tuple):
            for entry in value:
                take(entry)
        elif name and _ticked(value):
            found.append(name)

    if isinstance(given, Mapping):
        for name, value in given.items():
            if not str(name).startswith("_"):
                take(value, str(name))
    else:
        take(given)
    return list(dict.fromkeys(found))


def _ticked(value: Any) -> bool:
    if isinstance(value, Mapping):
        return bool(value.get("seen"))
    return value is True or value in ("yes", "true", "on")


def recurring_flags(records: Iterable[Any]) -> tuple[Count, ...]:
    """Each red flag with the number of sessions it was ticked in and the clients involved."""
    counts: Counter[str] = Counter()
    clients: dict[str, Counter[str]] = {}
    names = _ClientNames()
    for record in records:
        client = names.add(client_of(record))
        for flag in flags_of(record):
            counts[flag] += 1
            if client:
                clients.setdefault(flag, Counter())[client] += 1
    return _ranked(counts, clients, names)


def reason_kinds(records: Iterable[Any]) -> tuple[Count, ...]:
    """The kinds of reason clients gave for leaving ("dropped" sessions' outcomes)."""
    return _outcomes(records, "dropped")


def decisions(records: Iterable[Any]) -> tuple[Count, ...]:
    """What was decided in "drop" sessions (their outcomes)."""
    return _outcomes(records, "drop")


def _outcomes(records: Iterable[Any], flow: str) -> tuple[Count, ...]:
    counts: Counter[str] = Counter()
    clients: dict[str, Counter[str]] = {}
    names = _ClientNames()
    for record in records:
        outcome = field(record, "outcome")
        if field(record, "flow") != flow or not isinstance(outcome, str) or not outcome:
            continue
        counts[outcome] += 1
        client = names.add(client_of(record))
        if client:
            clients.setdefault(outcome, Counter())[client] += 1
    return _ranked(counts, clients, names)


def latest_checkin(record: Any) -> Mapping[str, Any] | None:
    """The answers of the session's latest answered check-in, or None."""
    answers = answers_of(record)
    for checkin in reversed(checkins_for(str(field(record, "flow") or ""))):
        given = answers.get(checkin.key)
        if isinstance(given, Mapping) and given:
            return given
    return None


def right_call_by_decision(records: Iterable[Any]) -> tuple[Tally, ...]:
    """Per decision: how many later said it was the right call (latest check-in counts)."""
    tallies: dict[str, Counter[str]] = {}
    for record in records:
        if field(record, "flow") != "drop":
            continue
        given = latest_checkin(record)
        value = given.get("right_call") if given else None
        if value not in ANSWER_VALUES:
            continue
        decision = str(field(record, "outcome") or "")
        tallies.setdefault(decision, Counter())[value] += 1
    ordered = sorted(tallies.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    return tuple(Tally(key, c["yes"], c["no"], c["unsure"]) for key, c in ordered)


def dropped_followups(records: Iterable[Any], question: str) -> Tally:
    """Across "dropped" check-ins: yes / no / not sure to `question` (came_back, referrals)."""
    counts: Counter[str] = Counter()
    for record in records:
        if field(record, "flow") != "dropped":
            continue
        given = latest_checkin(record)
        value = given.get(question) if given else None
        if value in ANSWER_VALUES:
            counts[value] += 1
    return Tally(question, counts["yes"], counts["no"], counts["unsure"])


def repeat_clients(records: Iterable[Any]) -> tuple[Count, ...]:
    """Clients who appear in more than one session, with how many."""
    counts: Counter[str] = Counter()
    names = _ClientNames()
    for record in records:
        client = names.add(client_of(record))
        if client:
            counts[client] += 1
    ranked = _ranked(counts, {}, names)
    return tuple(c for c in ranked if c.count > 1)


def summarize(records: Iterable[Any]) -> Insights:
    """All insights in one pass over the records (they are materialised once)."""
    rows = list(records)
    flows = Counter(field(r, "flow") for r in rows)
    return Insights(
        sessions=len(rows),
        dropped=flows["dropped"],
        drop=flows["drop"],
        flags=recurring_flags(rows),
        reasons=reason_kinds(rows),
        decisions=decisions(rows),
        right_call=right_call_by_decision(rows),
        came_back=dropped_followups(rows, "came_back"),
        referrals=dropped_followups(rows, "referrals"),
        repeat_clients=repeat_clients(rows),
    )


class _ClientNames:
    """Groups "acme ", "Acme" and "ACME" as one client, shown as first spelled."""

    def __init__(self) -> None:
        self.shown: dict[str, str] = {}

    def add(self, client: str) -> str:
        if not client:
            return ""
        key = " ".join(client.split()).casefold()
        return self.shown.setdefault(key, " ".join(client.split()))


def _ranked(counts: Counter[str], clients: Mapping[str, Counter[str]],
            names: _ClientNames) -> tuple[Count, ...]:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    result = []
    for key, count in ordered:
        who = clients.get(key, Counter())
        ranked_clients = sorted(who, key=lambda name: (-who[name], name.casefold()))
        result.append(Count(key, count, tuple(ranked_clients)))
    return tuple(result)


def flag_label(catalog: Any, flag: str) -> str:
    """A red flag's short name from the "drop" flow's content, or its id made readable."""
    for key in (f"drop_flags.{flag}", f"drop.flags.{flag}"):
        try:
            item = catalog.item(key)
        except KeyError:
            continue
        for name in ("label", "short", "title", "name", "text"):
            value = item.get(name)
            if isinstance(value, str) and value:
                return value
    return flag.replace("_", " ").replace("-", " ").strip().capitalize() or flag


def outcome_text(catalog: Any, flow: str, outcome: str | None) -> str:
    """A session's outcome in words: the reason kind, the decision, or the verdict so far."""
    if not outcome:
        return ""
    key = f"md.outcome_{flow}_{outcome}"
    if catalog.has_ui(key):
        return catalog.ui(key)
    if flow == "drop":
        try:
            options = catalog.item("drop.decision").get("decision_options", {})
        except KeyError:
            options = {}
        if outcome in options:
            return str(options[outcome])
        if catalog.has_ui(f"drop.verdict_label_{outcome}"):
            return catalog.ui(f"drop.verdict_label_{outcome}")
    return outcome.replace("_", " ")
