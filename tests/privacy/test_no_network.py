"""Nothing leaves the machine: both flows, every screen and every command run with all
network connections made to fail. A local socket (AF_UNIX) stays allowed: asyncio uses one
to wake itself."""

from __future__ import annotations

import socket

import pytest

from tests.privacy.walk import walk_flow
from tui.cli import main
from tui.screens.home import HomeScreen


class NetworkUsed(AssertionError):
    """Raised (and recorded) by any attempt to reach the network."""


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(what):
        def blocked(*args, **kwargs):
            attempts.append(f"{what}{args[:2]!r}")
            raise NetworkUsed(f"parting tried to use the network: {what}{args[:2]!r}")
        return blocked

    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(self, address):
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        return refuse("connect")(address)

    def connect_ex(self, address):
        if self.family == socket.AF_UNIX:
            return real_connect_ex(self, address)
        return refuse("connect_ex")(address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket.socket, "sendto", refuse("sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    yield attempts
    assert attempts == [], attempts


@pytest.mark.parametrize("flow", ["dropped", "drop"])
async def test_a_whole_flow_and_every_screen_make_no_network_connection(make_app, store,
                                                                       no_network, flow):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d" if flow == "dropped" else "s")
        await pilot.pause()
        steps = await walk_flow(app, pilot)
        assert len(steps) >= 5 and isinstance(app.screen, HomeScreen)
        (summary,) = store.summaries()
        assert summary.status == "done"
        for key in ("h", "escape", "r", "escape", "i", "escape", "f1", "escape"):
            await pilot.press(key)
            await pilot.pause()
        app.open_session_read_only(store.get(summary.id))
        await pilot.pause()
        assert app.is_running


def test_every_command_makes_no_network_connection(tmp_path, no_network, capsys):
    data = str(tmp_path / "data")
    backup = str(tmp_path / "backup.json")
    assert main(["--data-dir", data, "--where"]) == 0
    assert main(["--data-dir", data, "due"]) == 0
    for fmt, out in (("json", backup), ("md", str(tmp_path / "md")),
                     ("ics", str(tmp_path / "r.ics"))):
        assert main(["--data-dir", data, "export", "--all", "--format", fmt, "-o", out]) == 0
    assert main(["--data-dir", data, "import", backup]) == 0
