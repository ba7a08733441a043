"""The README's picture of `parting serve`: home in a headless Chromium tab.

    python -m tests.serve.screenshot docs/serve.png

A data folder of its own holds two made-up sessions, one finished and one left halfway,
so that home shows what a returning user sees.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from store import SessionStore, new_session
from tests.serve.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    VIEWPORT,
    launch,
    missing_browser,
    parting_serve,
    wait_for_screen,
)


def fill(data_dir: Path) -> None:
    store = SessionStore.open(data_dir)
    try:
        done = new_session("dropped", client="Northwind Studio")
        done.answers = {"what_happened": {"client": "Northwind Studio", "who": "Maya"}}
        done.status = "done"
        store.save(done)
        halfway = new_session("drop", client="Acme Retail")
        halfway.answers = {"mirror": {"client": "Acme Retail"}}
        store.save(halfway)
    finally:
        store.close()


def take(target: Path) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        fill(data_dir)
        served = parting_serve(data_dir, Path(folder))
        try:
            with sync_playwright() as playwright:
                # First as the tests see it, to know home is drawn; then closed, so that
                # the picture's tab (drawn with WebGL, as most browsers do) can write.
                browser = launch(playwright)
                page = browser.new_page(viewport=VIEWPORT)
                page.goto(served.url)
                wait_for_screen(page, "Acme Retail")
                browser.close()
                served.wait_for_children(0)
                args = [arg for arg in CHROMIUM_ARGS if arg != "--disable-webgl"]
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
                page = browser.new_page(viewport={**VIEWPORT, "height": 640})
                page.goto(served.url)
                page.wait_for_function("document.body.classList.contains('-first-byte')")
                time.sleep(2)  # home's first frame and the page's fade-in
                page.screenshot(path=str(target))
                browser.close()
        finally:
            served.interrupt()


if __name__ == "__main__":
    why = missing_browser()
    if why:
        sys.exit(why)
    take(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/serve.png"))
