"""Sessions holding text that must never reach the terminal as it is, and a way to look."""

from __future__ import annotations

import re

from store import SessionStore, new_session
from tests.conftest import frozen_clock

# An escape that retitles the window, one that clears the screen, a C1 control (one-byte
# CSI), a bell, a NUL, bidi overrides, and markup that would close or open styles.
HOSTILE = ("Acme\x1b]2;pwned\x1b\\\x1b[2J\x1b[31m\x9b31m\x07\x00\x08\u202eLtd\u202c"
           " [/] [b]bold?[/b] [link=https://example.com]x[/link] [@click=app.quit]q[/]")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def raw_controls(app) -> list[str]:
    """Control characters in what the app would draw now (as an SVG screenshot)."""
    return sorted(set(CONTROL.findall(app.export_screenshot())))


def hostile_sessions(store: SessionStore) -> tuple[str, str]:
    """An unfinished and a finished session full of hostile text, as an import brings them."""
    unfinished = new_session("dropped", client=HOSTILE, clock=frozen_clock)
    unfinished.answers = {"what_happened": {"client": HOSTILE, "who": HOSTILE,
                                            "when": HOSTILE, "said": HOSTILE + "\n" + HOSTILE}}
    unfinished.step = "what_happened"
    unfinished.reminders = [{"id": "r1", "due": "2026-11-20", "what": HOSTILE, "done": False,
                             "kind": "call_back"}]
    finished = new_session("dropped", client=HOSTILE, clock=frozen_clock)
    finished.status = "done"
    finished.outcome = "external"
    finished.answers = {"what_happened": {"client": HOSTILE, "said": HOSTILE},
                        "reason": {"kind": "external", "detail": HOSTILE},
                        "learn": {"lesson": HOSTILE}}
    finished.reminders = [{"id": "r2", "due": "2026-11-23", "what": HOSTILE, "done": False,
                           "kind": "check_in"}]
    store.import_sessions([unfinished, finished])
    return unfinished.id, finished.id
