"""How long the history screen takes to show its first page with 10,000 sessions.

    python benchmarks/history_first_page.py               # 10,000 sessions, 15 starts
    python benchmarks/history_first_page.py --sessions 2000 --repeats 5

Measured the way a user meets it: parting runs in a pseudo-terminal (100x30) on a data
folder filled with `parting import`; once the home screen is up, `h` is typed and the clock
stops when the history's first page (the newest session and the session count) has been
drawn to the terminal. Each start opens history once cold (the first time, which also reads
and sorts the index and the screen's stylesheet) and then three more times after Escape.

The yardstick, measured in the same run and alternating with it: a bare Textual app whose
`h` opens a screen with a header, an empty DataTable with the same five columns and a
footer (benchmarks/bare_table_app.py). A second bare app fills that table with a first page
of rows as history's (FIRST_ROWS of them): the floor, what plain Textual takes to draw the
rows themselves. Printed: medians of all three, the ratios, the goal.
Not part of the test suite. Goal: first page under 150 ms, cold and warm.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import terminal  # noqa: E402
from bare_table_app import MARKER as BARE_MARKER  # noqa: E402
from bare_table_app import ROWS_MARKER, TABLE_MARKER  # noqa: E402
from sample_data import NEWEST_CLIENT, DataFolders, child_env, parting_command  # noqa: E402

GOAL_MS = 150.0
SIZE = (100, 30)
WARM = 3  # openings after the first, per start
SETTLE = 0.5  # seconds to let a screen finish drawing before the next key
FIRST_ROWS = 30  # the rows history adds first at this size (tui/widgets/paged_table.py)


@dataclass
class Opening:
    wall: float  # seconds from the key to the page on screen
    cpu: float  # CPU seconds the program used meanwhile (10 ms ticks; steadier when shared)


def openings(argv: list[str], env: dict[str, str], ready: str, markers: list[str]
             ) -> tuple[Opening, list[Opening]]:
    """Start the program, wait for `ready`, open the table screen cold, then WARM times more."""
    term = terminal.Terminal(argv, env, SIZE)

    def open_screen() -> Opening:
        before = term.cpu_seconds()
        wall = term.press(b"h", markers)
        return Opening(wall, term.cpu_seconds() - before)

    try:
        term.wait_for(ready)
        term.drain(SETTLE)
        cold = open_screen()
        warm = []
        for _ in range(WARM):
            term.drain(SETTLE)
            term.press(b"\x1b", [ready])
            term.drain(SETTLE)
            warm.append(open_screen())
    finally:
        term.kill()
    return cold, warm


def count_text(total: int) -> str:
    """The history's session count as it reads on screen in English."""
    from content import load_catalog

    return load_catalog("en").ui("history.count", n=total)


def measure(folder: Path, starts: int) -> dict[str, float]:
    total = sum(1 for _ in (folder / "sessions").glob("*.json"))
    ours = ([*parting_command(), "--lang", "en"], child_env(folder), NEWEST_CLIENT,
            [NEWEST_CLIENT, count_text(total)])
    bare = ([sys.executable, str(HERE / "bare_table_app.py")], child_env(), BARE_MARKER,
            [TABLE_MARKER])
    rows = ([sys.executable, str(HERE / "bare_table_app.py"), "--rows", str(FIRST_ROWS)],
            child_env(), BARE_MARKER, [ROWS_MARKER])
    apps = {"": ours, "bare_": bare, "rows_": rows}
    for app in apps.values():
        openings(*app)  # warm the file cache; not counted
    runs: dict[str, list[Opening]] = {}
    for _ in range(starts):
        for prefix, app in apps.items():
            c, w = openings(*app)
            runs.setdefault(prefix + "cold", []).append(c)
            runs.setdefault(prefix + "warm", []).extend(w)
    found: dict[str, float] = {"total": total, "worst": max(
        o.wall for o in runs["cold"] + runs["warm"]) * 1000}
    for name, runs_of in runs.items():
        found[name] = statistics.median(o.wall for o in runs_of) * 1000
        found[name + "_cpu"] = statistics.median(o.cpu for o in runs_of) * 1000
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=15,
                        help="how many times each app is started (each opens the screen 4 times)")
    parser.add_argument("--data-dir", type=Path,
                        help="measure an existing data folder instead of importing a new one")
    args = parser.parse_args()
    folders = DataFolders()
    try:
        folder = args.data_dir or folders.folder(args.sessions)
        f = measure(folder, args.repeats)
    finally:
        folders.cleanup()
    print(f"sessions in the data folder: {f['total']:.0f}; {args.repeats} starts, "
          f"{WARM} reopenings each")
    print(f"history, first opening (cold), median:     {f['cold']:7.1f} ms"
          f"   (CPU {f['cold_cpu']:.0f} ms)")
    print(f"history, median of reopenings:             {f['warm']:7.1f} ms"
          f"   (CPU {f['warm_cpu']:.0f} ms)")
    print(f"bare DataTable screen, median:             {f['bare_warm']:7.1f} ms"
          f"   (CPU {f['bare_warm_cpu']:.0f} ms; first opening {f['bare_cold']:.1f} ms)")
    print(f"bare DataTable with {FIRST_ROWS} rows, median:       {f['rows_warm']:7.1f} ms"
          f"   (CPU {f['rows_warm_cpu']:.0f} ms; first opening {f['rows_cold']:.1f} ms)")
    print(f"ratio history / bare:                      {f['warm'] / f['bare_warm']:7.2f}"
          f"   (first opening {f['cold'] / f['bare_cold']:.2f})")
    print(f"ratio history / bare with rows:            {f['warm'] / f['rows_warm']:7.2f}"
          f"   (first opening {f['cold'] / f['rows_cold']:.2f})")
    print(f"slowest single opening:                    {f['worst']:7.1f} ms")
    met = f["warm"] < GOAL_MS and f["cold"] < GOAL_MS
    print(f"goal: under {GOAL_MS:.0f} ms: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
