"""`parting serve` against a bare Textual app served by textual-serve, in one browser.

    python benchmarks/serve.py                  # 7 rounds, 1,000 stored sessions
    python benchmarks/serve.py --rounds 15 --sessions 0

Each round opens the address in a new tab of the same headless Chromium (Debian's, driven
by Playwright, as in the browser tests) and stops the clock when the page shows the home
screen: for parting the newest session's client in Recent sessions, for the bare app its
one line of text. Then the tab closes and the next round waits until its app has ended.
The two servers alternate, so a busy machine slows both; the figures are medians. Goal:
parting at most 1.2x the bare app. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from bare_app import MARKER as BARE_MARKER  # noqa: E402
from sample_data import NEWEST_CLIENT, DataFolders, child_env  # noqa: E402

from tests.serve.browser import VIEWPORT, Served, launch, missing_browser  # noqa: E402

GOAL = 1.2
BARE_SERVER = """
import sys
from textual_serve.server import Server
Server(sys.argv[1], host="127.0.0.1", port=int(sys.argv[2])).serve()
"""


def bare_served(cwd: Path) -> Served:
    from tui.web.server import free_port

    port = free_port("127.0.0.1")
    command = shlex.join([sys.executable, str(HERE / "bare_app.py")])
    served = Served([sys.executable, "-c", BARE_SERVER, command, str(port)], cwd, child_env(),
                    url=f"http://127.0.0.1:{port}/")
    return served


def parting_served(data_dir: Path, cwd: Path) -> Served:
    command = [sys.executable, "-m", "tui.cli", "--data-dir", str(data_dir), "--lang", "en",
               "serve", "--no-open"]
    return Served(command, cwd, child_env())


def time_to_home(context, served: Served, marker: str) -> float:
    """Seconds from opening the address to `marker` drawn on the page."""
    page = context.new_page()
    started = time.perf_counter()
    page.goto(served.url)
    page.wait_for_function(
        "marker => { const rows = document.querySelector('.xterm-rows');"
        " return rows !== null && rows.innerText.includes(marker); }",
        arg=marker, polling="raf", timeout=60_000)
    elapsed = time.perf_counter() - started
    page.close()
    served.wait_for_children(0, timeout=15)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--sessions", type=int, default=1000)
    args = parser.parse_args()
    why = missing_browser()
    if why:
        print(f"serve benchmark skipped: {why}")
        return 0
    from playwright.sync_api import sync_playwright

    folders = DataFolders()
    servers: list[Served] = []
    try:
        data_dir = folders.fresh(args.sessions, "serve")
        bare = bare_served(folders.root)
        servers.append(bare)
        parting = parting_served(data_dir, folders.root)
        servers.append(parting)
        marker = NEWEST_CLIENT if args.sessions else "Should I drop them?"
        times: dict[str, list[float]] = {"bare": [], "parting": []}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            context = browser.new_context(viewport=VIEWPORT)
            # textual-serve's own page asks a web font service for its font; nothing here
            # may leave the machine, so such requests fail at once instead of timing out.
            context.route(lambda url: urlsplit(url).hostname != "127.0.0.1",
                          lambda route: route.abort())
            time_to_home(context, bare, BARE_MARKER)  # warm-up rounds, not counted
            time_to_home(context, parting, marker)
            for _ in range(args.rounds):
                times["bare"].append(time_to_home(context, bare, BARE_MARKER))
                times["parting"].append(time_to_home(context, parting, marker))
            browser.close()
    finally:
        for served in servers:
            served.interrupt()
        folders.cleanup()

    bare_median = statistics.median(times["bare"])
    parting_median = statistics.median(times["parting"])
    ratio = parting_median / bare_median
    cpus = os.cpu_count()
    print(f"opening the address to home drawn, median of {args.rounds} rounds, "
          f"{args.sessions} stored sessions, {cpus} CPUs")
    print(f"  bare Textual app on textual-serve  {bare_median * 1000:7.0f} ms")
    print(f"  parting serve                      {parting_median * 1000:7.0f} ms")
    print(f"  ratio {ratio:.2f}x (goal at most {GOAL}x): {'met' if ratio <= GOAL else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
