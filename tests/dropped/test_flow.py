"""The "I was dropped" flow without a terminal: branching, drafts, reminders, outcome."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from content import load_catalog
from content.drafts import answer_values, fill_draft
from content.flows import get_flow
from content.flows.dropped import REASON_KINDS, branch, resolved_date, too_soon
from content.reminders import merge_reminders

TODAY = date(2026, 11, 23)  # a Monday


@pytest.fixture
def flow():
    return get_flow("dropped")


@pytest.fixture
def catalog():
    return load_catalog("en")


def draft(flow, catalog, template: str, answers: dict, client: str = "Acme") -> str:
    values = {"client": client, **answer_values(answers), **flow.context(answers, catalog, TODAY)}
    return fill_draft(catalog, f"dropped_drafts.{template}", values)


@pytest.mark.parametrize(("kind", "step"), [("slight", "amends"), ("systemic", "improve"),
                                             ("external", "accept")])
def test_each_reason_kind_leads_to_its_own_branch_and_no_other(flow, kind, step):
    answers = {"reason": {"kind": kind}}
    path = [s.id for s in flow.path(answers)]
    assert branch(answers) == step
    assert flow.next_step("reason", answers).id == step
    assert flow.next_step(step, answers).id == "referrals"
    assert flow.previous_step("referrals", answers).id == step
    others = {"amends", "improve", "accept"} - {step}
    assert not others & set(path)
    assert path[0] == "what_happened" and path[-1] == "summary"
    assert len(path) == 11


def test_before_a_reason_is_picked_no_branch_step_is_on_the_path(flow):
    path = [s.id for s in flow.path({})]
    assert not {"amends", "improve", "accept"} & set(path)
    assert flow.next_step("reason", {}).id == "referrals"


def test_the_outcome_is_the_reason_kind_and_nothing_else(flow):
    for kind in REASON_KINDS:
        assert flow.outcome({"reason": {"kind": kind}}) == kind
    assert flow.outcome({}) is None
    assert flow.outcome({"reason": {"kind": "made-up"}}) is None


def test_every_step_has_a_title_and_every_field_a_label(flow, catalog):
    for step in flow.steps:
        item = catalog.item(f"dropped.{step.id}")
        assert item.get("title"), step.id
        for field in step.fields:
            assert item.get(f"{field.id}_label"), f"{step.id}.{field.id}"
            for option in field.options:
                assert option in item.get(f"{field.id}_options"), f"{step.id}.{field.id}.{option}"
            if field.template:
                assert catalog.item(field.template).get("template")


def test_the_holding_reply_names_the_person_and_the_call_back_day(flow, catalog):
    answers = {"what_happened": {"client": "Acme", "who": "Anna"},
               "hold": {"waiting": "yes", "callback": "Thursday"}}
    text = draft(flow, catalog, "hold", answers)
    assert text.startswith("Hi Anna,")
    assert "on Thursday, 26 November, so that we can talk" in text
    assert "{" not in text


def test_the_holding_reply_without_a_name_promises_a_call_soon_and_greets_no_one(flow, catalog):
    answers = {"what_happened": {"client": "Acme"}, "hold": {"waiting": "yes"}}
    text = draft(flow, catalog, "hold", answers)
    assert text.startswith("Hello,\n")
    assert "Acme" not in text
    assert "in the next few days" in text


def test_the_thank_you_names_the_work_but_never_the_client_and_hopes_to_meet_again(flow, catalog):
    answers = {"what_happened": {"client": "Acme", "who": "Anna"},
               "gratitude": {"work": "the new online shop"}}
    text = draft(flow, catalog, "gratitude", answers)
    assert "the new online shop" in text
    assert "Acme" not in text
    assert text.startswith("Hi Anna,")
    assert "paths cross again" in text


def test_the_referral_request_uses_the_role_the_user_typed_and_acknowledges_the_reason(
        flow, catalog):
    answers = {"what_happened": {"client": "Acme", "who": "Anna"},
               "reason": {"kind": "external"},
               "referrals": {"role": "IT directors", "service": "web design"}}
    text = draft(flow, catalog, "referral", answers)
    assert "any IT directors who might need help with web design" in text
    assert catalog.ui("dropped.reason_ack_external") in text


def test_the_referral_request_reads_well_with_nothing_typed(flow, catalog):
    text = draft(flow, catalog, "referral", {"reason": {"kind": "slight"}}, client="")
    assert "{" not in text
    assert catalog.ui("dropped.role_fallback") in text


def test_the_amends_offer_leaves_out_the_parts_not_answered(flow, catalog):
    both = draft(flow, catalog, "amends", {"amends": {"lacking": "the final report",
                                                      "hurt": "your team"}})
    assert "your team felt left out" in both and "the final report" in both
    neither = draft(flow, catalog, "amends", {})
    assert "left out" not in neither and "redo" not in neither and "{" not in neither


def test_the_acceptance_note_keeps_its_lines_whole_when_no_detail_was_given(flow, catalog):
    text = draft(flow, catalog, "accept", {"what_happened": {"client": "Acme"},
                                           "accept": {"well": "shipped early"}})
    assert "Client: Acme\nThe work has ended." in text
    assert "{" not in text
    assert "One thing I did well: shipped early." in text


def test_a_client_waiting_gets_a_call_back_reminder_on_the_day_picked(flow, catalog):
    answers = {"what_happened": {"client": "Acme", "who": "Anna"},
               "hold": {"waiting": "yes", "callback": "in two days"}}
    [reminder] = flow.reminders(answers, catalog, TODAY)
    assert reminder["id"] == "dropped.call_back"
    assert reminder["due"] == "2026-11-25"
    assert reminder["kind"] == "call_back" and reminder["done"] is False
    assert "Anna" in reminder["what"]


def test_no_call_back_reminder_when_the_client_is_not_waiting(flow, catalog):
    answers = {"hold": {"waiting": "no", "callback": "Thursday"}}
    assert flow.reminders(answers, catalog, TODAY) == []


def test_changing_the_call_back_day_replaces_the_reminder_instead_of_adding_one(flow, catalog):
    answers = {"hold": {"waiting": "yes", "callback": "Thursday"}}
    reminders = merge_reminders([], flow.reminders(answers, catalog, TODAY), "dropped.")
    answers["hold"]["callback"] = "Friday"
    reminders = merge_reminders(reminders, flow.reminders(answers, catalog, TODAY), "dropped.")
    assert [r["due"] for r in reminders] == ["2026-11-27"]


def test_the_habit_review_reminder_exists_only_on_the_improve_branch(flow, catalog):
    answers = {"reason": {"kind": "systemic"},
               "improve": {"habit": "a weekly update", "review": "in a month"}}
    [reminder] = flow.reminders(answers, catalog, TODAY)
    assert reminder["id"] == "dropped.review_habit"
    assert reminder["due"] == "2026-12-23"
    assert "a weekly update" in reminder["what"]
    answers["reason"]["kind"] = "external"
    assert flow.reminders(answers, catalog, TODAY) == []


def test_the_check_in_reminder_follows_the_switch(flow, catalog):
    answers = {"what_happened": {"client": "Acme"},
               "learn": {"check_in": True, "check_in_when": "in 3 months"}}
    [reminder] = flow.reminders(answers, catalog, TODAY)
    assert reminder["id"] == "dropped.check_in" and reminder["due"] == "2027-02-23"
    answers["learn"]["check_in"] = False
    assert flow.reminders(answers, catalog, TODAY) == []


def test_a_day_stored_when_typed_wins_over_reading_the_words_again_later(flow, catalog):
    answers = {"hold": {"waiting": "yes", "callback": "Thursday",
                        "callback__date": "2026-11-26"}}
    a_week_later = TODAY + timedelta(days=7)
    assert resolved_date(answers, "hold", "callback", "en", a_week_later) == date(2026, 11, 26)
    [reminder] = flow.reminders(answers, catalog, a_week_later)
    assert reminder["due"] == "2026-11-26"


def test_a_date_with_a_time_is_kept_with_its_time(flow):
    answers = {"what_happened": {"when": "last Friday 3pm"}}
    assert resolved_date(answers, "what_happened", "when", "en", TODAY, "past") == \
        datetime(2026, 11, 20, 15, 0)


def test_drafts_are_too_soon_only_in_the_first_minutes_after_starting():
    start = datetime(2026, 11, 23, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    assert too_soon(start.isoformat(), start)
    assert too_soon(start.isoformat(), start + timedelta(minutes=4))
    assert not too_soon(start.isoformat(), start + timedelta(minutes=6))
    assert not too_soon("not a date", start)
    # the same moment written in another offset is still the same moment
    assert too_soon(start.astimezone(UTC).isoformat(), start + timedelta(minutes=1))
