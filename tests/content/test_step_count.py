"""The "Step n of N" count: what the user answers never makes the total grow."""

from __future__ import annotations

import copy

import pytest

from content.flows import get_flow
from tests.content.test_draft_mechanics import ALL_PARTS, drop_answers, dropped_answers


def walks():
    """Whole answer sets, each a different way through a flow."""
    for kind in ("slight", "systemic", "external", ""):
        answers = dropped_answers("en", 0, True)
        answers["reason"]["kind"] = kind
        yield "dropped", f"reason={kind or 'none'}", answers
    for flags in ((), ALL_PARTS, ("harassment",), ("scope", "illegal")):
        for chosen in ("keep", "last_attempt", "part", ""):
            answers = drop_answers("en", 1, True, flags)
            answers["decision"]["decision"] = chosen
            yield "drop", f"flags={'+'.join(flags) or 'none'},decision={chosen or 'none'}", answers


WALKS = list(walks())


def counts_along(flow_name: str, full: dict) -> list[tuple[str, int, int, int]]:
    """Walk `flow_name` forward, answering each step as `full` does:
    (step, number, total on opening the step, total once it is answered)."""
    flow = get_flow(flow_name)
    given: dict = {}
    step, seen = flow.first(), []
    while step is not None:
        number, opened = flow.position(step.id, given)
        if step.id in full:
            given[step.id] = copy.deepcopy(full[step.id])
        seen.append((step.id, number, opened, flow.position(step.id, given)[1]))
        step = flow.next_step(step.id, given)
    return seen


@pytest.mark.parametrize(("flow_name", "full"), [(f, a) for f, _, a in WALKS],
                         ids=[f"{f}-{name}" for f, name, _ in WALKS])
def test_answering_a_step_never_makes_the_step_total_grow(flow_name, full):
    seen = counts_along(flow_name, full)
    totals = [total for _, _, opened, answered in seen for total in (opened, answered)]
    assert totals == sorted(totals, reverse=True), seen
    assert [number for _, number, _, _ in seen] == list(range(1, len(seen) + 1))
    last = seen[-1]
    assert last[1] == last[3]  # the last step reads "Step N of N"


@pytest.mark.parametrize(("flow_name", "full"), [(f, a) for f, _, a in WALKS],
                         ids=[f"{f}-{name}" for f, name, _ in WALKS])
def test_the_step_total_stays_put_while_the_user_answers_the_step_on_screen(flow_name, full):
    for step, _, opened, answered in counts_along(flow_name, full):
        assert opened == answered, step


@pytest.mark.parametrize("flow_name", ["dropped", "drop"])
def test_every_branch_names_a_step_that_comes_before_it(flow_name):
    flow = get_flow(flow_name)
    ids = [step.id for step in flow.steps]
    for here, step in enumerate(flow.steps):
        if step.branch_of:
            assert step.branch_of in ids[:here], step.id
