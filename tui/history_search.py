"""What the history's filter looks through: the sessions' labels and the words of their answers.

`AnswerText` reads the answers (one session file each, once per session version) and keeps
their distinct words; `SessionSearch` answers a typed filter over summaries in the order
they are shown. Each keystroke does as little as it can: one casefolded haystack per
session, made once; one substring test per word and session; and a word typed onto the
previous ones looks only among what matched them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from weakref import WeakKeyDictionary

from store import SessionNotFound, SessionStore, StoreError, Summary


class AnswerText:
    """The distinct words of every session's answers, casefolded, read once per session version.

    Kept per store for the whole run, so opening History again does not read the files again.
    A typed word never holds a space, so it is found in the text exactly when it is found in
    one of the text's words: each word is kept once, however often it was written.
    """

    _by_store: WeakKeyDictionary[SessionStore, dict[str, tuple[str, str]]] = WeakKeyDictionary()

    def __init__(self, store: SessionStore) -> None:
        self.store = store
        self.known = self._by_store.setdefault(store, {})

    def missing(self, summaries: Sequence[Summary]) -> list[Summary]:
        """The sessions whose answers are not read yet, or were read at another version."""
        return [s for s in summaries
                if s.id not in self.known or self.known[s.id][0] != s.updated_at]

    def read(self, summary: Summary) -> None:
        """Read one session's answers and reminders (safe from a worker thread)."""
        try:
            session = self.store.get(summary.id)
        except (SessionNotFound, StoreError):
            return
        parts: list[str] = []
        _collect(session.answers, parts)
        parts.extend(str(r.get("what", "")) for r in session.reminders)
        parts.extend(str(v) for r in session.reminders
                     if isinstance(r.get("text_values"), dict)
                     for v in r["text_values"].values() if isinstance(v, str))
        words = dict.fromkeys(" ".join(parts).casefold().split())
        self.known[summary.id] = (summary.updated_at, " ".join(words))

    def get(self, session_id: str) -> str:
        """The words read for a session; empty when it has not been read."""
        found = self.known.get(session_id)
        return found[1] if found else ""


def _collect(value: object, parts: list[str]) -> None:
    if isinstance(value, str):
        parts.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, parts)
    elif isinstance(value, list):
        for item in value:
            _collect(item, parts)


class SessionSearch:
    """The summaries, in the order shown, that match a flow, a status and typed words.

    `labels` gives what a row shows (its haystack besides the answers). Call `arrange` when
    the summaries or their order change, and `answers_changed` when more answers were read.
    """

    def __init__(self, labels: Callable[[Summary], Sequence[object]], answers: AnswerText) -> None:
        self._labels = labels
        self._answers = answers
        self._ordered: Sequence[Summary] = ()
        self._label_text: dict[str, str] = {}
        self._haystacks: dict[str, str] | None = None
        self._version = 0  # a result is narrowed only within one version of rows and answers
        self._last: tuple[tuple[object, ...], tuple[str, ...], Sequence[Summary]] | None = None

    def arrange(self, ordered: Sequence[Summary], *, changed: bool) -> None:
        """Search `ordered` from now on; `changed`: the summaries themselves were read again."""
        self._ordered = ordered
        if changed:
            self._label_text.clear()
            self._haystacks = None
        self._version += 1

    def answers_changed(self) -> None:
        """More answers were read: every haystack is made again at the next search."""
        self._haystacks = None
        self._version += 1

    def find(self, flow: object, status: object, words: Sequence[str]) -> Sequence[Summary]:
        """The summaries of `flow` and `status` ("all": any) holding every word, in order."""
        words = tuple(words)
        key = (self._version, flow, status)
        last = self._last
        if last is not None and last[0] == key and _narrows(last[1], words):
            rows = last[2]
        else:
            rows = self._ordered
            if flow != "all" or status != "all":
                rows = [s for s in rows if (flow == "all" or s.flow == flow)
                        and (status == "all" or s.status == status)]
        if words:
            haystacks = self._haystacks_now()
            for word in words:
                rows = [s for s in rows if word in haystacks[s.id]]
        self._last = (key, words, rows)
        return rows

    def _haystacks_now(self) -> dict[str, str]:
        if self._haystacks is None:
            labels, text = self._label_text, self._answers.get
            for summary in self._ordered:
                if summary.id not in labels:
                    labels[summary.id] = " ".join(str(c) for c in self._labels(summary)).casefold()
            # A newline between the two: no word typed (split on whitespace) spans it.
            self._haystacks = {s.id: f"{labels[s.id]}\n{text(s.id)}" for s in self._ordered}
        return self._haystacks


def _narrows(before: tuple[str, ...], now: tuple[str, ...]) -> bool:
    """True when every session holding `now`'s words holds `before`'s too."""
    return all(any(old in new for new in now) for old in before)
