"""Standard output that cannot be written (`> /dev/full`, a full disk behind a redirect):
`export`, `due` and `import` say so in one line on stderr and exit 1; an import that did
its work says the sessions are in."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store import SessionStore, new_session
from store.exchange import dumps_document, export_document
from tests.conftest import frozen_clock

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


def parting_to_full(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    with open("/dev/full", "w") as full:
        return subprocess.run([sys.executable, "-m", "tui.cli", "--data-dir", str(data), *args],
                              stdout=full, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                              text=True, cwd=ROOT, timeout=60)


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    with SessionStore.open(folder, clock=frozen_clock) as store:
        session = new_session("dropped", client="Acme", clock=frozen_clock)
        session.reminders = [{"id": "r", "due": "2025-01-02", "what": "send the invoice"}]
        store.save(session)
    return folder


@pytest.mark.parametrize("args", [["export", "--all"], ["export", "--all", "--format", "md"],
                                  ["export", "--all", "--format", "ics"], ["due"]])
def test_a_full_standard_output_gives_one_line_and_exit_1(data, args):
    done = parting_to_full(data, "--lang", "en", *args)
    assert done.returncode == 1
    assert done.stderr == "parting: Could not write to standard output: No space left on device\n"


def test_an_import_whose_report_cannot_be_printed_says_the_sessions_are_in(data, tmp_path):
    session = new_session("drop", client="Beta", clock=frozen_clock)
    backup = tmp_path / "backup.json"
    backup.write_bytes(dumps_document(export_document([session])))
    done = parting_to_full(data, "--lang", "ru", "import", str(backup))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("parting: Сессии загружены (новых — 1,"), done.stderr
    assert done.stderr.count("\n") == 1
    with SessionStore.open(data) as store:
        assert session.id in {s.id for s in store.summaries()}
    assert json.loads(backup.read_text())["sessions"][0]["id"] == session.id
