"""What the store hands back to the app: summaries for lists, notices, import results."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, overload

from store.record import Reminder


@dataclass(frozen=True, slots=True)
class Summary:
    """What the history list and the reminder list need of a session, without its answers.

    Slotted: there is one per session, and the app keeps them all for its lists.
    """

    id: str
    flow: str
    client: str
    created_at: str
    updated_at: str
    status: str
    lang: str
    outcome: str | None
    step: str | None
    reminders: tuple[Reminder, ...] = field(default_factory=tuple)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Summary:
        """A summary from an index row."""
        return cls(id=row["id"], flow=row["flow"], client=row["client"],
                   created_at=row["created_at"], updated_at=row["updated_at"],
                   status=row["status"], lang=row["lang"], outcome=row["outcome"],
                   step=row["step"], reminders=tuple(row.get("reminders") or ()))


class SummaryList(Sequence[Summary]):
    """The summaries of index rows in order, each made the first time it is asked for.

    A list that shows a page at a time (History) makes only that page's summaries; a walk
    over all of them makes the rest once and from then on reads a plain list.
    """

    __slots__ = ("_rows", "_made", "_complete")

    def __init__(self, rows: Sequence[dict[str, Any]]) -> None:
        self._rows = rows
        self._made: list[Summary | None] = [None] * len(rows)
        self._complete = not rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Summary: ...

    @overload
    def __getitem__(self, index: slice) -> list[Summary]: ...

    def __getitem__(self, index: int | slice) -> Summary | list[Summary]:
        if isinstance(index, slice):
            if self._complete:
                return self._made[index]  # type: ignore[return-value]
            return [self._one(i) for i in range(*index.indices(len(self._rows)))]
        if index < 0:
            index += len(self._rows)
        if not 0 <= index < len(self._rows):
            raise IndexError("summary index out of range")
        return self._one(index)

    def __iter__(self) -> Iterator[Summary]:
        return iter(self.all())

    def all(self) -> list[Summary]:
        """Every summary, made now if not yet: a new list the caller may change."""
        if not self._complete:
            made, rows = self._made, self._rows
            for i, summary in enumerate(made):
                if summary is None:
                    made[i] = Summary.from_row(rows[i])
            self._complete = True
        return list(self._made)  # type: ignore[arg-type]

    def _one(self, index: int) -> Summary:
        summary = self._made[index]
        if summary is None:
            summary = self._made[index] = Summary.from_row(self._rows[index])
        return summary


@dataclass(frozen=True)
class Notice:
    """Something the store did on open that the user should hear about.

    kind: "damaged" (a file could not be read and was moved aside to `path`; `backup` is the
    last good copy, if any, which `restore_backup` puts back), "migrated" (an older schema
    was upgraded; `backup` is the copy kept), "read_only" (another parting window has the
    data folder; this one can read but not save), "newer" (a file written by a newer
    parting, at `path`, was left untouched and is not shown), "unreadable" (a session file
    at `path` is there but cannot be read: no permission, an I/O error, a folder in its
    place; it is left as it is, and nothing writes over it).

    `message` is English; `code` (see `store.errors.CODES`) and `params` let the interface
    say it in the user's language. `params` take no part in equality or hashing: the
    message already spells them out.
    """

    kind: str
    message: str
    path: Path | None = None
    backup: Path | None = None
    code: str | None = None
    params: Mapping[str, str | int] = field(
        default_factory=lambda: MappingProxyType({}), compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.params, MappingProxyType):
            object.__setattr__(self, "params", MappingProxyType(dict(self.params)))


@dataclass(frozen=True)
class ImportResult:
    """How an import merged: sessions new to this store, replaced by newer ones, or kept."""

    added: int
    updated: int
    unchanged: int
