"""`parting serve` in a real browser: Debian's Chromium, driven by Playwright.

One server (and one browser) per module, on a data folder of its own; each test opens its
own tabs and closes them. Keys are typed about as fast as a quick typist, and each step
is given a moment to appear, as a person would.
"""

from __future__ import annotations

import http.client
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from store import SessionStore, new_session
from tests.serve.browser import (
    VIEWPORT,
    launch,
    missing_browser,
    parting_serve,
    screen_text,
    wait_for_screen,
)

pytestmark = pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))

STEP_SHOWN = 1.5  # seconds to let a step settle before typing into it, as a person would


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    server = parting_serve(folder / "data", folder)
    server.data_dir = folder / "data"
    yield server
    server.interrupt()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, served):
    opened = browser.new_context(viewport=VIEWPORT)
    opened.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.origin)
    yield opened
    opened.close()
    served.wait_for_children(0)  # every tab's app has saved and ended


def open_tab(context, url: str, wanted: str = "Should I drop them?", watch=None):
    page = context.new_page()
    if watch is not None:
        watch(page)
    page.goto(url)
    wait_for_screen(page, wanted)
    page.focus("textarea.xterm-helper-textarea")  # the keyboard goes to the terminal
    return page


def press(page, *keys: str) -> None:
    for key in keys:
        page.keyboard.press(key)
        # Tab moves the focus only once the app handles it: letters typed before that still
        # go to the field it leaves (on a loaded machine "Acme", Tab, "Anna" became
        # "AcmeAnna"). A person pauses after Tab; so do the tests.
        time.sleep(1.0 if key == "Tab" else 0.08)


def type_text(page, text: str) -> None:
    page.keyboard.type(text, delay=60)
    # Continue acts the moment it arrives, even on letters still on their way to the field
    # (on a loaded machine "on time" was saved as "on tim"): a person's pause comes first.
    time.sleep(0.5)


def choose(page, key: str, shows: str) -> None:
    """Press `key` (Enter on an option or a button) until the page shows its effect."""
    for _ in range(3):
        press(page, key)
        try:
            wait_for_screen(page, shows, timeout=4)
            return
        except AssertionError:
            continue
    wait_for_screen(page, shows, timeout=1)


def at_step(page, number: int) -> str:
    text = wait_for_screen(page, f"Step {number} of ")
    time.sleep(STEP_SHOWN)
    return text


def type_client(page, text: str):
    """From home: start "Should I drop them?" and type `text` as the client's name."""
    press(page, "s")
    at_step(page, 1)
    type_text(page, text)
    return page


def start_typing(context, url: str, text: str):
    """A new tab that starts typing a client's name."""
    return type_client(open_tab(context, url), text)


def stored(served) -> list:
    store = SessionStore.open(served.data_dir)
    try:
        return [store.get(summary.id) for summary in store.summaries()]
    finally:
        store.close()


def status(served, path: str, headers: dict[str, str] | None = None) -> int:
    parts = urlsplit(served.origin)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        return connection.getresponse().status
    finally:
        connection.close()


def test_the_page_shows_home(context, served):
    page = open_tab(context, served.url)
    text = screen_text(page)
    assert "I was dropped" in text and "Should I drop them?" in text
    assert "Pick up where you left off" in text and "History" in text


def test_a_whole_dropped_walk_in_the_browser_copies_a_draft_and_leaves_every_answer_on_disk(
        context, served):
    page = open_tab(context, served.url)
    press(page, "d")
    at_step(page, 1)
    type_text(page, "Acme")
    press(page, "Tab")
    type_text(page, "Anna")
    press(page, "Tab")
    type_text(page, "last Friday 3pm")
    press(page, "Tab", "Enter", "Tab")  # how: the first option; then what they said
    type_text(page, "budget cut")
    press(page, "Control+n")
    at_step(page, 2)
    press(page, "s", "Control+n")  # skip the breathing
    at_step(page, 3)
    choose(page, "Enter", "When will you call them back?")  # yes, they are waiting
    press(page, "Tab")
    type_text(page, "Thursday")
    press(page, "Control+n")
    at_step(page, 4)
    press(page, "ArrowDown", " ", "Control+n")
    at_step(page, 5)
    type_text(page, "the shop")
    time.sleep(STEP_SHOWN)  # the thank-you draft follows the answer
    press(page, "Control+o")
    wait_for_screen(page, "Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Hi Anna,") and "our work on the shop." in copied
    press(page, "Control+n")
    at_step(page, 6)
    press(page, "Enter", "Tab", "Tab", "Tab", "Tab")  # ready; on to what they answered
    type_text(page, "final")
    press(page, "Control+n")
    at_step(page, 7)
    choose(page, "Enter", "What follows: accept what you could not control")  # the suggested kind
    press(page, "Control+n")
    at_step(page, 8)
    type_text(page, "on time")
    press(page, "Control+n")
    at_step(page, 9)
    type_text(page, "IT directors")
    press(page, "Tab")
    type_text(page, "web design")
    press(page, "Control+n")
    at_step(page, 10)
    press(page, "Control+n")
    at_step(page, 11)
    summary = wait_for_screen(page, "Who told you? Anna")
    assert "Client: Acme" in summary and "budget cut" in summary
    press(page, "Control+n")  # Finish
    wait_for_screen(page, "Session finished and saved")
    page.close()
    served.wait_for_children(0)

    (session,) = [s for s in stored(served) if s.client == "Acme"]
    assert session.status == "done" and session.outcome == "external"
    answers = session.answers
    assert answers["what_happened"]["who"] == "Anna"
    assert answers["what_happened"]["when"] == "last Friday 3pm"
    assert answers["what_happened"]["said"] == "budget cut"
    assert answers["hold"]["callback"] == "Thursday"
    assert answers["gratitude"]["work"] == "the shop"
    assert answers["ask_why"]["their_answer"] == "final"
    assert answers["accept"]["well"] == "on time"
    assert answers["referrals"]["role"] == "IT directors"


@pytest.mark.parametrize("path", ["/", "/?key=wrong", "/static/js/textual.js",
                                  "/static/fonts/RobotoMono-VariableFont_wght.ttf",
                                  "/download/anything"])
def test_a_request_without_the_secret_or_with_a_wrong_one_gets_403(served, path):
    assert status(served, path) == 403
    assert status(served, path, {"Cookie": f"{served.cookie}=wrong"}) == 403


def test_a_websocket_without_the_secret_or_from_another_site_gets_403_and_starts_no_app(served):
    assert served.wait_for_children(0) == []
    upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
    for extra in ({}, {"Cookie": f"{served.cookie}=wrong"}):
        assert status(served, "/ws?width=80&height=24", {**upgrade, **extra}) == 403
        assert status(served, "/ws?key=wrong&width=80&height=24", {**upgrade, **extra}) == 403
    secret = served.url.split("key=", 1)[1]
    from_elsewhere = {**upgrade, "Origin": "http://example.org"}
    assert status(served, f"/ws?key={secret}&width=80&height=24", from_elsewhere) == 403
    time.sleep(0.5)
    assert served.children() == []


def test_a_browser_without_the_secret_gets_403_and_starts_no_app(browser, served):
    assert served.wait_for_children(0) == []
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        for url in (served.origin + "/", served.origin + "/?key=wrong"):
            response = page.goto(url)
            assert response.status == 403
            assert "needs the key" in page.content()
        time.sleep(0.5)
        assert served.children() == []
    finally:
        context.close()


def test_a_second_tab_opens_read_only_and_says_so_while_the_first_keeps_writing(context,
                                                                                 served):
    first = open_tab(context, served.url)
    assert "read only" not in screen_text(first)
    second = open_tab(context, served.url)
    wait_for_screen(second, "read only: parting is open in another window or tab")
    assert len(served.children()) == 2

    type_client(first, "Written by the first tab")
    press(first, "Control+s")
    wait_for_screen(first, "Saved")
    first.close()
    second.close()
    served.wait_for_children(0)
    assert "Written by the first tab" in [s.client for s in stored(served)]


def test_closing_a_tab_one_second_after_typing_keeps_the_text(context, served):
    page = start_typing(context, served.url, "Closed a second later")
    time.sleep(1)
    page.close()
    served.wait_for_children(0)
    assert "Closed a second later" in [s.client for s in stored(served)]


def test_reloading_a_tab_right_after_typing_keeps_the_text(context, served):
    page = start_typing(context, served.url, "Reloaded at once")
    page.reload()
    wait_for_screen(page, "Should I drop them?")
    # The new tab's app opened the folder once the old one had saved and let go of it.
    assert "read only" not in screen_text(page)
    assert "Reloaded at once" in [s.client for s in stored(served)]


def test_an_export_in_the_browser_arrives_as_a_download(context, served):
    store = SessionStore.open(served.data_dir)
    try:
        session = new_session("dropped", client="Download Co")
        session.answers = {"what_happened": {"client": "Download Co", "said": "budget moved"}}
        store.save(session)
    finally:
        store.close()
    page = open_tab(context, served.url)
    press(page, "h")
    wait_for_screen(page, "Download Co")
    time.sleep(STEP_SHOWN)
    press(page, "e")
    wait_for_screen(page, "download-co")  # the file name offered, without a folder
    time.sleep(STEP_SHOWN)
    # The browser's own download, as a user gets it: its name comes from the server's
    # Content-Disposition, its bytes are the file.
    with page.expect_download(timeout=15_000) as offered:
        press(page, "Enter")
    wait_for_screen(page, "Offered to your browser as a download")
    download = offered.value
    assert download.suggested_filename.endswith("download-co-dropped.md")
    body = Path(download.path()).read_text(encoding="utf-8")
    assert "Download Co" in body and "budget moved" in body


def test_quitting_in_the_tab_says_in_the_page_that_everything_is_saved(context, served):
    page = open_tab(context, served.url)
    press(page, "Control+q")
    page.wait_for_function("document.body.classList.contains('-closed')", timeout=15_000)
    note = page.locator(".closed-dialog")
    assert "parting has closed in this tab. Everything you typed is saved." in note.inner_text()
    assert "Open again" in note.inner_text()


def test_no_request_leaves_127_0_0_1(context, served):
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = open_tab(context, served.url, watch=lambda page: page.on(
        "websocket", lambda socket: requests.append(socket.url)))
    press(page, "h")
    wait_for_screen(page, "History")
    press(page, "Escape", "F1")
    time.sleep(0.5)
    page.reload()
    wait_for_screen(page, "Should I drop them?")
    assert requests, "the page made no request at all"
    elsewhere = [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]
    assert elsewhere == []
    assert any(urlsplit(url).path == "/ws" for url in requests)


def test_a_screenshot_of_home_in_the_browser_shows_the_app(context, served, tmp_path):
    page = open_tab(context, served.url)
    time.sleep(0.5)  # the fade-in of the page
    shot = tmp_path / "serve.png"
    page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a drawn page, not a blank one


def test_ctrl_c_on_the_server_right_after_typing_keeps_the_text(browser, tmp_path):
    server = parting_serve(tmp_path / "data", tmp_path)
    context = browser.new_context(viewport=VIEWPORT)
    try:
        start_typing(context, server.url, "Stopped while typing")
        assert server.interrupt() == 0
        assert server.children() == []
    finally:
        context.close()
        server.interrupt()
    store = SessionStore.open(tmp_path / "data")
    try:
        assert "Stopped while typing" in [s.client for s in store.summaries()]
    finally:
        store.close()


def test_a_locked_folder_asks_for_the_passphrase_in_the_tab_and_then_shows_home(browser,
                                                                               tmp_path):
    from store.conversion import lock_folder

    data = tmp_path / "data"
    with SessionStore.open(data) as store:
        store.save(new_session("drop", client="Kept under lock"))
    lock_folder(data, "right one")
    server = parting_serve(data, tmp_path)
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = open_tab(context, server.url, wanted="Your sessions are locked")
        type_text(page, "wrong one")
        press(page, "Enter")
        wait_for_screen(page, "That passphrase does not open these sessions")
        type_text(page, "right one")
        press(page, "Enter")
        assert "Kept under lock" in wait_for_screen(page, "Kept under lock")
    finally:
        context.close()
        server.interrupt()
