"""A believable store of past sessions, for the history, reminders and insights tests.

`make_sessions(n)` gives `n` sessions of both flows over the two years before the frozen test
clock: returning clients, red flags that recur, reasons, decisions, reminders that are
overdue, due today, upcoming and done, and some answered check-ins. Deterministic for a seed.

Run as a script to write an import file: `python -m tests.history.sample_store 300 out.json`.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from store import Session
from store.exchange import dumps_document, export_document

TODAY = date(2026, 11, 23)
CLIENTS = ("Acme Studio", "Bolt Logistics", "Cedar Dental", "Dune Coffee", "Elm & Partners",
           "Fjord Travel", "Granite Bank", "Harbor Legal", "Iris Florists", "Juniper Apps",
           "Kestrel Media", "Lumen Labs", "Maple Schools", "Nimbus Cloud", "Orchid Spa",
           "Pine Architects", "Quartz Games", "Rowan Bakery", "Sage Clinic", "Tidal Energy")
PEOPLE = ("Anna", "Boris", "Carla", "Dmitri", "Elena", "Felipe", "Greta", "Hugo")
FLAGS = ("late_payment", "invoices", "scope", "schedule", "nitpick", "price", "rude",
         "not_listening", "terms", "expertise")
REASONS = ("slight", "systemic", "external")
DECISIONS = ("part", "last_attempt", "keep")
SAYINGS = (
    "They said the budget for next year went to the in-house team.",
    "The second invoice was paid five weeks late and only after three reminders.",
    "{person} wrote on Sunday night asking for the whole landing page by Monday.",
    "We agreed on four screens; we are now at eleven with the same price.",
    "{person} told me the new director wants to work with a bigger agency.",
    "Calls kept moving, then the project was 'paused for now'.",
    "I felt left out of the planning meeting and did not say so.",
)


def _answers_dropped(rng: random.Random, client: str, person: str, done: bool) -> dict:
    kind = rng.choice(REASONS)
    said = rng.choice(SAYINGS).format(person=person)
    answers: dict = {
        "what_happened": {"client": client, "who": person, "how": rng.choice(("email", "call")),
                          "said": said},
        "feelings": {"feelings": rng.sample(["angry", "disappointed", "worried", "relieved"], 2),
                     "notes": f"Talked to {person} afterwards; still annoyed."},
        "reason": {"kind": kind, "detail": said},
        "referrals": {"role": "operations directors", "service": "booking flows"},
    }
    if done:
        answers["learn"] = {"good_deal": rng.choice(("yes", "no")),
                            "lesson": "Agree the end date up front next time."}
    return answers


def _answers_drop(rng: random.Random, client: str, person: str, done: bool) -> dict:
    seen = rng.sample(FLAGS[:6], rng.randint(1, 3)) + (["rude"] if rng.random() < 0.1 else [])
    answers: dict = {
        "client": {"client": client, "duration": rng.choice(("months", "year", "years")),
                   "situation": rng.choice(SAYINGS).format(person=person)},
        "flags": {name: {"seen": True, "often": rng.choice(("once", "sometimes", "often"))}
                  for name in seen},
    }
    if done:
        answers["decision"] = {"decision": rng.choice(DECISIONS),
                               "reason": f"{person} will not change the way they pay."}
        answers["after"] = {"lessons": "Ask for a deposit before the first sprint."}
    return answers


def make_records(count: int, seed: int = 6) -> list[dict]:
    """`count` session records, newest first, created before TODAY."""
    rng = random.Random(seed)
    records = []
    for n in range(count):
        flow = "drop" if n % 2 else "dropped"
        client = CLIENTS[rng.randrange(len(CLIENTS))] if n % 13 else ""
        person = rng.choice(PEOPLE)
        done = n % 7 != 3
        created = datetime(2026, 11, 22, 18, 0) - timedelta(hours=n * 700 // max(count, 1) * 24
                                                            + n)
        stamp = created.isoformat(timespec="seconds") + "+03:00"
        answers = (_answers_drop if flow == "drop" else _answers_dropped)(rng, client, person,
                                                                          done)
        reminders = []
        if n % 3 == 0:
            due = TODAY + timedelta(days=rng.randint(-20, 20))
            reminders.append({"id": f"{flow}.call_back", "due": due.isoformat(),
                              "what": f"Call {person} back", "done": due < TODAY - timedelta(10),
                              "kind": "call_back"})
        if done:
            finished = created.date()
            checkins = (("checkin_30", 30), ("checkin_90", 90)) if flow == "drop" else (
                ("checkin_4m", 120),)
            for key, days in checkins:
                due = finished + timedelta(days=days)
                answered = due < TODAY and rng.random() < 0.6
                reminders.append({"id": key, "due": due.isoformat(), "kind": "checkin",
                                  "what": "Check in on this decision", "done": answered})
                if answered:
                    if flow == "drop":
                        answers[key] = {"right_call": rng.choice(("yes", "yes", "no", "unsure")),
                                        "what_happened": "More calm weeks.",
                                        "answered_on": due.isoformat()}
                    else:
                        answers[key] = {"came_back": rng.choice(("yes", "no", "no")),
                                        "referrals": rng.choice(("yes", "no", "unsure")),
                                        "answered_on": due.isoformat()}
        outcome = (answers.get("decision", {}).get("decision") if flow == "drop"
                   else answers["reason"]["kind"])
        records.append({"id": f"s{n:05d}", "flow": flow, "client": client,
                        "created_at": stamp, "updated_at": stamp,
                        "status": "done" if done else "in_progress", "lang": "en",
                        "answers": answers, "reminders": reminders,
                        "step": "summary" if done else ("reason" if flow == "dropped" else "flags"),
                        "outcome": outcome})
    return records


def make_sessions(count: int, seed: int = 6) -> list[Session]:
    return [Session.from_record(r) for r in make_records(count, seed)]


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 300
    data = dumps_document(export_document(make_sessions(count)))
    if len(argv) > 1:
        Path(argv[1]).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
