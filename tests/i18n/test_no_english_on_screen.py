"""In Russian or Portuguese, no screen of the app shows English.

Each test runs the app in one language, visits a screen, reads every character the
terminal would show (from the SVG screenshot), and looks for common English interface
words. The brand name "parting" and key names (ctrl+n, esc, F1, tab) may stay.
"""

from __future__ import annotations

import pytest

from content.flows import get_flow
from store import new_session
from tests.conftest import frozen_clock
from tests.i18n.screen_text import english_words, svg_text

LANGS = ["ru", "pt"]
SIZE = (100, 40)

# Answers that make every optional part of each step appear (drafts, dates, the branches).
RICH_ANSWERS = {
    "dropped": {
        "what_happened": {"client": "Ромашка", "who": "Анна", "when": "2026-11-20",
                          "how": "email", "said": "Бюджет урезали."},
        "hold": {"waiting": "yes", "callback": "2026-11-26"},
        "gratitude": {"work": "сайтом"},
        "ask_why": {"ready": "yes"},
        "reason": {"kind": "systemic", "detail": "сроки"},
        "improve": {"habit": "отчёты", "review": "2026-12-23"},
        "learn": {"check_in": True, "check_in_when": "2027-02-23"},
    },
    "drop": {
        "client": {"client": "Ромашка", "duration": "year", "income_share": "40"},
        "self_check": {"own_part": "no", "difficult_or_toxic": "difficult"},
        "flags": {"scope": {"seen": True, "often": "often"},
                  "late_payment": {"seen": True, "often": "sometimes"}},
        "team": {"has_team": "yes", "change": "terms"},
        "attempt": {"pay_amount": "4800", "pay_count": "3", "pay_first": "2026-12-01",
                    "pay_interval": "month"},
        "decision": {"decision": "part", "reason": "Пора."},
        "exit": {"format": "letter", "notice_days": "14", "handover_days": "3"},
    },
}
# Names a user typed: they are the user's words, not the interface's.
TYPED = ("Ромашка", "Анна")


async def screen_text(app, pilot) -> str:
    """What the terminal shows, plus every notification raised so far (toasts fade)."""
    await pilot.pause()
    toasts = [f"{n.title or ''}\n{n.message}" for n in app._notifications]
    return "\n".join([svg_text(app.export_screenshot()), *toasts])


# Words that are English and also ordinary words of the language ("no" = "in the" in
# Portuguese, "se for" = "if it is", "que continue" = "that it goes on").
FALSE_FRIENDS = {"ru": (), "pt": ("no", "for", "a", "continue")}


def assert_no_english(text: str, lang: str, where: str) -> None:
    found = english_words(text, FALSE_FRIENDS.get(lang, ()))
    assert not found, f"English on {where} ({lang}): {sorted(found)}\n{text}"


def steps_of(flow_name: str) -> list[str]:
    return [step.id for step in get_flow(flow_name).steps]


@pytest.mark.parametrize("lang", LANGS)
async def test_home_screen_shows_no_english(lang, make_app):
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        assert_no_english(await screen_text(app, pilot), lang, "home")


@pytest.mark.parametrize("lang", LANGS)
async def test_help_shows_no_english(lang, make_app):
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert_no_english(await screen_text(app, pilot), lang, "help")


@pytest.mark.parametrize("lang", LANGS)
async def test_command_palette_shows_no_english(lang, make_app):
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert_no_english(await screen_text(app, pilot), lang, "the command palette")
        await pilot.press("z", "z", "z", "q")
        await pilot.pause(0.8)  # the "no matches" line appears after half a second
        assert_no_english(await screen_text(app, pilot), lang, "the palette with no match")


@pytest.mark.parametrize("lang", LANGS)
async def test_theme_picker_shows_no_english(lang, make_app):
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await app.run_action("change_theme")
        await pilot.pause(0.3)
        text = await screen_text(app, pilot)
        # Theme names ("nord", "textual-dark") are names, but the prompt must be translated.
        assert "Search" not in text, f"English theme prompt ({lang}):\n{text}"


@pytest.mark.parametrize("lang", LANGS)
async def test_ctrl_c_hint_about_quitting_is_not_in_english(lang, make_app):
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        assert_no_english(await screen_text(app, pilot), lang, "the ctrl+c hint")


@pytest.mark.parametrize("flow", ["dropped", "drop"])
@pytest.mark.parametrize("lang", LANGS)
async def test_pressing_continue_through_a_flow_shows_no_english(lang, flow, make_app):
    """From the first step, ctrl+n as far as the flow lets an empty session go."""
    app = make_app(lang=lang, start=flow)
    async with app.run_test(size=SIZE) as pilot:
        for number in range(len(steps_of(flow)) + 1):
            text = await screen_text(app, pilot)
            assert_no_english(text, lang, f"{flow}, screen {number + 1} after start")
            await pilot.press("ctrl+n")
            await pilot.pause(0.2)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("flow", "step"),
                         [(f, s) for f in ("dropped", "drop") for s in steps_of(f)])
async def test_every_step_with_its_optional_parts_shows_no_english(lang, flow, step, make_app,
                                                                    store):
    session = new_session(flow, client="Ромашка", lang=lang, clock=frozen_clock)
    session.answers = {k: dict(v) for k, v in RICH_ANSWERS[flow].items()}
    session.step = step
    store.save(session)
    app = make_app(lang=lang, session_id=session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert_no_english(await screen_text(app, pilot), lang, f"{flow}.{step}")
        for body in app.screen.query("#step-body"):
            body.scroll_end(animate=False)
        assert_no_english(await screen_text(app, pilot), lang, f"{flow}.{step}, scrolled down")


def _store_with_sessions(store, lang: str) -> None:
    for flow, outcome in (("dropped", "systemic"), ("drop", "part")):
        session = new_session(flow, client="Ромашка", lang=lang, clock=frozen_clock)
        session.answers = {k: dict(v) for k, v in RICH_ANSWERS[flow].items()}
        session.outcome = outcome
        session.status = "done"
        session.reminders = [
            {"id": f"{flow}.r1", "due": "2026-11-20", "what": "Позвонить", "done": False,
             "kind": "call_back"},
            {"id": f"{flow}.r2", "due": "2026-11-23", "what": "Написать", "done": False,
             "kind": "check_in"},
            {"id": f"{flow}.r3", "due": "2026-12-23", "what": "Проверить", "done": True,
             "kind": "review"},
        ]
        store.save(session)


@pytest.mark.parametrize("keys", [("h",), ("r",), ("i",), ("h", "enter")],
                         ids=["history", "reminders", "insights", "session-page"])
@pytest.mark.parametrize("lang", LANGS)
async def test_lists_and_pages_show_no_english(lang, keys, make_app, store):
    _store_with_sessions(store, lang)
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause(0.3)
        assert_no_english(await screen_text(app, pilot), lang, "+".join(keys))


@pytest.mark.parametrize("lang", LANGS)
async def test_empty_lists_show_no_english(lang, make_app):
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("h", "r", "i"):
            await pilot.press(key)
            await pilot.pause(0.3)
            assert_no_english(await screen_text(app, pilot), lang, f"empty {key}")
            await pilot.press("escape")
            await pilot.pause(0.1)
