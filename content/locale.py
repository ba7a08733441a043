"""Which language to speak when the user has not said."""

from __future__ import annotations

import os
from collections.abc import Mapping

from content.catalog import LANGUAGES


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The first of LC_ALL, LC_MESSAGES, LANG naming a shipped language; else English."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        for part in value.split(":"):
            code = part.split(".")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
            if code and code not in ("c", "posix"):
                return "en"
    return "en"
