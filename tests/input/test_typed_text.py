"""What people paste and type: a megabyte of text, every script and emoji, dates nobody
can read. Nothing may crash, everything typed is saved exactly, and a date that cannot be
read gets a hint instead of a guess."""

from __future__ import annotations

import time

from textual import events
from textual.widgets import Input, TextArea

from tui.screens.flow import SAVE_DELAY

SCRIPTS = {
    "russian": "Клиент ушёл к дешёвому подрядчику; ёлки-палки, съешь ещё этих мягких булок",
    "portuguese": "Ação, coração, pão, avô e avó: não há razão para pânico",
    "arabic": "العميل أنهى العقد فجأة، لكن لا بأس",
    "hebrew": "הלקוח סיים את העבודה",
    "chinese": "客户突然结束了合作，我需要冷静一下",
    "japanese": "クライアントが契約を終了しました。深呼吸。",
    "korean": "고객이 계약을 끝냈습니다",
    "hindi": "ग्राहक ने काम बंद कर दिया",
    "thai": "ลูกค้ายกเลิกงานแล้ว",
    "emoji": "👩‍👩‍👧‍👦 🇧🇷 🇷🇺 👍🏽 🧘‍♀️ ❤️‍🔥 🫠",
    "combining": "e\u0301 a\u0308 n\u0303 Z\u0336a\u0336l\u0336g\u0336o\u0336",
    "invisible": "zero\u200bwidth\u200djoin\u2060word\ufeff",
    "wide": "ＦＵＬＬＷＩＤＴＨ　ｔｅｘｔ",
    "mixed direction": "Acme (شركة) Ltd — 株式会社 — ООО",
}

# Drawn to a screenshot as well: the ones whose width or direction is hardest to measure.
DRAWN = ("arabic", "emoji", "combining", "invisible", "wide", "mixed direction")

UNREADABLE_DATES = ["blorp", "32.13.2026", "next flurpday", "2026-02-30", "🙂",
                    "9" * 400, "in 99999999999 days", "через 99999999999 лет",
                    "-1", "00/00/0000", "\u202e3202-11-12", "31 February"]


async def paste(pilot, widget, text: str) -> None:
    """Paste as a terminal does: the app receives it and hands it to the focused widget."""
    widget.focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def saved_after_typing(app, pilot, wait: bool = True) -> dict:
    """The first step's answers on disk, after the save delay (or saved at once)."""
    if wait:
        await pilot.pause(SAVE_DELAY + 0.3)
    else:
        await app.settle()
        assert app.screen.flush()
    return app.store.get(app.screen.session.id).answers["what_happened"]


async def test_a_megabyte_pasted_into_a_field_is_kept_and_the_app_stays_usable(make_app):
    big = ("They said the budget moved to another team. " * 23000)[:1_000_000]
    app = make_app(start="dropped")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        await paste(pilot, app.screen.query_one("#f-said", TextArea), big)
        await paste(pilot, app.screen.query_one("#f-client", Input), big[:100_000])
        saved = await saved_after_typing(app, pilot)
        assert saved["said"] == big
        assert saved["client"] == big[:100_000]
        await pilot.press("ctrl+n")  # still answers keys
        await pilot.pause()
        assert app.screen.current.step.id != "what_happened"
        assert time.perf_counter() - started < 20


async def test_every_script_and_emoji_is_saved_exactly_and_drawn(make_app):
    app = make_app(start="dropped")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        client = app.screen.query_one("#f-client", Input)
        said = app.screen.query_one("#f-said", TextArea)
        for script, text in SCRIPTS.items():
            client.value = ""
            said.text = ""
            await paste(pilot, client, text)
            await paste(pilot, said, text + "\n" + text)
            saved = await saved_after_typing(app, pilot, wait=False)
            assert saved["client"] == text, script
            assert saved["said"] == text + "\n" + text, script
            if script in DRAWN:
                assert app.export_screenshot(), script  # drawing it does not fail
        await pilot.press("ctrl+g")  # and the last one shows on the home screen
        await pilot.pause()
        assert app.is_running and app.export_screenshot()


async def test_dates_that_cannot_be_read_get_a_hint_never_a_crash(make_app):
    app = make_app(start="dropped")
    hint = app.catalog.ui("app.date_unknown")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#f-when", Input)
        for text in UNREADABLE_DATES:
            field.value = ""
            await pilot.pause()
            await paste(pilot, field, text)
            echo = str(app.screen.query_one("#echo-when").render())
            assert app.is_running
            assert echo == hint or echo.startswith("→"), (text, echo)
            if not echo.startswith("→"):
                assert echo == hint, text
        saved = await saved_after_typing(app, pilot)
        assert saved["when"] == UNREADABLE_DATES[-1]  # what was typed is kept as typed
