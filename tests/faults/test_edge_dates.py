"""Dates at the edges: the first and last days a calendar holds, and days that do not exist.

Every export handles every date an import accepts; an impossible day is refused on import
(it would never come due); the app never reports success after a traceback.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from icalendar import Calendar

from content import load_catalog
from store import SessionStore, new_session
from store.exchange import dumps_document, export_document
from tests.conftest import frozen_clock
from tui.cli import main

EDGES = ["0001-01-01", "9999-12-31", "0001-01-01T00:00", "9999-12-31T23:59:59"]
IMPOSSIBLE = ["2025-02-30", "2025-13-01", "2025-04-31", "2023-02-29", "25-03-01", "1/3/2025",
              "2025-03-01T25:00"]


def store_with(data_dir, dues):
    with SessionStore.open(data_dir, clock=frozen_clock) as store:
        session = new_session("dropped", client="Acme", clock=frozen_clock)
        session.reminders = [{"id": f"r{n}", "due": due, "what": f"step {n}"}
                             for n, due in enumerate(dues)]
        store.save(session)
    return session


def test_the_last_day_a_calendar_holds_becomes_a_one_day_event(data_dir, capsys):
    store_with(data_dir, ["9999-12-31"])
    assert main(["--data-dir", str(data_dir), "export", "--all", "--format", "ics"]) == 0
    [event] = Calendar.from_ical(capsys.readouterr().out).walk("VEVENT")
    assert event.decoded("DTSTART") == date(9999, 12, 31)
    assert "DTEND" not in event  # RFC 5545: an all-day event without DTEND lasts one day


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
@pytest.mark.parametrize("fmt", ["json", "md", "ics"])
def test_every_export_handles_the_edge_dates_an_import_accepts(data_dir, tmp_path, lang, fmt,
                                                               capsys):
    session = store_with(data_dir, EDGES)
    backup = tmp_path / "b.json"
    backup.write_bytes(dumps_document(export_document([session])))
    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "import", str(backup)]) == 0, "accepted"
    capsys.readouterr()
    args = ["--lang", lang, "--data-dir", str(fresh), "export", "--all", "--format", fmt]
    assert main(args) == 0
    assert main([*args, "--anonymise"]) == 0
    assert main([*args[:-2], "--format", "md", "-o", str(tmp_path / "pages/")]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.err and out.out


def test_due_lists_a_reminder_from_the_first_day_and_not_one_from_the_last(data_dir, capsys):
    store_with(data_dir, ["0001-01-01", "9999-12-31"])
    assert main(["--data-dir", str(data_dir), "due"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "step 0" in lines[0]


@pytest.mark.parametrize("due", IMPOSSIBLE)
def test_an_impossible_reminder_day_is_refused_on_import_and_nothing_is_imported(
        data_dir, tmp_path, due, capsys):
    session = new_session("drop", client="Acme", clock=frozen_clock)
    session.reminders = [{"id": "r", "due": "2025-03-01", "what": "fine"},
                         {"id": "s", "due": due, "what": "never due"}]
    document = export_document([session])
    backup = tmp_path / "b.json"
    backup.write_bytes(json.dumps(document).encode())
    assert main(["--data-dir", str(data_dir), "import", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "reminders[1].due" in err and "Nothing was imported" in err
    with SessionStore.open(data_dir) as store:
        assert store.count() == 0


@pytest.mark.parametrize(("lang", "words"), [("ru", "ничего не загружено"),
                                             ("pt", "Nada foi importado")])
def test_the_impossible_day_is_refused_in_the_users_language(data_dir, tmp_path, lang, words,
                                                             capsys):
    session = new_session("drop", client="Acme", clock=frozen_clock)
    session.reminders = [{"id": "s", "due": "2025-02-30", "what": "never due"}]
    backup = tmp_path / "b.json"
    backup.write_bytes(json.dumps(export_document([session])).encode())
    assert main(["--lang", lang, "--data-dir", str(data_dir), "import", str(backup)]) == 1
    err = capsys.readouterr().err
    assert words.lower() in err.lower() and "reminders[0].due" in err


async def test_the_app_shows_and_exports_reminders_on_the_edge_days(data_dir, tmp_path,
                                                                   monkeypatch):
    from tui.app import PartingApp
    from tui.screens.export import ExportModal

    store_with(data_dir, EDGES)
    monkeypatch.chdir(tmp_path)
    store = SessionStore.open(data_dir, app_instance=True, clock=frozen_clock)
    app = PartingApp(store=store, catalog=load_catalog("en"), clock=frozen_clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            app.action_reminders()
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, ExportModal)
            app.screen.action_write()
            await pilot.pause()
            app.pop_screen() if isinstance(app.screen, ExportModal) else None
            app.action_history()
            await pilot.pause()
            assert app.is_running and app.return_code in (None, 0)
    finally:
        store.close()
    [written] = tmp_path.glob("*.ics")
    assert len(Calendar.from_ical(written.read_bytes()).walk("VEVENT")) == 4


def test_the_app_does_not_exit_0_after_a_traceback(data_dir, monkeypatch):
    from textual.app import App

    from tui import cli
    from tui.app import PartingApp

    def broken_mount(self):
        raise RuntimeError("a bug")

    monkeypatch.setattr(PartingApp, "on_mount", broken_mount)
    monkeypatch.setattr(PartingApp, "run", lambda self, **kw: App.run(self, headless=True))
    assert cli.main(["--data-dir", str(data_dir)]) == 1
