"""Read what a running app shows, and find English words in it."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable


def _words(text: str) -> list[str]:
    return text.split()


# Words that give away an untranslated string. Textual's own strings are included
# ("Search for commands…", "No matches found", "Select").
ENGLISH_WORDS = frozenset(_words("""
continue back save saved copy copied quit help history reminders reminder insights step steps
the and your you client clients session sessions search commands command matches found select
yes no not sure next finish finished home draft reset start skip cancel delete export open close
done due overdue today what when who why how with for from this that there here is are was
were will can could should would please press key keys theme screenshot unfinished recent
nothing none breathe breath hold pattern summary reason message letter call meeting filter sort
status date flow outcome undo resume refresh check edit editor menu option options of to in on
part keep attempt last slight systemic external yesno
"""))

# Latin words that may appear in any language: the product's name, key names, file formats.
ALLOWED = frozenset(_words("""
parting ctrl esc escape tab shift enter space f1 f5 pgup pgdn md json ics svg markdown
e mail editor id
"""))

_TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.DOTALL)
_WORD = re.compile(r"[^\W\d_]+")


def svg_text(svg: str) -> str:
    """The characters of a Textual SVG screenshot, as one string."""
    return "".join(html.unescape(re.sub(r"<[^>]+>", "", t)) for t in _TEXT.findall(svg))


def english_words(text: str, ignore: Iterable[str] = ()) -> set[str]:
    """The words from `ENGLISH_WORDS` that `text` contains (whole words, any case)."""
    skip = ALLOWED | {w.lower() for w in ignore}
    return {w.lower() for w in _WORD.findall(text)} & ENGLISH_WORDS - skip
