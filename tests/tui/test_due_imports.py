"""`parting due` imports only what it prints with: a new heavy import fails here.

Every printing command pays for each module it imports, before it reads a byte of the data
folder (#15: the platformdirs floor alone is most of the command's budget). The list below
is what such a command must never load; the ceiling catches anything else that creeps in.
"""

from __future__ import annotations

import json
import subprocess
import sys

# Each of these costs a printing command milliseconds it has no use for: the UI (Textual,
# rich and what they bring), orjson (only writers need it, and it pulls in uuid, platform
# and dataclasses' inspect), importlib.resources (tempfile, shutil, zipfile, random),
# asyncio, the date parser of the history screen, and hmac with OpenSSL's hashing (only a
# locked folder compares keys).
NEVER = ("textual", "rich", "pygments", "markdown_it", "orjson", "asyncio",
         "importlib.resources", "zipfile", "tempfile", "uuid", "dateparser", "email", "http",
         "hmac", "_hashlib")
# Modules loaded by a settled `parting due` on Python 3.11: 141, the interpreter's
# own included; room for a few, not for a new package.
CEILING = 150

CODE = """
import json, sys
from tui.cli import main
main(["--data-dir", sys.argv[1], "due"])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def modules_of_due(data_dir) -> list[str]:
    done = subprocess.run([sys.executable, "-c", CODE, str(data_dir)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_parting_due_imports_nothing_heavy_and_no_more_modules_than_its_ceiling(tmp_path):
    from store import SessionStore, new_session

    with SessionStore.open(tmp_path) as store:
        session = new_session("dropped", client="Acme")
        session.reminders = [{"id": "call", "due": "2020-01-01", "what": "Call back",
                              "kind": "follow_up", "done": False}]
        store.save(session)
    for _ in range(3):  # the first runs bring the index and the digest up to date
        modules_of_due(tmp_path)
    loaded = modules_of_due(tmp_path)
    heavy = [m for m in loaded if m.split(".")[0] in NEVER or m in NEVER]
    assert heavy == [], f"parting due imported {heavy}"
    assert len(loaded) <= CEILING, f"parting due imported {len(loaded)} modules: {loaded}"
