"""Text from sessions, made safe to draw: shown as written, never obeyed by the terminal.

Sessions can come from an import file someone else wrote. An escape sequence in a client's
name would otherwise reach the terminal as it is (retitle the window, clear the screen),
and square brackets would be read as Textual markup (a stray "[/]" raises). `shown()` swaps
control characters for the visible symbols Unicode keeps for them (␛ for escape);
`shown_markup()` also escapes markup, for text placed inside a markup string. The command
line uses `shown()` too, for what it prints to a terminal; it does not import Textual.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and the C1 controls (U+0080-U+009F; U+009B alone
# starts a sequence on some terminals).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, e.g. ␛ for escape
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def shown(text: str) -> str:
    """`text` with every control character but tab and newline made visible and harmless."""
    return CONTROL.sub(_picture, text)


def shown_markup(text: str) -> str:
    """`shown(text)`, escaped to sit inside Textual markup exactly as written."""
    from textual.markup import escape  # here, so the command line can use `shown` cheaply

    return escape(shown(text))
