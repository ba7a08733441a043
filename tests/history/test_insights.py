"""Insights across sessions: recurring red flags, reasons, decisions and how they aged."""

from __future__ import annotations

from types import SimpleNamespace

from content import load_catalog
from content.insights import (
    Tally,
    decisions,
    dropped_followups,
    flag_label,
    flags_of,
    reason_kinds,
    recurring_flags,
    repeat_clients,
    right_call_by_decision,
    summarize,
)


def drop(client, flags, outcome="part", **answers):
    return {"flow": "drop", "client": client, "outcome": outcome,
            "answers": {"flags": flags, **answers}}


def dropped(client, outcome, **answers):
    return {"flow": "dropped", "client": client, "outcome": outcome, "answers": answers}


def test_zero_sessions_give_empty_insights():
    found = summarize([])
    assert found.sessions == 0 and found.flags == () and found.reasons == ()
    assert found.came_back == Tally("came_back")


def test_one_session_counts_once():
    found = summarize([drop("Acme", {"money": ["late_payment"]})])
    assert found.sessions == 1 and found.drop == 1
    assert [(c.key, c.count, c.clients) for c in found.flags] == [("late_payment", 1, ("Acme",))]


def test_recurring_flags_are_ranked_with_their_clients():
    records = [
        drop("Acme", {"money": ["late_payment", "invoices"], "respect": ["rude"]}),
        drop("acme ", {"money": ["late_payment"]}),
        drop("Bolt", {"money": ["late_payment"]}),
        drop("Bolt", ["invoices"]),
        dropped("Acme", "outside"),
    ]
    flags = recurring_flags(records)
    assert [(f.key, f.count) for f in flags] == [("late_payment", 3), ("invoices", 2), ("rude", 1)]
    assert flags[0].clients == ("Acme", "Bolt")  # "acme " and "Acme" are one client


def test_flag_shapes_are_read_tolerantly():
    assert flags_of(drop("x", {"scope": True, "rude": False, "_note": ["skip"]})) == ["scope"]
    assert flags_of(drop("x", None)) == []
    assert flags_of(drop("x", "late")) == ["late"]
    assert flags_of(drop("x", ["a", "a", 3])) == ["a"]
    assert flags_of(dropped("x", "slight", flags=["a"])) == []
    assert flags_of(SimpleNamespace(flow="drop", answers={"flags": ["a"]})) == ["a"]
    assert flags_of(SimpleNamespace(flow="drop")) == []


def test_reasons_and_decisions_come_from_outcomes():
    records = [dropped("A", "outside"), dropped("B", "systemic"), dropped("C", "outside"),
               dropped("D", None), drop("E", [], "part"), drop("F", [], "last_attempt"),
               drop("G", [], "part"), {"flow": "drop"}, {}]
    assert [(c.key, c.count) for c in reason_kinds(records)] == [("outside", 2), ("systemic", 1)]
    assert [(c.key, c.count) for c in decisions(records)] == [("part", 2), ("last_attempt", 1)]


def test_the_latest_checkin_decides_how_a_decision_turned_out():
    records = [
        drop("A", [], "part", checkin_30={"right_call": "unsure"}, checkin_90={"right_call": "yes"}),
        drop("B", [], "part", checkin_30={"right_call": "no"}),
        drop("C", [], "keep", checkin_90={"right_call": "yes"}),
        drop("D", [], "keep", checkin_30={"right_call": "maybe"}),
        drop("E", [], "keep"),
    ]
    tallies = right_call_by_decision(records)
    assert tallies == (Tally("part", yes=1, no=1), Tally("keep", yes=1))


def test_dropped_followups_count_came_back_and_referrals():
    records = [dropped("A", "outside", checkin_4m={"came_back": "yes", "referrals": "no"}),
               dropped("B", "slight", checkin_4m={"came_back": "no"}),
               dropped("C", "slight")]
    assert dropped_followups(records, "came_back") == Tally("came_back", yes=1, no=1)
    assert dropped_followups(records, "referrals").total == 1


def test_repeat_clients_only_lists_clients_seen_more_than_once():
    records = [dropped("Acme", "x"), drop("ACME", []), drop("Bolt", []), drop("", []), drop("", [])]
    assert [(c.key, c.count) for c in repeat_clients(records)] == [("Acme", 2)]


def test_thousands_of_sessions():
    records = [drop(f"Client {n % 50}", {"money": ["late_payment"]} if n % 3 else ["rude"])
               for n in range(3000)]
    found = summarize(records)
    assert found.sessions == 3000
    assert found.flags[0].key == "late_payment" and found.flags[0].count == 2000
    assert len(found.flags[0].clients) == 50


def test_flag_label_falls_back_to_a_readable_id():
    assert flag_label(load_catalog("en"), "no_such_flag-x") == "No such flag x"
