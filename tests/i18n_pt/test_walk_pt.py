"""Both flows walked in Portuguese, step by step, to the summary: nothing on the way is English."""

from __future__ import annotations

import re

from textual.widgets import Input, Label, Markdown, RadioButton, Static, TextArea

from tui.screens.flow import FlowScreen

# English words that would give away an untranslated string on screen.
ENGLISH = re.compile(r"\b(?:Continue|Back|Step|the|your|you|Save|Client|What|When|Breathe|"
                     r"Summary|Yes|Not sure|and|with|of)\b")


def screen_text(app) -> str:
    """Every piece of text the current screen shows: labels, statics, options, drafts, pages."""
    parts: list[str] = []
    for widget in app.screen.query("*"):
        if not widget.display:
            continue
        if isinstance(widget, Markdown):
            parts.append(widget.source)
        elif isinstance(widget, TextArea):
            parts.append(widget.text)
        elif isinstance(widget, RadioButton):
            parts.append(str(widget.label))
        elif isinstance(widget, (Static, Label)):
            parts.append(str(widget.render()))
    return "\n".join(parts)


def step_id(app) -> str:
    assert isinstance(app.screen, FlowScreen)
    return app.screen.session.step


def choose(app, label: str) -> None:
    """Pick the radio option the user reads as `label` (it must be on screen in Portuguese)."""
    buttons = [b for b in app.screen.query(RadioButton) if str(b.label) == label]
    assert buttons, f"no option {label!r} on step {step_id(app)}"
    buttons[0].value = True


def assert_no_english(text: str, where: str) -> None:
    leaked = ENGLISH.findall(text)
    assert not leaked, f"English on {where}: {leaked}\n{text}"


async def walk(app, pilot, until: str, picks: dict[str, list[str]], max_steps: int = 20) -> list[str]:
    seen: list[str] = []
    for _ in range(max_steps):
        await pilot.pause()
        current = step_id(app)
        seen.append(current)
        assert_no_english(screen_text(app), current)
        if current == until:
            return seen
        for label in picks.get(current, []):
            choose(app, label)
            await pilot.pause()
        await pilot.press("ctrl+n")
    raise AssertionError(f"never reached {until}: {seen}")


async def test_dropped_flow_in_portuguese_reaches_the_summary(make_app):
    app = make_app(lang="pt", start="dropped", client="Acme")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one("#flow-header", Static).render())
        assert "Perdi um cliente" in header and "Etapa 1 de" in header
        assert "O que aconteceu" in screen_text(app)
        said = app.screen.query_one("#f-said", TextArea)
        said.focus()
        await pilot.press(*"cortaram o orcamento")

        seen = await walk(app, pilot, "summary", {
            "hold": ["Sim"],
            "reason": ["Nada a ver comigo"],
            "learn": ["Sim"],
        })
        assert seen[:3] == ["what_happened", "breathe", "hold"]
        assert "accept" in seen and "amends" not in seen and "improve" not in seen
        page = app.screen.query_one(Markdown).source
        assert "Acme" in page
        assert "Nada a ver comigo" in page
        assert "Resumo" in screen_text(app)


async def test_dropped_reason_step_suggests_in_portuguese(make_app):
    app = make_app(lang="pt", start="dropped", client="Acme")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one("#f-said", TextArea).focus()
        await pilot.press(*"cortaram o orcamento")
        await walk(app, pilot, "reason", {"hold": ["Não"], "ask_why": ["Não"]})
        text = screen_text(app)
        assert "As palavras deles apontam para" in text
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert step_id(app) == "reason"  # no kind picked yet: Continue is refused


async def test_hold_draft_in_portuguese_names_the_call_back_day(make_app):
    app = make_app(lang="pt", start="dropped", client="Acme")
    async with app.run_test(size=(100, 30)) as pilot:
        await walk(app, pilot, "hold", {})
        choose(app, "Sim")
        await pilot.pause()
        callback = app.screen.query_one("#f-callback", Input)
        callback.focus()
        await pilot.press(*"quinta que vem")
        await pilot.pause()
        text = screen_text(app)
        assert "quinta-feira, 26 de novembro de 2026" in text
        assert "Olá!" in text and "Olá, Acme" not in text  # no name given: no one greeted
        assert "Ligo para você na quinta-feira, 26 de novembro, para" in text


async def test_drop_flow_in_portuguese_reaches_the_summary(make_app):
    app = make_app(lang="pt", start="drop", client="Acme")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one("#flow-header", Static).render())
        assert "Devo dispensar este cliente?" in header
        seen = await walk(app, pilot, "summary", {
            "team": ["Não, só eu"],
            "decision": ["Continuar trabalhando com o cliente"],
        })
        assert seen[0] == "client" and "decision" in seen and "exit" not in seen
        assert "Resumo" in screen_text(app)
