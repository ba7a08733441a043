"""A separate parting process for the store tests: `python writer_process.py MODE DIR [N]`.

MODE "saves": save N new sessions and exit. MODE "forever": keep updating a few sessions
and creating new ones, printing each acknowledged save as "<id> <n>", until killed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import contextlib

from store import SessionNotFound, SessionStore, new_session  # noqa: E402


def save_many(folder: Path, count: int, tag: str) -> None:
    with SessionStore.open(folder, wait=30) as store:
        for n in range(count):
            session = new_session("dropped", client=f"{tag}-{n}")
            session.answers = {"n": n, "note": "x" * 200}
            store.save(session)


def save_forever(folder: Path) -> None:
    store = SessionStore.open(folder, app_instance=True, wait=30)
    ids = [s.id for s in store.summaries()][:5]
    sessions = {}
    for session_id in ids:
        with contextlib.suppress(SessionNotFound):
            sessions[session_id] = store.get(session_id)
    counter = max([s.answers.get("n", 0) for s in sessions.values()] + [0]) + 1
    print("ready", flush=True)
    rng = random.Random()
    while True:
        if len(sessions) < 5 or rng.random() < 0.1:
            session = new_session("drop", client=f"c{counter}")
            sessions[session.id] = session
        session = rng.choice(list(sessions.values()))
        session.answers["n"] = counter
        session.answers["text"] = "ü" * rng.randrange(0, 3000)
        if rng.random() < 0.3:
            session.step = f"step{counter % 7}"
        store.save(session)
        print(session.id, counter, flush=True)
        counter += 1


if __name__ == "__main__":
    mode, folder = sys.argv[1], Path(sys.argv[2])
    if mode == "saves":
        save_many(folder, int(sys.argv[3]), sys.argv[4])
    else:
        save_forever(folder)
