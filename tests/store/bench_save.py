"""Measure what a save costs with 1,000 and 10,000 stored sessions, against plain TinyDB.

Run: .venv/bin/python -m tests.store.bench_save [sizes...]   (default: 1000 10000)
Not a test: the figures go into docs/store.md.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB

from store import SessionStore, new_session

ANSWER_BYTES = 2000


def session_with_answers(rng: random.Random, n: int):
    session = new_session(rng.choice(["dropped", "drop"]), client=f"Client {n}")
    words = ["preço", "escopo", "prazo", "feedback", "relationship", "budget", "Ügyfél"]
    text = " ".join(rng.choice(words) for _ in range(400))
    session.answers = {f"step{k}": text[k * 250:(k + 1) * 250] for k in range(8)}
    session.status = rng.choice(["in_progress", "done"])
    return session


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def describe(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"median {statistics.median(ordered):7.2f} ms  p95 {p95:7.2f} ms"


def bench(size: int, folder: Path) -> None:
    rng = random.Random(size)
    sessions = [session_with_answers(rng, n) for n in range(size)]
    with SessionStore.open(folder / "store") as store:
        started = time.perf_counter()
        store.import_sessions(sessions)
        print(f"\n{size} sessions: import of all {(time.perf_counter() - started):.2f} s")
    started = time.perf_counter()
    store = SessionStore.open(folder / "store", app_instance=True)
    print(f"  open (index loaded, files checked):  {(time.perf_counter() - started) * 1000:7.1f} ms")
    started = time.perf_counter()
    store.summaries()
    print(f"  summaries() first call:              {(time.perf_counter() - started) * 1000:7.1f} ms")
    print(f"  summaries() again:                   {describe(timed(store.summaries, 20))}")
    current = new_session("dropped", client="In progress")
    current.answers = dict(sessions[0].answers)
    store.save(current)

    def typing() -> None:
        current.answers["step0"] = "".join(rng.choice("abcdef ") for _ in range(250))
        store.save(current)
    print(f"  save, typing (session file only):    {describe(timed(typing, 300))}")

    def step_change() -> None:
        current.step = f"step{rng.randrange(1000)}"
        store.save(current)
    print(f"  save, step change (journal line):    {describe(timed(step_change, 100))}")
    print(f"  save, a new session:                 "
          f"{describe(timed(lambda: store.save(session_with_answers(rng, 0)), 30))}")
    rows = dict(store._index.rows())
    print(f"  journal folded into the table:       "
          f"{describe(timed(lambda: store._index.replace_all(rows), 5))}")
    store.close()

    db = TinyDB(folder / "plain.json")
    db.table("sessions").insert_multiple(s.to_record() for s in sessions)
    table = db.table("sessions")
    print(f"  plain TinyDB insert (json, whole):   "
          f"{describe(timed(lambda: table.insert(current.to_record()), 5))}")
    db.close()


def main(sizes: list[int]) -> None:
    print(f"answers per session: about {ANSWER_BYTES} bytes; every save fsyncs file and folder")
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix="parting-bench-"))
        try:
            bench(size, folder)
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
