"""`parting --lang ru …` prints its help and its errors in Russian, argparse's own words too."""

from __future__ import annotations

import pytest

from tests.i18n.screen_text import english_words
from tui.cli import main

# The command's own syntax stays as typed: subcommand names and option values.
SYNTAX = ("dropped", "drop", "history", "due", "export", "import", "all", "format", "output",
          "anonymise", "client", "version", "where", "lang", "data", "dir", "help", "icalendar")


def run(capsys, tmp_path, *args: str) -> str:
    with pytest.raises(SystemExit):
        main(["--lang", "ru", "--data-dir", str(tmp_path), *args])
    out = capsys.readouterr()
    return out.out + out.err


@pytest.mark.parametrize("args", [("--help",), ("export", "--help"), ("history", "-h"),
                                  ("dropped", "--help")], ids=lambda a: " ".join(a))
def test_russian_help_has_no_english(capsys, tmp_path, args):
    text = run(capsys, tmp_path, *args)
    assert "использование:" in text
    assert not english_words(text, SYNTAX), text


@pytest.mark.parametrize("args", [("bogus",), ("export", "--format", "xx"), ("import",),
                                  ("export", "-o")], ids=lambda a: " ".join(a))
def test_russian_argument_errors_have_no_english(capsys, tmp_path, args):
    text = run(capsys, tmp_path, *args)
    assert "ошибка:" in text
    assert not english_words(text, SYNTAX), text
