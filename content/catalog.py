"""Load `content/<lang>/*.toml` into frozen items, with English as the per-item fallback.

A file holds tables. A table with an `ids` key is an *item*: one piece of coaching text,
listing the seed points it covers. Its other keys are strings, lists of strings, or tables
of strings (options, plural forms). Sub-tables that carry their own `ids` are items too,
keyed with dots: `[flags.scope]` in `drop.toml` is the item `drop.flags.scope`.

The special table `[ui]` in any file holds plain interface strings (no ids needed), keyed
`<file>.<name>`; a value that is a table is a plural: `{one = "...", few = "...", ...}`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

LANGUAGES = ("en", "ru", "pt")
FALLBACK = "en"

Value = str | tuple[str, ...] | Mapping[str, str]


class ContentError(Exception):
    """A content file is malformed; the message names the file and the key."""


@dataclass(frozen=True)
class Item:
    """One piece of coaching text: its key, the seed points it covers, and its fields."""

    key: str
    ids: tuple[str, ...]
    fields: Mapping[str, Value] = field(default_factory=lambda: MappingProxyType({}))
    lang: str = FALLBACK

    def __getitem__(self, name: str) -> Any:
        return self.fields[name]

    def get(self, name: str, default: Any = "") -> Any:
        return self.fields.get(name, default)

    def __contains__(self, name: object) -> bool:
        return name in self.fields


def _freeze(value: Any, where: str) -> Value:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        if not all(isinstance(v, str) for v in value):
            raise ContentError(f"{where}: a list may hold only strings")
        return tuple(value)
    if isinstance(value, dict):
        if not all(isinstance(v, str) for v in value.values()):
            raise ContentError(f"{where}: an option table may hold only strings")
        return MappingProxyType(dict(value))
    raise ContentError(f"{where}: expected text, a list of text or a table of text, got {type(value).__name__}")


def _walk(table: Mapping[str, Any], prefix: str, lang: str, source: str,
          items: dict[str, Item]) -> None:
    fields: dict[str, Value] = {}
    for name, value in table.items():
        where = f"{source}: {prefix}.{name}"
        if isinstance(value, dict) and ("ids" in value or _has_items(value)):
            _walk(value, f"{prefix}.{name}", lang, source, items)
        elif name != "ids":
            fields[name] = _freeze(value, where)
    if "ids" in table:
        ids = table["ids"]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise ContentError(f"{source}: {prefix}.ids must be a list of seed-point ids")
        items[prefix] = Item(prefix, tuple(ids), MappingProxyType(fields), lang)
    elif fields:
        raise ContentError(f"{source}: {prefix} has text but no `ids` list")


def _has_items(table: Mapping[str, Any]) -> bool:
    return any(isinstance(v, dict) and ("ids" in v or _has_items(v)) for v in table.values())


# The content files sit beside this module, in the package's own folder. Found from
# `__file__` rather than with importlib.resources, which imports tempfile, shutil, zipfile,
# bz2, lzma and random with it: measured on 3 December 2026 (busy 2-CPU machine, medians of
# 15), `python -c "from importlib import resources"` took 80 ms more than `import pathlib`,
# more than a whole `python -c pass` (66 ms) there, paid by every printing command.
CONTENT_DIR = Path(__file__).resolve().parent


@cache
def _stems(lang: str) -> tuple[str, ...]:
    """The content files of `lang`, by name without `.toml`."""
    folder = CONTENT_DIR / lang
    if not folder.is_dir():
        raise ContentError(f"no content for language {lang!r}")
    return tuple(sorted(e.name.removesuffix(".toml") for e in folder.iterdir()
                        if e.name.endswith(".toml")))


@cache
def _load_file(lang: str, stem: str) -> tuple[Mapping[str, Item], Mapping[str, Value]]:
    """The items and interface strings of `content/<lang>/<stem>.toml` (empty if absent).

    Files are read one at a time, when a key from them is first asked for: a command that
    prints two lines should not parse every screen's text first.
    """
    items: dict[str, Item] = {}
    ui: dict[str, Value] = {}
    if stem not in _stems(lang):
        return MappingProxyType(items), MappingProxyType(ui)
    entry = CONTENT_DIR / lang / f"{stem}.toml"
    source = f"content/{lang}/{stem}.toml"
    try:
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{source}: {error}") from error
    for name, value in data.items():
        if name == "ui":
            if not isinstance(value, dict):
                raise ContentError(f"{source}: [ui] must be a table")
            for key, text in value.items():
                ui[f"{stem}.{key}"] = _freeze(text, f"{source}: ui.{key}")
        elif isinstance(value, dict):
            _walk(value, f"{stem}.{name}", lang, source, items)
        else:
            raise ContentError(f"{source}: top-level key {name!r} must be a table")
    return MappingProxyType(items), MappingProxyType(ui)


@cache
def _load_language(lang: str) -> tuple[Mapping[str, Item], Mapping[str, Value]]:
    """Every item and string of `lang`, from all its files."""
    items: dict[str, Item] = {}
    ui: dict[str, Value] = {}
    for stem in _stems(lang):
        file_items, file_ui = _load_file(lang, stem)
        items.update(file_items)
        ui.update(file_ui)
    return MappingProxyType(items), MappingProxyType(ui)


def _stem(key: str) -> str:
    return key.split(".", 1)[0]


class Catalog:
    """All text of one language, falling back to English per item and per string."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ContentError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
        self.lang = lang
        _stems(lang)  # a missing language folder is an error now, not at the first lookup
        _stems(FALLBACK)

    def _own(self, key: str) -> tuple[Mapping[str, Item], Mapping[str, Value]]:
        return _load_file(self.lang, _stem(key))

    def _base(self, key: str) -> tuple[Mapping[str, Item], Mapping[str, Value]]:
        return _load_file(FALLBACK, _stem(key))

    # Every item and string of this language and of English (for coverage checks).
    @property
    def _items(self) -> Mapping[str, Item]:
        return _load_language(self.lang)[0]

    @property
    def _ui(self) -> Mapping[str, Value]:
        return _load_language(self.lang)[1]

    @property
    def _fallback_items(self) -> Mapping[str, Item]:
        return _load_language(FALLBACK)[0]

    # -- items -------------------------------------------------------------------------
    def item(self, key: str) -> Item:
        """The item `key` in this language, else in English; KeyError if neither has it."""
        own = self._own(key)[0].get(key)
        base = self._base(key)[0].get(key)
        if own is None and base is None:
            raise KeyError(key)
        if own is None:
            return base  # type: ignore[return-value]
        if base is None or self.lang == FALLBACK:
            return own
        merged = {**base.fields, **own.fields}
        return Item(key, own.ids, MappingProxyType(merged), self.lang)

    def children(self, prefix: str) -> list[Item]:
        """The items directly under `prefix`, in file order (English order decides)."""
        depth = prefix.count(".") + 1
        own, base = self._own(prefix)[0], self._base(prefix)[0]
        keys = [k for k in base if k.startswith(prefix + ".") and k.count(".") == depth]
        keys += [k for k in own if k.startswith(prefix + ".") and k.count(".") == depth
                 and k not in keys]
        return [self.item(k) for k in keys]

    def text(self, key: str, field_name: str = "text", /, **values: Any) -> str:
        """One field of an item, with `{placeholders}` filled from `values`."""
        raw = self.item(key).get(field_name)
        return fill(raw, values) if values else str(raw)

    # -- interface strings ---------------------------------------------------------------
    def ui(self, key: str, /, **values: Any) -> str:
        """An interface string such as `app.continue`, filled from `values`."""
        raw = self._own(key)[1].get(key)
        if raw is None:
            raw = self._base(key)[1].get(key)
        if raw is None:
            raise KeyError(key)
        if isinstance(raw, Mapping):
            count = values.get("n", values.get("count", 0))
            raw = raw.get(plural_category(self.lang, count), raw.get("other", ""))
        return fill(str(raw), values)

    def has_ui(self, key: str) -> bool:
        return key in self._own(key)[1] or key in self._base(key)[1]

    def ui_keys_starting(self, prefix: str) -> list[str]:
        """The interface keys that start with `prefix` ("history.row_outcome_"), in this
        language or English, English order first; only the file of that prefix is read."""
        own, base = self._own(prefix)[1], self._base(prefix)[1]
        return [key for key in {**base, **own} if key.startswith(prefix)]

    # -- coverage ------------------------------------------------------------------------
    def own_item_keys(self) -> set[str]:
        return set(self._items)

    def own_ui_keys(self) -> set[str]:
        return set(self._ui)

    def covered_ids(self) -> set[str]:
        """Seed-point ids this language's own files cover (English fallback not counted)."""
        return {i for item in self._items.values() for i in item.ids}

    def __iter__(self) -> Iterator[Item]:
        return (self.item(k) for k in self._fallback_items)


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: Mapping[str, Any]) -> str:
    """Fill `{name}` placeholders; unknown ones are left visible rather than raising."""
    try:
        return template.format_map(_Blank(values))
    except (ValueError, IndexError):
        return template


def plural_category(lang: str, n: int | float) -> str:
    """CLDR plural category for a cardinal number: "one", "few", "many" or "other"."""
    if isinstance(n, float) and not n.is_integer():
        return "other"
    n = abs(int(n))
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return "few"
        return "many"
    if lang == "pt":
        return "one" if n in (0, 1) else "other"
    return "one" if n == 1 else "other"


@cache
def load_catalog(lang: str) -> Catalog:
    """The catalog for `lang` (cached: content files are read once per process)."""
    return Catalog(lang)
