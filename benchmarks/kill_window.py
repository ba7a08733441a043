"""How long after a key a SIGKILL (or a power cut) can still lose it.

Starts the real app in tmux on a private socket, opens "I was dropped", and types one
character at a time into the client field. For every other key, it measures the time from
the key being sent until the session file on disk holds it: a kill after that loses
nothing. For the others, the time until the key shows in the terminal, which is what the
first figure is to be compared with (tmux, the terminal and Textual's own work).

    .venv/bin/python -m benchmarks.kill_window [keys]

Prints the median, 95th percentile and largest of each, in milliseconds.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from content import load_catalog
from tests.faults.terminal import Tmux


def on_disk(sessions: Path, text: str) -> bool:
    needle = f'"client":"{text}"'.encode()
    for path in sessions.glob("*.json"):
        try:
            if needle in path.read_bytes():
                return True
        except OSError:
            continue
    return False


def measure(keys: int = 40) -> tuple[list[float], list[float]]:
    with tempfile.TemporaryDirectory(prefix="parting-kill-window-") as folder:
        base = Path(folder)
        tmux = Tmux(base)
        try:
            data = base / "data"
            tmux.start("app", data, "dropped")
            tmux.wait_for("app", load_catalog("en").item("dropped.what_happened")["title"])
            time.sleep(1.0)  # let start-up work (preparing other screens) finish
            typed, times, shown = "", [], []
            for n in range(keys):
                char = "abcdefghij"[n % 10]
                typed += char
                sent = time.perf_counter()
                tmux.type("app", char)
                if n % 2:  # every other key: when it is on screen, for comparison
                    while typed not in tmux.screen("app"):
                        time.sleep(0.0005)
                    shown.append((time.perf_counter() - sent) * 1000)
                    continue
                while not on_disk(data / "sessions", typed):
                    if time.perf_counter() - sent > 5:
                        raise RuntimeError(f"{typed!r} never reached the disk")
                    time.sleep(0.0005)
                times.append((time.perf_counter() - sent) * 1000)
                time.sleep(0.05)  # a quick typist: 20 keys a second
            return times, shown
        finally:
            tmux.kill_server()


def main() -> None:
    keys = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    disk, screen = measure(keys)
    for label, times in (("on disk", sorted(disk)), ("on screen", sorted(screen))):
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(f"key sent -> {label}, {len(times)} keys: median "
              f"{statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()
