"""The app shell: home, help, palette, bindings, and the command line."""

from __future__ import annotations

import subprocess
import sys

from textual.widgets import OptionList

from tui.cli import main


async def test_home_offers_both_flows_with_explanations(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        flows = app.screen.query_one("#home-flows", OptionList)
        text = " ".join(str(flows.get_option_at_index(i).prompt) for i in range(flows.option_count)
                        if flows.get_option_at_index(i).prompt is not None)
        assert "I was dropped" in text
        assert "Should I drop them?" in text
        assert flows.has_focus


async def test_f1_opens_help_and_escape_closes_it(make_app):
    from tui.screens.help import HelpModal

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpModal)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpModal)


async def test_footer_shows_translated_binding_descriptions(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        descriptions = {b.description for _, b in app.screen._bindings}
        assert "History" in descriptions
        assert not any(d.startswith("home.") for d in descriptions)


async def test_every_binding_has_an_id(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for node in (app, app.screen):
            for _, binding in node._bindings:
                if binding.show and binding.description:
                    assert binding.id, binding


async def test_palette_lists_every_app_command_in_the_user_language(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "History" in titles and "Start: I was dropped" in titles
        assert "Quit" in titles


def test_where_prints_the_data_dir_from_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PARTING_DATA_DIR", str(tmp_path / "d"))
    assert main(["--where"]) == 0
    assert capsys.readouterr().out.strip() == str((tmp_path / "d").resolve())


def test_data_dir_flag_wins_over_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PARTING_DATA_DIR", str(tmp_path / "env"))
    assert main(["--data-dir", str(tmp_path / "flag"), "--where"]) == 0
    assert capsys.readouterr().out.strip() == str((tmp_path / "flag").resolve())


def test_version_prints_the_package_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("parting 0.")


def test_printing_commands_never_import_textual(tmp_path):
    code = ("import sys; from tui.cli import main; main(['--data-dir', sys.argv[1], 'due']);"
            "print('textual' in sys.modules, 'rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip().endswith("False False")


def test_a_printing_command_piped_into_a_reader_that_stops_ends_quietly(tmp_path):
    from store import SessionStore, new_session

    sessions = []
    for n in range(3000):
        session = new_session("dropped", client=f"Client {n}")
        session.reminders = [{"id": "call", "due": "2020-01-01", "what": "Call back",
                              "done": False, "kind": "call_back"}]
        sessions.append(session)
    with SessionStore.open(tmp_path) as store:
        store.import_sessions(sessions)
    code = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    reader = subprocess.Popen([sys.executable, "-c", code, "--data-dir", str(tmp_path), "due"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None
    reader.stdout.read(10)
    reader.stdout.close()  # like `| head -1`
    _, errors = reader.communicate(timeout=30)
    assert b"Traceback" not in errors
    assert reader.returncode == 0


def test_app_waits_for_a_closing_window_instead_of_opening_read_only(tmp_path):
    import threading

    from store import SessionStore
    from tui.cli import open_for_app

    first = SessionStore.open(tmp_path, app_instance=True)
    threading.Timer(0.5, first.close).start()
    second = open_for_app(tmp_path, wait=5.0)
    try:
        assert not second.read_only
    finally:
        second.close()


def test_app_opens_read_only_when_another_window_stays_open(tmp_path):
    from store import SessionStore
    from tui.cli import open_for_app

    first = SessionStore.open(tmp_path, app_instance=True)
    try:
        second = open_for_app(tmp_path, wait=0.5)
        assert second.read_only
        second.close()
    finally:
        first.close()


async def test_an_unexpected_error_saves_what_was_typed_before_the_app_ends(make_app, store):
    import pytest

    app = make_app(start="dropped")
    with pytest.raises(RuntimeError, match="boom"):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("tab", *"Marta")
            await pilot.pause()
            app._handle_exception(RuntimeError("boom"))
            await pilot.pause()
    [session] = list(store.sessions())
    assert "Marta" in str(session.answers)


async def test_choosing_a_language_in_the_palette_switches_every_screen_and_is_remembered(
        make_app, store):
    from store.settings import load_settings
    from tui.screens.language import LanguageModal

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.action_choose_language()
        await pilot.pause()
        assert isinstance(app.screen, LanguageModal)
        await pilot.press("down", "enter")  # en -> ru
        await pilot.pause()
        descriptions = {b.description for _, b in app.screen._bindings if b.show}
        assert "История" in descriptions
        assert app.catalog.lang == "ru"
    assert load_settings(store.directory).lang == "ru"


async def test_home_is_the_first_screen_and_a_new_language_rebuilds_it_with_the_focus_kept(
        make_app):
    from textual.widgets import OptionList

    from tui.screens.flow import FlowScreen
    from tui.screens.home import HomeScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert len(app.screen_stack) == 1 and isinstance(app.screen, HomeScreen)
        app.set_language("pt")
        await pilot.pause()
        await pilot.pause()
        assert len(app.screen_stack) == 1 and isinstance(app.screen, HomeScreen)
        flows = app.screen.query_one("#home-flows", OptionList)
        assert "Perdi um cliente" in str(flows.get_option_at_index(0).prompt)
        assert app.focused is flows
        await pilot.press("enter")  # the first flow, in the new language
        await pilot.pause()
        assert isinstance(app.screen, FlowScreen) and app.screen.flow.name == "dropped"
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert len(app.screen_stack) == 1 and isinstance(app.screen, HomeScreen)


async def test_changing_language_mid_flow_keeps_the_answers_and_the_step(make_app, store):
    app = make_app(start="dropped")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("tab", *"Marta")
        await pilot.pause()
        app.set_language("pt")
        await pilot.pause()
        await pilot.pause()
        from tui.screens.flow import FlowScreen

        assert isinstance(app.screen, FlowScreen)
        assert app.screen.session.answers["what_happened"]["who"] == "Marta"
    [session] = list(store.sessions())
    assert session.answers["what_happened"]["who"] == "Marta"


async def test_the_language_command_is_found_by_its_english_name_in_every_language(make_app):
    from textual.command import CommandPalette

    for lang in ("ru", "pt"):
        app = make_app(lang)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"language")
            await pilot.pause(0.5)
            palette = app.screen
            assert isinstance(palette, CommandPalette)
            found = palette.query_one("CommandList")
            assert found.option_count >= 1
            assert "Language" in str(found.get_option_at_index(0).prompt)


async def test_history_names_itself_in_the_header_and_a_read_only_window_still_says_so(tmp_path):
    from content import load_catalog
    from store import SessionStore
    from tests.conftest import frozen_clock
    from tui.app import PartingApp

    first = SessionStore.open(tmp_path, app_instance=True)
    second = SessionStore.open(tmp_path, app_instance=True, wait=0.5)
    try:
        app = PartingApp(store=second, catalog=load_catalog("en"), clock=frozen_clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("h")
            await pilot.pause()
            assert app.screen.sub_title == \
                "History · read only: parting is open in another window or tab"
    finally:
        second.close()
        first.close()


def test_the_command_starts_with_the_collector_paused_and_a_command_turns_it_back_on(tmp_path):
    code = ("import gc, sys; import tui.start; assert not gc.isenabled(); "
            "from tui.cli import main; main(['--data-dir', sys.argv[1], 'due']); "
            "assert gc.isenabled() and gc.get_freeze_count() > 0; print('collector on')")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("collector on")


def test_the_app_turns_the_collector_back_on_before_it_runs(tmp_path, monkeypatch):
    import gc

    from textual.app import App

    seen: list[bool] = []
    monkeypatch.setattr(App, "run", lambda self, *a, **k: seen.append(gc.isenabled()))
    gc.disable()
    try:
        main(["--data-dir", str(tmp_path)])
    finally:
        gc.enable()
    assert seen == [True]


def test_importing_the_cli_leaves_the_collector_alone():
    import gc

    import tui.cli  # noqa: F401

    assert gc.isenabled()
