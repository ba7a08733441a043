"""What changes when the app runs in a browser tab (Textual's web driver), checked without
a browser: exports become downloads, the editor key says why it cannot open, a closed tab
saves, and a window that cannot save says so in its header."""

from __future__ import annotations

import asyncio
import io
import signal

import pytest

from content import load_catalog
from store import SessionStore, new_session
from tests.conftest import frozen_clock
from tests.drop.test_exit_actions import open_at
from tests.dropped.walk import ANSWERS_BEFORE_REASON, stored_session
from tui.app import PartingApp


@pytest.fixture
def web(monkeypatch):
    """The app believes it runs under textual-serve; deliveries are recorded, not sent."""
    monkeypatch.setattr(PartingApp, "is_web", property(lambda self: True))
    delivered: list[tuple[str, bytes]] = []

    def deliver_binary(self, binary, *, save_filename=None, **kwargs):
        data = binary.read() if isinstance(binary, io.IOBase) else b""
        delivered.append((save_filename, data))
        return "key"

    monkeypatch.setattr(PartingApp, "deliver_binary", deliver_binary)
    return delivered


def in_folder(tmp_path, monkeypatch):
    """A current folder of its own, where a terminal export would land."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    return here


def told(app, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


async def test_in_a_browser_f3_offers_the_exit_message_as_a_download_and_writes_no_file(
        make_app, store, tmp_path, monkeypatch, web):
    here = in_folder(tmp_path, monkeypatch)
    app = open_at(make_app, store, "exit")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert told(app, "Offered to your browser as a download")
    [(name, data)] = web
    assert name.endswith("-exit-message.md")
    assert data.decode("utf-8").startswith("# Exit message to Acme")
    assert list(here.iterdir()) == []


async def test_in_a_browser_f2_says_in_words_why_no_editor_opens(make_app, store, monkeypatch,
                                                                  web):
    monkeypatch.setenv("EDITOR", "nano")
    app = open_at(make_app, store, "exit")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert told(app, "cannot open inside a browser tab")
        assert told(app, "ctrl+o")


async def test_in_a_browser_the_summary_export_is_a_download(make_app, store, tmp_path,
                                                             monkeypatch, web):
    here = in_folder(tmp_path, monkeypatch)
    session = stored_session(store, "summary", ANSWERS_BEFORE_REASON)
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
    [(name, data)] = web
    assert name == "2026-11-23-acme-dropped.md"
    assert "Anna" in data.decode("utf-8")
    assert list(here.iterdir()) == []


async def test_in_a_browser_the_export_dialog_asks_for_a_file_name_and_sends_a_download(
        make_app, store, tmp_path, monkeypatch, web):
    here = in_folder(tmp_path, monkeypatch)
    session = stored_session(store, "summary", ANSWERS_BEFORE_REASON)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        from textual.widgets import Input

        from tui.screens.export import ExportModal

        app.push_screen(ExportModal([session], formats=("json",)))
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value == "2026-11-23-acme-dropped.json"  # a name, not a folder
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportModal)
    [(name, data)] = web
    assert name == "2026-11-23-acme-dropped.json"
    assert session.id in data.decode("utf-8")
    assert list(here.iterdir()) == []


async def test_a_closed_tab_saves_what_was_typed_before_the_app_ends(make_app, store):
    session = new_session("dropped", client="", clock=frozen_clock)
    store.save(session)
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"Typed")
        app.hang_up()  # what the web driver does when textual-serve says "quit"
        await asyncio.wait_for(app._terminating, 5)
    assert store.get(session.id).client == "Typed"


def test_the_web_driver_saves_on_quit_instead_of_ending_the_app_at_once():
    from tui.web.driver import PartingWebDriver

    calls: list[str] = []

    class FakeApp:
        def hang_up(self) -> None:
            calls.append("hang_up")

    class FakeLoop:
        def call_soon_threadsafe(self, callback, *args) -> None:
            callback(*args)

    driver = PartingWebDriver.__new__(PartingWebDriver)
    driver._app, driver._loop = FakeApp(), FakeLoop()
    driver.on_meta("quit", {"type": "quit"})
    assert calls == ["hang_up"]


def test_textual_serve_gets_partings_web_driver(monkeypatch, data_dir):
    from textual import constants

    from tui.web.driver import PartingWebDriver

    monkeypatch.setattr(constants, "DRIVER", "textual.drivers.web_driver:WebDriver")
    store = SessionStore.open(data_dir)
    try:
        assert PartingApp(store=store).get_driver_class() is PartingWebDriver
    finally:
        store.close()


async def test_a_second_window_says_in_its_header_that_it_is_read_only(data_dir):
    first = SessionStore.open(data_dir, app_instance=True, clock=frozen_clock)
    second = SessionStore.open(data_dir, app_instance=True, clock=frozen_clock)
    try:
        app = PartingApp(store=second, catalog=load_catalog("en"), clock=frozen_clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.sub_title == "read only: parting is open in another window or tab"
        app = PartingApp(store=first, catalog=load_catalog("ru"), clock=frozen_clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.sub_title == load_catalog("ru").ui("app.subtitle")
    finally:
        second.close()
        first.close()


def test_a_web_app_handles_ctrl_c_on_the_server_like_a_hang_up(monkeypatch, make_app):
    app = make_app()
    monkeypatch.setattr(PartingApp, "is_web", property(lambda self: True))
    handled: list[int] = []

    class Loop:
        def add_signal_handler(self, sig, callback, *args) -> None:
            handled.append(sig)

    monkeypatch.setattr(asyncio, "get_running_loop", lambda: Loop())
    app._install_signal_handlers()
    assert signal.SIGINT in handled and signal.SIGTERM in handled
