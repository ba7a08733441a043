"""The catalog: files load, items validate, fallback and plurals behave."""

from __future__ import annotations

import pytest

from content import LANGUAGES, Catalog, load_catalog
from content.catalog import ContentError, fill, plural_category


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_loads_and_every_item_lists_its_ids(lang):
    catalog = Catalog(lang)
    for item in catalog:
        assert isinstance(item.ids, tuple)


def test_unknown_language_is_refused_with_a_clear_message():
    with pytest.raises(ContentError, match="unknown language"):
        Catalog("xx")


def test_missing_string_in_a_language_falls_back_to_english():
    ru = load_catalog("ru")
    en = load_catalog("en")
    for key in en.own_ui_keys():
        assert ru.ui(key) is not None


@pytest.mark.parametrize(("n", "category"), [(1, "one"), (2, "few"), (4, "few"), (5, "many"),
                                             (11, "many"), (12, "many"), (21, "one"), (22, "few"),
                                             (25, "many"), (111, "many"), (0, "many")])
def test_russian_plural_categories(n, category):
    assert plural_category("ru", n) == category


@pytest.mark.parametrize(("n", "category"), [(0, "one"), (1, "one"), (2, "other"), (10, "other")])
def test_portuguese_plural_categories(n, category):
    assert plural_category("pt", n) == category


def test_english_plural_categories():
    assert plural_category("en", 1) == "one"
    assert plural_category("en", 0) == "other"
    assert plural_category("en", 2) == "other"


def test_fill_leaves_unknown_placeholders_visible_instead_of_raising():
    assert fill("Hi {name}, {missing}", {"name": "Ana"}) == "Hi Ana, {missing}"


def test_fill_survives_stray_braces():
    assert fill("a } b", {}) == "a } b"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ui_keys_starting_a_prefix_reads_only_that_file_and_finds_every_key(lang, monkeypatch):
    from content import catalog as catalog_module

    expected = {key for key in load_catalog(lang).own_ui_keys()
                | load_catalog("en").own_ui_keys() if key.startswith("history.row_outcome_")}
    read: list[str] = []
    load_file = catalog_module._load_file.__wrapped__

    def reading(lang_: str, stem: str):
        read.append(stem)
        return load_file(lang_, stem)

    monkeypatch.setattr(catalog_module, "_load_file", reading)
    keys = catalog_module.Catalog(lang).ui_keys_starting("history.row_outcome_")
    assert set(keys) == expected and len(keys) == len(expected) == 8
    assert set(read) == {"history"}
