"""The exit message leaves the app: copied with one key, exported as Markdown, edited outside."""

from __future__ import annotations

import stat

from store import new_session
from tests.conftest import frozen_clock


def open_at(make_app, store, step: str, **answers):
    session = new_session("drop", client="Acme", clock=frozen_clock)
    session.answers = {"client": {"client": "Acme"}, "flags": {"scope": {"seen": True}},
                       "decision": {"decision": "part"}, **answers}
    session.step = step
    store.save(session)
    return make_app(session_id=session.id)


async def test_f3_exports_the_exit_message_as_markdown_in_the_current_folder(
        make_app, store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = open_at(make_app, store, "exit")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        written = list(tmp_path.glob("*exit-message.md"))
        assert len(written) == 1
        text = written[0].read_text(encoding="utf-8")
        assert text.startswith("# Exit message to Acme")
        assert "the scope has grown" in text
        assert stat.S_IMODE(written[0].stat().st_mode) == 0o600
        assert any(str(written[0]) in str(n.message) for n in app._notifications)


async def test_ctrl_o_copies_the_message_even_when_focus_is_elsewhere(make_app, store):
    app = open_at(make_app, store, "exit")
    copied = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.copy_to_clipboard = copied.append
        await pilot.pause()
        app.screen.query_one("#f-referral").focus()
        await pilot.press("ctrl+o")
        await pilot.pause()
    assert copied and copied[0].startswith("Hello,\n")  # no contact named: no one greeted


async def test_without_an_editor_f2_says_how_to_set_one(make_app, store, monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    app = open_at(make_app, store, "exit")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert any("$EDITOR" in str(n.message) for n in app._notifications)


async def test_the_editor_runs_on_a_private_file_and_its_text_comes_back(
        make_app, store, monkeypatch, tmp_path):
    script = tmp_path / "fake-editor"
    seen = tmp_path / "seen"
    script.write_text(f"#!/bin/sh\nstat -c %a \"$1\" > {seen}\nprintf 'Edited by hand.\\n' > \"$1\"\n")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    app = open_at(make_app, store, "exit")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        step = app.screen.current
        from contextlib import nullcontext

        monkeypatch.setattr(app, "suspend", lambda: nullcontext())
        app.screen.query_one("#f-message TextArea").focus()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.pause()
        assert step.message_text == "Edited by hand.\n"
        assert app.screen.session.answers["exit"]["message"] == "Edited by hand.\n"
    assert seen.read_text().strip() == "600"


async def test_ctrl_e_on_the_summary_exports_the_whole_session(make_app, store, tmp_path,
                                                                monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = open_at(make_app, store, "summary")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
    written = list(tmp_path.glob("*.md"))
    assert len(written) == 1
    text = written[0].read_text(encoding="utf-8")
    assert "# Should I drop them? — Acme" in text
    assert "**I will…** Part ways" in text


async def export_twice_beside(make_app, store, folder, step: str, key: str, taken: str):
    """Export twice from `step` with `key` while `folder` already holds a file `taken`.

    The file there is another session's and must come out untouched; returns the
    session's record as the app holds it afterwards.
    """
    other = folder / taken
    other.write_text("another session's page, edited by hand", encoding="utf-8")
    app = open_at(make_app, store, step)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(2):
            await pilot.press(key)
            await pilot.pause()
        record = app.screen.session.to_record()
    assert other.read_text(encoding="utf-8") == "another session's page, edited by hand"
    return record


async def test_exporting_the_summary_again_rewrites_its_own_file_and_spares_another(
        make_app, store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    await export_twice_beside(make_app, store, tmp_path, "summary", "ctrl+e",
                              "2026-11-23-acme-drop.md")
    assert sorted(p.name for p in tmp_path.glob("*.md")) == [
        "2026-11-23-acme-drop-2.md", "2026-11-23-acme-drop.md"]
    assert stat.S_IMODE((tmp_path / "2026-11-23-acme-drop-2.md").stat().st_mode) == 0o600


async def test_exporting_the_exit_message_again_spares_another_sessions_file(
        make_app, store, tmp_path, monkeypatch):
    from content import load_catalog
    from content.markdown import session_markdown

    monkeypatch.chdir(tmp_path)
    record = await export_twice_beside(make_app, store, tmp_path, "exit", "f3",
                                       "2026-11-23-acme-drop-exit-message.md")
    assert sorted(p.name for p in tmp_path.glob("*.md")) == [
        "2026-11-23-acme-drop-exit-message-2.md", "2026-11-23-acme-drop-exit-message.md"]
    assert "exit-message-2" not in session_markdown(record, load_catalog("en"))
