"""One save of the session in progress, against a plain TinyDB insert into a table as large.

Run in its own process so that neither side inherits the other's warm caches or memory.
Prints JSON: {"parting_ms": [...], "parting_step_ms": [...], "tinydb_ms": [...]}.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

from sample_data import SENTENCE, make_record


def parting_saves(data_dir: Path, repeats: int) -> tuple[list[float], list[float]]:
    """Times of saves while typing (answers change) and on a step change (the list changes)."""
    from store import SessionStore, keychain, new_session, sealing

    if sealing.is_locked(data_dir):
        keychain.recall(data_dir)  # a locked folder opens with its remembered key
    store = SessionStore.open(data_dir, app_instance=True)
    try:
        session = new_session("dropped", client="Benchmark Client")
        session.answers = make_record(1, 2, random.Random(1))["answers"]
        session.step = "what_happened"
        store.save(session)  # the session exists before the user types into it
        typing, stepping = [], []
        # In rounds a moment apart, so one burst of disk work elsewhere (every save waits
        # for fsync) does not decide the median.
        rounds = 5
        for round_ in range(rounds):
            for n in range(max(repeats // rounds, 1)):
                session.answers["what_happened"]["what"] = SENTENCE * 3 + f" ({round_}.{n})"
                started = time.perf_counter()
                store.save(session)
                typing.append((time.perf_counter() - started) * 1000)
            for n in range(max(repeats // (3 * rounds), 1)):
                session.step = "feelings" if n % 2 == 0 else "what_happened"
                started = time.perf_counter()
                store.save(session)
                stepping.append((time.perf_counter() - started) * 1000)
            time.sleep(0.3)
        return typing, stepping
    finally:
        store.close()


def tinydb_inserts(total: int, repeats: int) -> list[float]:
    """Times of `Table.insert` into a default TinyDB file already holding `total` sessions."""
    from tinydb import TinyDB

    rng = random.Random(8)
    records = [make_record(n, total, rng) for n in range(total)]
    times = []
    with tempfile.TemporaryDirectory() as folder:
        db = TinyDB(Path(folder) / "db.json")
        table = db.table("sessions")
        table.insert_multiple(records)
        for n in range(repeats):
            record = make_record(total + n, total + repeats, rng)
            started = time.perf_counter()
            table.insert(record)
            times.append((time.perf_counter() - started) * 1000)
        db.close()
    return times


def main() -> None:
    which, total, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    if which == "parting":
        typing, stepping = parting_saves(Path(sys.argv[4]), repeats)
        print(json.dumps({"typing_ms": typing, "step_ms": stepping}))
    else:
        print(json.dumps({"insert_ms": tinydb_inserts(total, repeats)}))


if __name__ == "__main__":
    main()
