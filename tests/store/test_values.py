"""Values that cannot round-trip are refused before the disk is touched; all text round-trips."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import SessionStore, UnsafeValue
from tests.store.conftest import sample


class Odd:
    pass


@pytest.mark.parametrize(("answers", "path"), [
    ({"step3": {"note": math.nan}}, "answers.step3.note"),
    ({"step3": {"note": math.inf}}, "answers.step3.note"),
    ({"score": -math.inf}, "answers.score"),
    ({"note": "half a pair \ud83d"}, "answers.note"),
    ({"list": [1, 2, {"deep": b"bytes"}]}, "answers.list[2].deep"),
    ({"pair": (1, 2)}, "answers.pair"),
    ({"set": {1, 2}}, "answers.set"),
    ({"obj": Odd()}, "answers.obj"),
    ({"big": 2**64}, "answers.big"),
    ({"small": -(2**63) - 1}, "answers.small"),
    ({"keys": {1: "one"}}, "answers.keys"),
    ({"keys": {"bad \udc80 key": "x"}}, "answers.keys"),
])
def test_unsafe_value_is_refused_naming_its_path(store: SessionStore, answers, path) -> None:
    session = sample()
    session.answers.update(answers)
    with pytest.raises(UnsafeValue, match=path.replace("[", r"\[").replace(".", r"\.")):
        store.save(session)
    assert store.count() == 0
    assert list((store.directory / "sessions").iterdir()) == []


def test_refused_save_keeps_the_previous_copy_and_updated_at(store: SessionStore) -> None:
    session = sample()
    store.save(session)
    stamp = session.updated_at
    session.answers["score"] = math.nan
    with pytest.raises(UnsafeValue):
        store.save(session)
    assert session.updated_at == stamp
    assert "score" not in store.get(session.id).answers


@pytest.mark.parametrize(("field", "value"), [
    ("flow", "sideways"), ("status", "maybe"), ("client", None), ("created_at", "yesterday"),
    ("step", 3), ("reminders", [{"due": 5}]), ("id", "../escape"),
])
def test_record_of_the_wrong_shape_is_refused(store: SessionStore, field, value) -> None:
    session = sample()
    setattr(session, field, value)
    with pytest.raises(UnsafeValue, match=field):
        store.save(session)


def test_edge_values_that_do_round_trip_are_kept(store: SessionStore) -> None:
    session = sample(big=2**64 - 1, small=-(2**63), zero=-0.0, tiny=5e-324, empty={}, none=None,
                     nested=[[[]]], flag=False)
    store.save(session)
    assert store.get(session.id).answers == session.answers


TEXTS = [
    "Клиент ушёл к конкурентам",  # Cyrillic
    "Não renovação — preço, atenção, ação",  # Portuguese accents
    "😢➡️🙂 👩🏽‍💻 🏳️‍🌈",  # emoji with modifiers and joiners
    "العميل غادر \u200f שלום",  # right-to-left, with a RLM mark
    "tab\there\nnewline\r\x00nul\x1b[31mescape\x7f",  # control characters
    "\ufeffBOM and \u2028 line separator \U0010ffff",
]


@pytest.mark.parametrize("text", TEXTS)
def test_unicode_round_trips_in_values_keys_and_client(store: SessionStore, text: str) -> None:
    session = sample(client=text, **{text: text})
    session.answers["nested"] = {text: [text]}
    store.save(session)
    assert store.get(session.id) == session
    assert store.summaries()[0].client == text


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text())
def test_any_text_round_trips(store: SessionStore, text: str) -> None:
    session = sample(client=text, note=text, **{"k" + text: 1})
    store.save(session)
    assert store.get(session.id) == session
