"""The default language follows the system locale, and a chosen language is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest

from content.locale import system_language
from store.settings import load_settings
from tui.cli import choose_language, main


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "pt_BR.UTF-8"}, "pt"),
        ({"LANG": "pt_PT"}, "pt"),
        ({"LC_ALL": "pt_PT.ISO-8859-1"}, "pt"),
        ({"LANG": "pt_BR.UTF-8@euro"}, "pt"),
        ({"LANG": "pt-BR"}, "pt"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": ""}, "en"),
        ({}, "en"),
        ({"LANGUAGE": "pt:en"}, "pt"),
        ({"LANGUAGE": "pt:en", "LANG": "en_US.UTF-8"}, "pt"),
        ({"LANGUAGE": "pt_BR:pt:en", "LANG": "pt_BR.UTF-8"}, "pt"),
        ({"LANGUAGE": "de:pt:en", "LANG": "de_DE.UTF-8"}, "pt"),
        ({"LANGUAGE": "de:fr", "LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANGUAGE": "", "LANG": "pt_BR.UTF-8"}, "pt"),
    ],
)
def test_system_language_reads_the_locale_like_gettext(environ, expected):
    assert system_language(environ) == expected


def test_lc_all_outranks_lang():
    assert system_language({"LC_ALL": "ru_RU.UTF-8", "LANG": "pt_BR.UTF-8"}) == "ru"


def test_empty_lc_all_does_not_hide_lang():
    assert system_language({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "pt_BR.UTF-8"}) == "pt"


def test_explicit_c_locale_asks_for_untranslated_output_even_with_language_set():
    assert system_language({"LC_ALL": "C", "LANGUAGE": "pt:en", "LANG": "pt_BR.UTF-8"}) == "en"


def test_lang_flag_beats_remembered_choice_which_beats_the_system():
    system = {"LANG": "ru_RU.UTF-8"}
    assert choose_language("pt", "en", system) == "pt"
    assert choose_language("", "pt", system) == "pt"
    assert choose_language("", None, system) == "ru"


def test_a_damaged_remembered_language_falls_back_to_the_system():
    assert choose_language("", "klingon", {"LANG": "pt_BR.UTF-8"}) == "pt"


def test_lang_pt_with_where_is_remembered_for_the_next_start(tmp_path: Path, capsys):
    data = tmp_path / "data"
    assert main(["--lang", "pt", "--data-dir", str(data), "--where"]) == 0
    assert capsys.readouterr().out.strip() == str(data)

    remembered = load_settings(data).lang
    assert remembered == "pt"
    assert choose_language("", remembered, {"LANG": "en_US.UTF-8"}) == "pt"


def test_plain_parting_after_lang_pt_speaks_portuguese(tmp_path: Path, capsys):
    data = str(tmp_path / "data")
    main(["--lang", "pt", "--data-dir", data, "--where"])
    capsys.readouterr()

    with pytest.raises(SystemExit):
        main(["--data-dir", data, "--help"])
    help_text = capsys.readouterr().out
    assert "mostra esta ajuda e sai" in help_text
    assert "show this help" not in help_text


def test_choosing_another_language_replaces_the_remembered_one(tmp_path: Path, capsys):
    data = str(tmp_path / "data")
    main(["--lang", "pt", "--data-dir", data, "--where"])
    main(["--lang", "ru", "--data-dir", data, "--where"])
    assert load_settings(data).lang == "ru"


def test_lang_pt_with_help_is_remembered_too(tmp_path: Path, capsys):
    data = tmp_path / "data"
    with pytest.raises(SystemExit):
        main(["--lang", "pt", "--data-dir", str(data), "--help"])
    assert load_settings(data).lang == "pt"
