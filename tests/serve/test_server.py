"""The server's own promises, without a browser: the secret stays in memory and in the one
printed address, other hosts are warned about, and a busy port is said so."""

from __future__ import annotations

import http.client
import socket
from pathlib import Path

from content import load_catalog
from tests.serve.browser import parting_serve
from tui.web import server as web_server


def get(origin_port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", origin_port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_the_secret_is_printed_once_and_never_logged_nor_written_to_disk(tmp_path):
    served = parting_serve(tmp_path / "data", tmp_path)
    secret = served.url.split("key=", 1)[1]
    try:
        assert get(served.port, "/") == 403
        assert get(served.port, f"/?key={secret}") == 200
        assert get(served.port, f"/static/js/textual.js?key={secret}") == 200
        assert get(served.port, "/?key=not-it") == 403
    finally:
        assert served.interrupt() == 0
    errors = served.process.stderr.read()
    assert "Open this address in your browser" in served.output  # --no-open: no tab to expect
    assert served.output.count(secret) == 1  # the address to open, nothing else
    assert secret not in errors
    for path in Path(tmp_path).rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path


def test_each_start_makes_a_new_secret_of_at_least_32_bytes():
    first, second = web_server.new_secret(), web_server.new_secret()
    assert first != second and len(first) >= 43


def test_a_host_other_than_this_computer_gets_a_warning(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(web_server.PartingServer, "serve", lambda self: None)
    catalog = load_catalog("en")
    assert web_server.serve_command("127.0.0.1", 0, False, tmp_path, catalog) == 0
    assert "Warning" not in capsys.readouterr().err
    assert web_server.serve_command("0.0.0.0", 0, False, tmp_path, catalog) == 0
    assert "Warning: listening on 0.0.0.0" in capsys.readouterr().err


def test_a_port_already_in_use_is_said_in_words(capsys, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = web_server.serve_command("127.0.0.1", port, False, tmp_path, load_catalog("pt"))
    assert code == 1
    assert f"Não foi possível usar 127.0.0.1:{port}" in capsys.readouterr().err


def test_the_page_is_partings_own_and_names_no_other_site():
    page = (web_server.TEMPLATES / "app_index.html").read_text(encoding="utf-8")
    assert "googleapis" not in page and "https://" not in page and "http://" not in page
