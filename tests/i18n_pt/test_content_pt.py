"""The Portuguese text itself: plurals, drafts that read well, exit messages that pass the check."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pytest

from content import load_catalog
from content.drafts import answer_values, fill_draft
from content.flows import get_flow
from content.language_check import check_message, missing_parts

TODAY = date(2026, 11, 23)  # a Monday
PT = load_catalog("pt")


def test_portuguese_plurals_use_one_for_zero_and_one_and_other_above():
    assert PT.ui("history.count", n=1) == "1 sessão"
    assert PT.ui("history.count", n=0) == "0 sessão"
    assert PT.ui("history.count", n=2) == "2 sessões"
    assert PT.ui("history.export_lead", n=3) == "Gravar 3 sessões em um arquivo."
    assert PT.ui("cli.written_folder", n=1, path="x") == "1 arquivo gravado em x."


def test_every_portuguese_plural_has_exactly_the_forms_portuguese_needs():
    tables = {key: value for key in PT.own_ui_keys()
              if isinstance(value := PT._ui[key], Mapping)}
    assert tables, "no plural tables found"
    for key, forms in tables.items():
        assert set(forms) == {"one", "other"}, key


def test_every_neutral_flag_wording_passes_the_exit_message_check():
    for flag in PT.children("drop.flags"):
        neutral = flag.get("neutral")
        if neutral:
            assert check_message(str(neutral), "pt") == [], flag.key
    assert check_message(PT.ui("drop_exit.reason_fallback"), "pt") == []


def test_a_portuguese_exit_message_has_every_part_and_no_accusing_words():
    from content.flows.drop_drafts import drop_context

    seen = {name: {"seen": True, "often": "often"} for name in ("scope", "late_payment")}
    answers = {"client": {"client": "Acme", "contact": "Marina"}, "flags": seen,
               "decision": {"decision": "part"},
               "exit": {"format": "letter", "notice_days": "14", "handover": "os arquivos",
                        "handover_days": "2", "referral": "o Estúdio Norte",
                        "positive": "o lançamento da primavera",
                        "window": PT.item("drop.exit")["window_default"]}}
    values = {"client": "Acme", **answer_values(answers), **drop_context(answers, PT, TODAY)}
    answers["exit"]["reason"] = fill_draft(PT, "drop_exit.reason", values).strip()
    values = {"client": "Acme", **answer_values(answers), **drop_context(answers, PT, TODAY)}
    message = fill_draft(PT, "drop_exit.message", values)

    for part in ("Olá, Marina,", "o escopo cresceu", "segunda-feira, 7 de dezembro.",
                 "entrego os arquivos", "posso indicar o Estúdio Norte",
                 "guardo com carinho o lançamento da primavera", "novamente"):
        assert part in message
    assert check_message(message, "pt") == []
    assert missing_parts(message, "pt") == []


@pytest.mark.parametrize("kind", ["slight", "systemic", "external"])
def test_the_referral_request_acknowledges_each_kind_of_reason_in_portuguese(kind):
    flow = get_flow("dropped")
    answers = {"what_happened": {"client": "Acme", "who": "Marina"},
               "reason": {"kind": kind},
               "referrals": {"role": "diretores de TI", "service": "design de sites"}}
    values = {"client": "Acme", **answer_values(answers), **flow.context(answers, PT, TODAY)}
    message = fill_draft(PT, "dropped_drafts.referral", values)
    assert message.startswith("Olá, Marina,")
    assert PT.ui(f"dropped.reason_ack_{kind}") in message
    assert "Você conhece diretores de TI que talvez precisem de ajuda com design de sites?" \
        in message


def test_the_holding_reply_names_the_call_back_day_in_portuguese():
    flow = get_flow("dropped")
    answers = {"what_happened": {"client": "Acme"},
               "hold": {"waiting": "yes", "callback": "sexta"}}
    values = {"client": "Acme", **answer_values(answers), **flow.context(answers, PT, TODAY)}
    message = fill_draft(PT, "dropped_drafts.hold", values)
    assert "Ligo para você na sexta-feira, 27 de novembro, para conversarmos" in message
    answers["hold"].pop("callback")
    values = {"client": "Acme", **answer_values(answers), **flow.context(answers, PT, TODAY)}
    assert "Ligo para você em breve para conversarmos" \
        in fill_draft(PT, "dropped_drafts.hold", values)


def test_a_payment_plan_in_portuguese_uses_brazilian_money_format():
    from content.flows.drop_drafts import drop_context

    answers = {"client": {"client": "Acme"},
               "flags": {"late_payment": {"seen": True, "often": "often"}},
               "attempt": {"pay_amount": "4.800,00", "pay_count": "3",
                           "pay_first": "2026-12-01", "pay_interval": "month"}}
    values = {"client": "Acme", **answer_values(answers), **drop_context(answers, PT, TODAY)}
    message = fill_draft(PT, "drop_attempt.payment", values)
    # A Brazilian payment plan writes every amount with its cents.
    assert "parcelamento do saldo pendente, no total de R$\u00a04.800,00:" in message
    assert "1. terça-feira, 1º de dezembro: R$\u00a01.600,00\n" in message


def _quoted(text: str) -> list[str]:
    import re

    return re.findall(r"\"([^\"]+)\"", text)


def test_every_date_example_a_portuguese_hint_gives_can_be_typed_as_it_is():
    from content.dates import parse_when

    examples: list[tuple[str, str]] = []
    for flow_name in ("dropped", "drop"):
        flow = get_flow(flow_name)
        for step in flow.steps:
            item = PT.item(f"{flow_name}.{step.id}")
            for field in step.fields:
                if field.kind == "date":
                    examples += [(e, field.prefer) for e in _quoted(str(item.get(f"{field.id}_hint")))]
    for key in ("app.date_unknown", "reminders.snooze_hint", "reminders.snooze_unknown"):
        examples += [(e, "future") for e in _quoted(PT.ui(key))]
    examples += [(e, "past") for e in _quoted(PT.ui("drop_flags.when_hint"))]
    assert len(examples) >= 10
    unread = [e for e, prefer in examples if parse_when(e, "pt", TODAY, prefer=prefer) is None]
    assert not unread, f"hints suggest dates the app cannot read: {unread}"
