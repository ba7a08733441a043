"""The Russian drafts read as finished letters: every placeholder filled, and the exit
message passes the Russian language check as the app first offers it."""

from __future__ import annotations

from datetime import date

import pytest

from content import load_catalog
from content.drafts import fill_draft
from content.flows import get_flow
from content.language_check import check_message, missing_parts
from tests.i18n.test_no_english_on_screen import RICH_ANSWERS

TODAY = date(2026, 11, 23)
EXIT_ANSWERS = {
    "client": {"client": "Ромашка"},
    "flags": {"scope": {"seen": True, "often": "often"}, "late_payment": {"seen": True}},
    "decision": {"decision": "part"},
    "exit": {"format": "letter", "notice_days": "14", "handover_days": "3",
             "handover": "файлы и доступы", "referral": "студия «Север»",
             "positive": "запуск нового сайта"},
}


def values(flow_name: str, answers: dict) -> dict:
    catalog = load_catalog("ru")
    flow = get_flow(flow_name)
    found = {"client": "Ромашка", **dict(flow.context(answers, catalog, TODAY))}
    for step, fields in answers.items():
        for field, value in fields.items():
            if isinstance(value, str):
                found[f"{step}__{field}"] = value
    return found


def exit_message() -> str:
    catalog = load_catalog("ru")
    filled = values("drop", EXIT_ANSWERS)
    filled["exit__reason"] = fill_draft(catalog, "drop_exit.reason", filled)
    filled["exit__window"] = str(catalog.item("drop.exit")["window_default"])
    return fill_draft(catalog, "drop_exit.message", filled)


def test_russian_exit_message_as_offered_has_no_accusing_or_absolute_words():
    assert check_message(exit_message(), "ru") == []


def test_russian_exit_message_as_offered_has_all_five_parts():
    assert missing_parts(exit_message(), "ru") == []


@pytest.mark.parametrize("key", ["hold", "gratitude", "ask_why", "amends", "accept", "referral"])
def test_russian_dropped_drafts_leave_no_placeholder_unfilled(key):
    answers = {k: dict(v) for k, v in RICH_ANSWERS["dropped"].items()}
    answers["amends"] = {"lacking": "итоговый отчёт", "hurt": "ваша команда"}
    answers["accept"] = {"well": "сроки"}
    answers["referrals"] = {"role": "основатели стартапов", "service": "веб-дизайн"}
    text = fill_draft(load_catalog("ru"), f"dropped_drafts.{key}", values("dropped", answers))
    assert "{" not in text and "}" not in text, text
    assert text.strip()


@pytest.mark.parametrize("key", ["drop_exit.reason", "drop_exit.talking_points",
                                 "drop.mentor_summary", "drop_team.agenda"])
def test_russian_drop_drafts_leave_no_placeholder_unfilled(key):
    filled = values("drop", EXIT_ANSWERS)
    filled["exit__reason"] = fill_draft(load_catalog("ru"), "drop_exit.reason", filled)
    filled["exit__window"] = "Если что-то изменится, с удовольствием поработаю с вами снова."
    text = fill_draft(load_catalog("ru"), key, filled)
    assert "{" not in text and "}" not in text, text
