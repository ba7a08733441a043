"""`parting due` and `parting export`: plain text for a shell start-up file, files to share."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import icalendar

from store import SessionStore, new_session
from tui.cli import main


def fill(folder: Path, reminders: list[dict]) -> None:
    with SessionStore.open(folder) as store:
        acme = new_session("dropped", client="Acme Studio")
        acme.status = "done"
        acme.answers = {"what_happened": {"client": "Acme Studio",
                                          "said": "On Monday Anna from Acme Studio called."}}
        acme.reminders = reminders
        store.save(acme)
        bolt = new_session("drop", client="Bolt")
        store.save(bolt)


def test_due_prints_nothing_when_nothing_is_due(tmp_path, capsys):
    later = (date.today() + timedelta(days=5)).isoformat()
    fill(tmp_path, [{"id": "a", "due": later, "what": "Call Anna back", "done": False}])
    assert main(["--data-dir", str(tmp_path), "due"]) == 0
    assert capsys.readouterr().out == ""


def test_due_prints_due_and_overdue_reminders(tmp_path, capsys):
    today = date.today()
    fill(tmp_path, [
        {"id": "a", "due": today.isoformat(), "what": "Call Anna back", "done": False},
        {"id": "b", "due": (today - timedelta(days=3)).isoformat(), "what": "Send invoice",
         "done": False},
        {"id": "c", "due": (today - timedelta(days=3)).isoformat(), "what": "Old", "done": True},
    ])
    assert main(["--data-dir", str(tmp_path), "due"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Overdue since") and "Send invoice (Acme Studio)" in lines[0]
    assert lines[1].startswith("Due") and "Call Anna back" in lines[1]


def test_export_all_markdown_as_one_document(tmp_path, capsys):
    fill(tmp_path, [{"id": "a", "due": "2026-12-01", "what": "Call Anna back", "done": False}])
    assert main(["--data-dir", str(tmp_path), "export", "--all", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n---\n") == 1
    assert "# I was dropped: Acme Studio" in out and "Call Anna back" in out


def test_export_markdown_into_a_folder_writes_one_file_per_session(tmp_path, capsys):
    fill(tmp_path / "data", [])
    folder = tmp_path / "out"
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--all", "--format", "md",
                 "-o", str(folder)]) == 0
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 2
    assert any(name.endswith("-acme-studio-dropped.md") for name in files)
    assert all((folder / name).stat().st_mode & 0o777 == 0o600 for name in files)
    assert "Wrote 2 files" in capsys.readouterr().err


def test_export_ics_is_read_by_a_calendar_parser(tmp_path):
    fill(tmp_path / "data", [{"id": "a", "due": "2026-12-01", "what": "Call Anna back"}])
    target = tmp_path / "r.ics"
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--all", "--format", "ics",
                 "-o", str(target)]) == 0
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Call Anna back (Acme Studio)"]


def test_anonymised_export_replaces_client_names_consistently(tmp_path, capsys):
    fill(tmp_path, [])
    assert main(["--data-dir", str(tmp_path), "export", "--all", "--format", "md",
                 "--anonymise"]) == 0
    out = capsys.readouterr().out
    assert "Acme" not in out and "Anna" not in out and "Bolt" not in out
    assert "# I was dropped: Client B" in out and "Person 1 from Client B called" in out
