"""How long the history screen takes to show its first page with 10,000 sessions.

    python benchmarks/history_first_page.py               # 10,000 sessions, 15 repeats
    python benchmarks/history_first_page.py --sessions 2000 --repeats 5

The sessions are put into a temporary data folder with `parting import`, as a user would.
Each repeat opens the history screen in a headless app (100x30) and waits until its first
page is on screen; the yardstick, measured in the same run and alternating with it, opens a
screen holding a bare DataTable with the same five columns and no rows. Printed: the
median of each, their ratio, and the first (cold) opening, which also reads the index.
Not part of the test suite. Goal: first page under 150 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from sample_data import DataFolders  # noqa: E402
from textual.app import ComposeResult  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import DataTable, Footer, Header  # noqa: E402

GOAL_MS = 150.0
SIZE = (100, 30)


class BareTableScreen(Screen):
    """The yardstick: a header, an empty five-column DataTable, a footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable = DataTable()
        for name in ("Date", "Flow", "Client", "Status", "Outcome"):
            table.add_column(name)
        yield table
        yield Footer()


async def timed_open(app, pilot, make_screen) -> tuple[float, float]:
    """Milliseconds (wall clock, and CPU time of this process) from pushing the screen to
    its first frame being drawn. CPU time is steadier on a busy machine."""
    start, start_cpu = time.perf_counter(), time.process_time()
    await app.push_screen(make_screen())
    await pilot.pause()  # every queued message handled, the new screen painted
    elapsed = (time.perf_counter() - start) * 1000
    cpu = (time.process_time() - start_cpu) * 1000
    app.pop_screen()
    await pilot.pause()
    return elapsed, cpu


async def measure(folder: Path, repeats: int) -> dict[str, object]:
    from store import SessionStore
    from tui.app import PartingApp
    from tui.screens.history import HistoryScreen
    from tui.widgets.paged_table import PagedTable

    store = SessionStore.open(folder)
    try:
        app = PartingApp(store=store, start="home")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            store._sorted = None  # the first opening sorts the index, as after start-up
            cold, _ = await timed_open(app, pilot, HistoryScreen)
            history: list[tuple[float, float]] = []
            bare: list[tuple[float, float]] = []
            for _ in range(repeats):
                history.append(await timed_open(app, pilot, HistoryScreen))
                bare.append(await timed_open(app, pilot, BareTableScreen))
            await app.push_screen(HistoryScreen())
            await pilot.pause()
            table = app.screen.query_one("#history-table", PagedTable)
            loaded, total = table.loaded, len(table.items)
    finally:
        store.close()
    return {"cold": cold, "loaded": loaded, "total": total,
            "history": statistics.median(w for w, _ in history),
            "bare": statistics.median(w for w, _ in bare),
            "history_cpu": statistics.median(c for _, c in history),
            "bare_cpu": statistics.median(c for _, c in bare)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--data-dir", type=Path,
                        help="measure an existing data folder instead of importing a new one")
    args = parser.parse_args()
    folders = DataFolders()
    try:
        folder = args.data_dir
        if folder is None:
            started = time.perf_counter()
            folder = folders.folder(args.sessions)
            print(f"imported {args.sessions} sessions in {time.perf_counter() - started:.1f} s")
        found = asyncio.run(measure(folder, args.repeats))
    finally:
        folders.cleanup()
    f = {k: float(v) for k, v in found.items()}
    print(f"rows in the table after opening: {found['loaded']} of {found['total']}")
    print(f"history, first opening (sorts the index):   {f['cold']:7.1f} ms")
    print(f"history, median of {args.repeats:<3}                    {f['history']:7.1f} ms"
          f"   (CPU {f['history_cpu']:.1f} ms)")
    print(f"bare DataTable screen, median:              {f['bare']:7.1f} ms"
          f"   (CPU {f['bare_cpu']:.1f} ms)")
    print(f"ratio history / bare:                       {f['history'] / f['bare']:7.2f}"
          f"   (CPU {f['history_cpu'] / f['bare_cpu']:.2f})")
    met = f["history"] < GOAL_MS and f["cold"] < GOAL_MS
    print(f"goal: under {GOAL_MS:.0f} ms: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
