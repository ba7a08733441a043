"""Which language to speak when the user has not said.

The rules follow gettext, so parting agrees with the other programs on the system: the
locale is the first non-empty of LC_ALL, LC_MESSAGES and LANG ("pt_BR.UTF-8", "ru_RU",
"C.UTF-8"); LANGUAGE ("pt_BR:pt:en") is a list of preferences that wins over the locale,
except when the locale is explicitly C or POSIX, which asks for untranslated output.
Only the language part counts: pt_PT and pt_BR both get the Portuguese text.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from content.catalog import FALLBACK, LANGUAGES

_UNTRANSLATED = ("c", "posix")


def _language_code(value: str) -> str:
    """"pt_BR.UTF-8@euro" → "pt"; "C.UTF-8" → "c"; "" → ""."""
    code = value.strip().split("@")[0].split(".")[0]
    return code.replace("-", "_").split("_")[0].lower()


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The shipped language the environment asks for; English when it asks for none."""
    env = os.environ if environ is None else environ
    locale = next((env[var] for var in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(var)), "")
    locale_code = _language_code(locale)
    if locale_code in _UNTRANSLATED:
        return FALLBACK
    for preference in env.get("LANGUAGE", "").split(":"):
        if _language_code(preference) in LANGUAGES:
            return _language_code(preference)
    return locale_code if locale_code in LANGUAGES else FALLBACK
