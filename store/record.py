"""The session record: what one walk through a flow leaves behind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, TypedDict

Flow = Literal["dropped", "drop"]
Status = Literal["in_progress", "done"]

FIELDS = ("id", "flow", "client", "created_at", "updated_at", "status", "lang",
          "answers", "reminders", "step", "outcome")


class Reminder(TypedDict, total=False):
    """One follow-up: `due` is an ISO date (YYYY-MM-DD) or datetime, `what` a short line."""

    id: str
    due: str
    what: str
    done: bool
    kind: str


def now_iso(clock: Callable[[], datetime] | None = None) -> str:
    """The current local time as ISO 8601 with its UTC offset, to the second."""
    moment = clock() if clock else datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().isoformat(timespec="seconds")


@dataclass
class Session:
    """One session of a flow.

    `answers` maps a step id to that step's JSON value; `step` is where the user was,
    so a resumed session opens there; `outcome` is the short result shown in history
    (the kind of reason in "dropped", the decision in "drop").
    """

    id: str
    flow: str
    client: str
    created_at: str
    updated_at: str
    status: str = "in_progress"
    lang: str = "en"
    answers: dict[str, Any] = field(default_factory=dict)
    reminders: list[Reminder] = field(default_factory=list)
    step: str | None = None
    outcome: str | None = None

    def to_record(self) -> dict[str, Any]:
        """A plain dict of JSON values, as written to disk and to exports."""
        return asdict(self)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Session:
        """Build a session from a record; unknown keys are ignored, missing optional ones defaulted."""
        known = {k: record[k] for k in FIELDS if k in record}
        return cls(**known)


def new_session(flow: str, client: str = "", lang: str = "en",
                clock: Callable[[], datetime] | None = None) -> Session:
    """A fresh in-progress session with a new uuid and both timestamps set to now."""
    import uuid  # only new sessions need it; loading uuid costs a command a few ms

    stamp = now_iso(clock)
    return Session(id=str(uuid.uuid4()), flow=flow, client=client, created_at=stamp,
                   updated_at=stamp, lang=lang)
