"""`parting serve --port` outside 0..65535: the usual "could not listen" line, exit 1."""

from __future__ import annotations

import pytest

from tui.cli import main


@pytest.mark.parametrize("port", ["99999", "-1", "65536"])
def test_a_port_out_of_range_cannot_be_listened_on_and_says_why(tmp_path, capsys, port):
    assert main(["--data-dir", str(tmp_path), "--lang", "en", "serve", "--no-open",
                 "--port", port]) == 1
    err = capsys.readouterr().err
    assert err == (f"parting: Could not listen on 127.0.0.1:{port}: a port is a number "
                   "from 0 to 65535 (0 takes any free one).\n")


def test_the_port_message_speaks_the_users_language(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "--lang", "pt", "serve", "--no-open",
                 "--port", "70000"]) == 1
    assert "a porta é um número de 0 a 65535" in capsys.readouterr().err
