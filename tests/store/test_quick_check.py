"""The quick check of values read from files never lets through what the full check refuses."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.validate import MAX_DEPTH, json_fault, plain_json

scalars = (st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
           | st.floats() | st.text() | st.just("\ud800") | st.binary())
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text() | st.just("\udcff") | st.integers(),
                                        inner, max_size=4), max_leaves=30)


@given(values)
def test_a_value_passed_by_the_quick_check_passes_the_full_one(value: object) -> None:
    if plain_json(value):
        assert json_fault(value, "answers") is None


@given(st.recursive(st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1)
                    | st.floats(allow_nan=False, allow_infinity=False) | st.text(
                        alphabet=st.characters(blacklist_categories=("Cs",))),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=30))
def test_what_json_can_hold_passes_the_quick_check(value: object) -> None:
    assert plain_json(value)


def test_nesting_deeper_than_allowed_goes_to_the_full_check() -> None:
    deep: object = "leaf"
    for _ in range(MAX_DEPTH + 2):
        deep = [deep]
    assert not plain_json(deep)
    assert json_fault(deep, "answers") is not None
