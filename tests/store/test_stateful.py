"""The store behaves like a dict of sessions, across saves, deletes, imports and reopens."""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from store import Session, SessionNotFound, SessionStore, new_session

json_leaf = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=20) \
    | st.floats(allow_nan=False, allow_infinity=False)
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                          max_leaves=8)
answers = st.dictionaries(st.text(max_size=10), json_value, max_size=4)


class StoreAgainstDict(RuleBasedStateMachine):
    """Every operation is done on the store and on a plain dict; they must always agree."""

    ids = Bundle("ids")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="parting-model-"))
        self.store = SessionStore.open(self.folder, app_instance=True)
        self.model: dict[str, Session] = {}
        self.imports = 0

    @rule(target=ids, flow=st.sampled_from(["dropped", "drop"]), client=st.text(max_size=15),
          given=answers)
    def save_new(self, flow: str, client: str, given: dict) -> str:
        session = new_session(flow, client=client)
        session.answers = given
        self.store.save(session)
        self.model[session.id] = copy.deepcopy(session)
        return session.id

    @rule(session_id=ids, given=answers, step=st.none() | st.sampled_from(["a", "b", "c"]),
          status=st.sampled_from(["in_progress", "done"]))
    def update(self, session_id: str, given: dict, step: str | None, status: str) -> None:
        if session_id not in self.model:
            return
        session = copy.deepcopy(self.model[session_id])
        session.answers.update(given)
        session.step, session.status = step, status
        self.store.save(session)
        self.model[session_id] = session

    @rule(session_id=ids)
    def delete(self, session_id: str) -> None:
        if session_id in self.model:
            assert self.store.delete(session_id) == self.model.pop(session_id)
        else:
            try:
                self.store.delete(session_id)
            except SessionNotFound:
                pass
            else:
                raise AssertionError("deleted a session that was not there")

    @rule(session_id=ids, client=st.text(max_size=15))
    def import_newer(self, session_id: str, client: str) -> None:
        if session_id not in self.model:
            return
        session = copy.deepcopy(self.model[session_id])
        session.client = client
        self.imports += 1  # each import later than the last, so it always counts as newer
        session.updated_at = f"{2100 + self.imports}-01-01T00:00:00+00:00"
        result = self.store.import_sessions([session])
        assert result.updated == 1
        self.model[session_id] = session

    @rule()
    def reopen(self) -> None:
        self.store.close()
        self.store = SessionStore.open(self.folder, app_instance=True)
        assert self.store.notices == []

    @invariant()
    def agrees_with_the_model(self) -> None:
        assert self.store.count() == len(self.model)
        summaries = self.store.summaries()
        assert {s.id for s in summaries} == set(self.model)
        for summary in summaries:
            session = self.model[summary.id]
            assert (summary.client, summary.step, summary.status, summary.updated_at) == (
                session.client, session.step, session.status, session.updated_at)
            assert self.store.get(summary.id) == session

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)


StoreAgainstDict.TestCase.settings = settings(max_examples=40, stateful_step_count=25,
                                              deadline=None)
test_store_behaves_like_a_dict = StoreAgainstDict.TestCase
