"""Take names out of text before it leaves the user's hands.

A summary shared with a mentor, or an export someone else will read, should not say who the
client is. This module replaces, consistently within one call:

- the client names it is given (and each capitalised word of them) with "Client A",
  "Client B", … in the order the names were given;
- the people's names it is given (a contact, a teammate), and each capitalised word of them,
  with "Person 1", "Person 2", … wherever they stand, a sentence's first word included;
- other capitalised words that read like names (mid-sentence, or at a sentence start when the
  same word also appears mid-sentence) with the next "Person n"; runs such as "Anna Smith"
  count as one name;
- e-mail addresses, web links and phone numbers with a neutral marker.

The labels and the list of capitalised words that are not names (weekdays, months, "I"…)
come from the catalog (`content/<lang>/anonymise.toml`), so the output speaks the user's
language. Public API, kept stable:

- `anonymise_text(text, names, *, people=(), catalog=None) -> str`
- `anonymise_sessions(sessions, catalog) -> list` (records or `Session`-like dataclasses)
- `Anonymiser`, when one mapping must span several calls.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from content.catalog import Catalog, load_catalog
from content.flows import get_flow

_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*", re.UNICODE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_LINK = re.compile(r"(?:https?://|www\.)\S*[^\s.,;:!?)\]\"'»”]", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w(-])\+?\(?\d[\d ()-]{6,}\d(?![\w-])")
_SENTENCE_END = ".!?…\n:;\"«»“”•*-–—>_|"  # "_" and "|": Markdown italics and table cells
_CONNECTORS = frozenset({"de", "da", "do", "dos", "das", "van", "von", "der", "di", "du", "le",
                         "la", "al", "bin", "ibn"})


def _letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: spreadsheet-style letters for client labels."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def _looks_like_phone(text: str) -> bool:
    # Dates and amounts also run digits together; a phone number has at least nine.
    return sum(c.isdigit() for c in text) >= 9


def _is_capitalised(word: str) -> bool:
    first = word[0]
    return first.isupper() and len(word) > 1 and not word.isupper()


class Anonymiser:
    """One consistent mapping from names to labels, shared by every text it handles."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        self.catalog = catalog or load_catalog("en")
        words = self.catalog.item("anonymise.not_names").get("words", ())
        self._not_names = {w.casefold() for w in words}
        self.clients: dict[str, str] = {}  # casefolded full name → label
        self._client_words: dict[str, str] = {}  # capitalised word of a client name → label
        self.people: dict[str, str] = {}  # name as written → label
        self._person_words: dict[str, str] = {}  # capitalised word of a given person's name → label
        self._mid_sentence: set[str] = set()
        self._mid_starts: set[str] = set()  # first words of names met mid-sentence

    # -- labels ------------------------------------------------------------------------
    def client_label(self, name: str) -> str:
        """The label for a client name, giving it the next letter when new."""
        key = " ".join(name.split()).casefold()
        if not key:
            return ""
        if key not in self.clients:
            label = self.catalog.ui("anonymise.client", letter=_letters(len(self.clients)))
            self.clients[key] = label
            for word in _WORD.findall(name):
                if len(word) >= 3 and _is_capitalised(word) and word.casefold() not in self._not_names:
                    self._client_words.setdefault(word, label)
        return self.clients[key]

    def _client_of(self, word: str) -> str | None:
        """The label of the client whose name has `word`, as given or with another ending:
        Russian text declines the names the user typed once («от Ромашки», «Пикселю» for
        «Ромашка», «Пиксель»), and a declined client name must not pass for a person."""
        if word in self._client_words:
            return self._client_words[word]
        for known, label in self._client_words.items():
            stem = known[:-1]
            if len(known) >= 4 and word.startswith(stem) and len(word) - len(stem) <= 3:
                return label
        return None

    def person_label(self, name: str) -> str:
        """The label for a name the user gave as a person's ("Anna Petrova"): the name and
        each of its words are hidden wherever they stand, even opening a sentence."""
        name = " ".join(name.split())
        label = self._person_label(name)
        words = [w for w in _WORD.findall(name)
                 if _is_capitalised(w) and w.casefold() not in self._not_names]
        if words:
            self._mid_starts.add(words[0])
            self._mid_sentence.update(words)
        for word in words:
            self._person_words.setdefault(word, label)
        return label

    def _person_label(self, name: str) -> str:
        if name not in self.people:
            self.people[name] = self.catalog.ui("anonymise.person", n=len(self.people) + 1)
        return self.people[name]

    # -- reading -----------------------------------------------------------------------
    def _candidates(self, text: str) -> Iterable[tuple[int, int, str]]:
        for match in _WORD.finditer(text):
            word = match.group()
            if _is_capitalised(word) and word.casefold() not in self._not_names:
                yield match.start(), match.end(), word

    def _runs(self, text: str) -> Iterable[list[tuple[int, int, str]]]:
        """Capitalised words in runs: "Anna Smith", "Maria da Silva" are one run each."""
        labels = self._label_words()
        run: list[tuple[int, int, str]] = []
        for start, end, word in self._candidates(text):
            if word in labels:
                if run:
                    yield run
                run = []
                continue
            if run:
                gap = text[run[-1][1]:start]
                joined = gap == " " or (gap.startswith(" ") and gap.endswith(" ")
                                        and gap.strip().casefold() in _CONNECTORS)
                if not joined:
                    yield run
                    run = []
            run.append((start, end, word))
        if run:
            yield run

    def _label_words(self) -> set[str]:
        words = {w for label in (*self.clients.values(), *self.people.values())
                 for w in _WORD.findall(label)}
        words |= set(_WORD.findall(self.catalog.ui("anonymise.client", letter="")))
        words |= set(_WORD.findall(self.catalog.ui("anonymise.person", n=0)))
        return words

    @staticmethod
    def _sentence_start(text: str, start: int) -> bool:
        i = start - 1
        while i >= 0 and text[i] in " \t(\"'«“":
            i -= 1
        return i < 0 or text[i] in _SENTENCE_END or text[i].isdigit()

    def learn(self, text: str) -> None:
        """Note the words `text` capitalises mid-sentence, so sentence starts can be judged."""
        for run in self._runs(text):
            words = [w for _, _, w in run]
            if self._sentence_start(text, run[0][0]):
                words = words[1:]
            elif words:
                self._mid_starts.add(words[0])
            self._mid_sentence.update(words)

    def _known(self, word: str) -> bool:
        return word in self._mid_sentence or self._client_of(word) is not None or word in self.people

    def _starts_a_name(self, word: str) -> bool:
        # "Brown" in "Mark Brown" is met mid-sentence too, but never starting a name: at a
        # sentence start "Mark Brown" stays one name, while "Yesterday Anna" loses its
        # first word because "Anna" starts a name elsewhere.
        return word in self._mid_starts or self._client_of(word) is not None or word in self.people

    # -- writing -----------------------------------------------------------------------
    def text(self, text: str) -> str:
        """`text` with every known client, found name and contact detail replaced."""
        if not text:
            return text
        text = _EMAIL.sub(self.catalog.ui("anonymise.email"), text)
        text = _LINK.sub(self.catalog.ui("anonymise.link"), text)
        phone = self.catalog.ui("anonymise.phone")
        text = _PHONE.sub(lambda m: phone if _looks_like_phone(m.group()) else m.group(), text)
        text = self._replace_clients(text)
        return self._replace_people(text)

    def _replace_clients(self, text: str) -> str:
        for key in sorted(self.clients, key=len, reverse=True):
            words = [re.escape(w) for w in key.split()]
            pattern = re.compile(r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])",
                                 re.IGNORECASE | re.UNICODE)
            text = pattern.sub(self.clients[key], text)
        return text

    def _replace_people(self, text: str) -> str:
        pieces: list[str] = []
        last = 0
        for run in list(self._runs(text)):
            if self._sentence_start(text, run[0][0]) and not self._known(run[0][2]):
                # A capitalised first word of a sentence is a name only when the text
                # uses it as one elsewhere, or when a name follows it directly.
                if len(run) == 1 or self._starts_a_name(run[1][2]):
                    run = run[1:]
                if not run:
                    continue
            start, end = run[0][0], run[-1][1]
            name = text[start:end]
            client = next((label for _, _, w in run if (label := self._client_of(w))), None)
            # "Anna" alone is the "Anna Petrova" given as a person; "Anna Smith" is not.
            given = self._person_words.get(name) if len(run) == 1 else None
            pieces.append(text[last:start])
            pieces.append(client or given or self._person_label(name))
            last = end
        pieces.append(text[last:])
        return "".join(pieces)

    def value(self, value: Any) -> Any:
        """Any JSON value with every string in it anonymised (keys are left alone)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, Mapping):
            return {k: self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(v) for v in value]
        return value

    def learn_value(self, value: Any) -> None:
        if isinstance(value, str):
            self.learn(value)
        elif isinstance(value, Mapping):
            for v in value.values():
                self.learn_value(v)
        elif isinstance(value, list | tuple):
            for v in value:
                self.learn_value(v)


def anonymise_text(text: str, names: Sequence[str] = (), *, people: Sequence[str] = (),
                   catalog: Catalog | None = None) -> str:
    """`text` with the client `names` and any other names or contact details replaced.

    `names` are client names, labelled "Client A", "Client B", … in this order; `people` are
    names known to be people's, "Person 1", "Person 2", … in this order; other names found
    get the next numbers. `catalog` chooses the language of the labels (English when not
    given).
    """
    anonymiser = Anonymiser(catalog)
    for name in names:
        anonymiser.client_label(name)
    for name in people:
        anonymiser.person_label(name)
    anonymiser.learn(text)
    return anonymiser.text(text)


_TEXT_FIELDS = ("answers", "reminders")


def anonymise_sessions(sessions: Iterable[Any], catalog: Catalog) -> list[Any]:
    """Copies of `sessions` with clients and names replaced the same way in all of them.

    Each session may be a record (a mapping as `Session.to_record()` gives) or a dataclass
    with `client`, `answers` and `reminders` (such as `store.Session`); the same kind comes
    back. Clients are lettered in the order the sessions come; the people a session's
    answers name (its flow's `people`) are hidden wherever they appear. The originals are
    untouched.
    """
    items = list(sessions)
    anonymiser = Anonymiser(catalog)
    for item in items:
        client = _get(item, "client")
        if client:
            anonymiser.client_label(str(client))
    for item in items:
        try:
            flow = get_flow(str(_get(item, "flow")))
        except KeyError:
            continue
        for name in flow.people_named(_get(item, "answers") or {}):
            anonymiser.person_label(name)
    for item in items:
        for name in _TEXT_FIELDS:
            anonymiser.learn_value(_get(item, name))
    result = []
    for item in items:
        client = _get(item, "client")
        changes = {"client": anonymiser.client_label(str(client)) if client else client}
        for name in _TEXT_FIELDS:
            changes[name] = anonymiser.value(_get(item, name) or ([] if name == "reminders" else {}))
        if isinstance(item, Mapping):
            result.append({**item, **changes})
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            result.append(dataclasses.replace(item, **changes))
        else:
            raise TypeError(f"cannot anonymise a {type(item).__name__}")
    return result


def _get(item: Any, name: str) -> Any:
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)
