"""Every code the store puts on an error or a notice has a string in every language.

The store speaks English only; the interface looks its codes up in `content/<lang>/store.toml`.
A code without a string would show English to a Russian or Portuguese reader, and a string
whose placeholders differ from English would show a raw `{name}` or drop a detail.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from pathlib import Path

import pytest

from content import LANGUAGES, Catalog
from store.errors import CODES

STORE_SOURCES = sorted((Path(__file__).parents[2] / "store").glob("*.py"))
# `code="busy"`, `refusal_code="index_newer"`, `refusal_code: str = "read_only_save"`, the (code, message) pairs of failed saves and
# the (code, params) pairs of refused imports.
SET_CODE = re.compile(r'code\s*(?::\s*str\s*)?=\s*"([a-z_0-9]+)"|\(\s*"([a-z_0-9]+)",\s*(?:\{|f")')


def codes_set_in_store() -> set[str]:
    found = set()
    for path in STORE_SOURCES:
        for match in SET_CODE.finditer(path.read_text(encoding="utf-8")):
            found.add(match.group(1) or match.group(2))
    return found


def store_strings(lang: str) -> dict[str, object]:
    catalog = Catalog(lang)
    return {key: catalog._ui[key] for key in catalog.own_ui_keys() if key.startswith("store.")}


def placeholders(value: object) -> set[str]:
    texts = value.values() if isinstance(value, Mapping) else [value]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(str(text))
            if name}


def test_every_code_set_in_the_store_is_registered():
    assert codes_set_in_store() - set(CODES) == set()


def test_every_registered_code_is_set_somewhere_in_the_store():
    assert set(CODES) - codes_set_in_store() == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_has_a_string(lang):
    own = store_strings(lang)
    missing = [code for code in CODES if f"store.{code}" not in own]
    assert not missing, f"{lang}/store.toml lacks {missing}"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_translations_have_the_same_keys_and_placeholders_as_english(lang):
    english, own = store_strings("en"), store_strings(lang)
    assert set(own) == set(english)
    differ = {key: (placeholders(english[key]), placeholders(own[key])) for key in english
              if placeholders(english[key]) != placeholders(own[key])}
    assert not differ, f"{lang} placeholders differ from English: {differ}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plural_form_names_the_same_placeholders(lang):
    for key, value in store_strings(lang).items():
        if isinstance(value, Mapping):
            forms = {form: placeholders(text) for form, text in value.items()}
            assert len({frozenset(p) for p in forms.values()}) == 1, (lang, key, forms)


def test_russian_plural_tables_have_every_form():
    tables = {k: v for k, v in store_strings("ru").items() if isinstance(v, Mapping)}
    assert tables
    for key, table in tables.items():
        assert {"one", "few", "many", "other"} <= set(table), key
