"""Breathing patterns as pure timings: phases, about a minute of cycles, the shape's size."""

from __future__ import annotations

import pytest

from content.breathing import (
    PATTERN_NAMES,
    cycle_seconds,
    cycles_for,
    moment,
    phases,
    shape_rows,
    total_seconds,
)


def test_the_three_patterns_have_their_classic_timings():
    assert [(p.name, p.seconds) for p in phases("box")] == [
        ("in", 4), ("hold", 4), ("out", 4), ("hold_empty", 4)]
    assert [(p.name, p.seconds) for p in phases("478")] == [("in", 4), ("hold", 7), ("out", 8)]
    sigh = phases("sigh")
    assert [p.name for p in sigh] == ["in", "top_up", "out"]
    assert sigh[-1].seconds > sigh[0].seconds + sigh[1].seconds  # the breath out is the long one


@pytest.mark.parametrize("pattern", PATTERN_NAMES)
def test_the_default_number_of_cycles_lasts_about_a_minute(pattern):
    assert 50 <= total_seconds(pattern, cycles_for(pattern)) <= 70


def test_an_unknown_pattern_falls_back_to_box_breathing():
    assert phases("nonsense") == phases("box")
    assert cycle_seconds("box") == 16


def test_the_shape_grows_on_the_breath_in_holds_and_shrinks_on_the_breath_out():
    start, middle, top = (moment("box", t).size for t in (0, 2, 3.99))
    assert start < middle < top
    assert moment("box", 5).size == moment("box", 7).size == 1.0
    assert moment("box", 9).size > moment("box", 11).size
    assert moment("box", 13).size == moment("box", 15).size == phases("box")[0].start


def test_a_moment_knows_its_phase_countdown_and_cycle():
    now = moment("478", 4 + 7 + 8 + 5.5)  # second cycle, 1.5 s into the hold
    assert now.cycle == 1
    assert now.phase.name == "hold"
    assert now.countdown == 6
    assert not now.finished


def test_after_the_last_cycle_the_moment_is_finished_at_rest():
    done = moment("sigh", 1000, cycles=3)
    assert done.finished and done.countdown == 0 and done.cycle == 2
    assert moment("sigh", total_seconds("sigh", 3) - 0.01, cycles=3).finished is False


def test_the_shape_is_round_centred_and_never_wider_than_its_box():
    rows = shape_rows(1.0, 14, 7)
    assert len(rows) == 7
    assert rows[3] == max(rows) <= 14
    assert rows == rows[::-1]
    small = shape_rows(0.2, 14, 7)
    assert sum(small) < sum(rows)
    assert all(w % 2 == 0 for w in rows + small)
