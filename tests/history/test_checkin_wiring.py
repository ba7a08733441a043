"""Finishing a session gives it check-ins; saving it again later does not add more."""

from __future__ import annotations

from store import new_session
from tests.conftest import frozen_clock


async def test_the_save_that_finishes_a_session_adds_its_checkins(store, make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)):
        session = new_session("drop", client="Acme", clock=frozen_clock)
        assert app.persist(session)
        assert store.get(session.id).reminders == []
        session.status = "done"
        assert app.persist(session)
        saved = store.get(session.id).reminders
        assert [(r["id"], r["due"]) for r in saved] == [("checkin_30", "2026-12-23"),
                                                        ("checkin_90", "2027-02-21")]
        assert app.persist(session)
        assert len(store.get(session.id).reminders) == 2


async def test_an_imported_finished_session_gets_no_checkins_when_saved_again(store, make_app):
    old = new_session("dropped", client="Bolt", clock=frozen_clock)
    old.status = "done"
    store.import_sessions([old])
    app = make_app()
    async with app.run_test(size=(100, 30)):
        session = store.get(old.id)
        session.reminders.append({"id": "x", "due": "2026-11-30", "what": "Call", "done": True})
        assert app.persist(session)
        assert [r["id"] for r in store.get(old.id).reminders] == ["x"]
