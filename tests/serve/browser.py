"""A real `parting serve` and a real Chromium (Debian's, driven by Playwright), for the
browser tests and the serve benchmark."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
# Playwright cannot download its own browser here, so it drives Debian's. Headless, with
# nothing that talks to the network on its own. WebGL off: xterm.js then draws the screen
# as text in the page, which the tests can read (with WebGL it paints pixels only).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-webgl"]
VIEWPORT = {"width": 1200, "height": 800}


def missing_browser() -> str | None:
    """Why no browser test can run here, or None when one can."""
    if not CHROMIUM.exists():
        return f"no browser: {CHROMIUM} is missing (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "no browser driver: the playwright package is not installed (pip install -e '.[test]')"
    return None


def launch(playwright):  # noqa: ANN001, ANN201 - Playwright's own objects
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


class Served:
    """`parting serve` running in its own process group, as from a terminal."""

    def __init__(self, command: list[str], cwd: Path, env: dict[str, str] | None = None,
                 ready: float = 30.0, url: str = "") -> None:
        self.process = subprocess.Popen(command, cwd=cwd, env=env, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        start_new_session=True)
        self._lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + ready
        while not (self._listening(url) if url else "http://" in self.output):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"the server did not start: {self.output!r}")
            time.sleep(0.02)
        self.url = url or re.search(r"http://\S+", self.output).group(0)
        parts = urlsplit(self.url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.port = parts.port
        self.cookie = f"parting-{self.port}"

    @staticmethod
    def _listening(url: str) -> bool:
        parts = urlsplit(url)
        try:
            socket.create_connection((parts.hostname, parts.port), timeout=0.2).close()
        except OSError:
            return False
        return True

    def _read(self) -> None:
        for line in self.process.stdout:
            self._lines.append(line)

    @property
    def output(self) -> str:
        """What the server printed so far."""
        return "".join(self._lines)

    def children(self) -> list[int]:
        """The app processes started so far and still running (one per open tab)."""
        pid = self.process.pid
        try:
            listed = Path(f"/proc/{pid}/task/{pid}/children").read_text()
        except OSError:
            return []
        return [int(p) for p in listed.split()]

    def wait_for_children(self, count: int, timeout: float = 10.0) -> list[int]:
        deadline = time.monotonic() + timeout
        while len(self.children()) != count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.children()

    def interrupt(self, timeout: float = 20.0) -> int:
        """ctrl+c in the server's terminal: SIGINT to its whole process group."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            return self.process.wait()


def parting_serve(data_dir: Path, cwd: Path, lang: str = "en") -> Served:
    command = [sys.executable, "-m", "tui.cli", "--data-dir", str(data_dir), "--lang", lang,
               "serve", "--no-open"]
    env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
    return Served(command, cwd, env)


def screen_text(page) -> str:  # noqa: ANN001 - a Playwright page
    """What the terminal in the page shows now, row by row."""
    return page.evaluate(
        "() => { const rows = document.querySelector('.xterm-rows');"
        " return rows ? rows.innerText : ''; }")


def wait_for_screen(page, wanted: str | Callable[[str], bool], timeout: float = 20.0) -> str:  # noqa: ANN001
    """Wait until the page shows `wanted` (or until `wanted(text)` is true); the text."""
    test = (lambda text: wanted in text) if isinstance(wanted, str) else wanted
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = screen_text(page)
        if test(text):
            return text
        time.sleep(0.05)
    raise AssertionError(f"the page never showed {wanted!r}; it shows:\n{text}")
