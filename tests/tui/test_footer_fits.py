"""The footer of a step with many keys fits at 80 and 100 columns in every language, and
shows Continue and Back first."""

from __future__ import annotations

import pytest
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from store import new_session
from tests.conftest import frozen_clock

STEPS = {
    ("dropped", "breathe"): {"what_happened": {"client": "Acme"}},
    ("drop", "exit"): {"client": {"client": "Acme"}, "decision": {"decision": "part"},
                       "flags": {"scope": {"seen": True, "often": "often"}}},
}


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
@pytest.mark.parametrize(("flow", "step"), list(STEPS))
async def test_the_footer_fits_and_shows_continue_and_back_first(make_app, store, flow, step,
                                                                  lang, width):
    session = new_session(flow, client="Acme", clock=frozen_clock)
    session.answers = {k: dict(v) for k, v in STEPS[(flow, step)].items()}
    session.step = step
    store.save(session)
    app = make_app(lang=lang, session_id=session.id)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        keys = [k for k in app.screen.query_one(Footer).query(FooterKey) if k.display]
        assert keys, "the footer shows no key"
        assert max(k.region.right for k in keys) <= width, \
            [(k.key_display, k.description, k.region) for k in keys]
        assert [k.action for k in keys[:2]] == ["next", "back"]
