"""The user's preferences, in `<data dir>/settings.json`.

A damaged or missing file is never a reason not to start: it reads as the defaults, and
the next save keeps the damaged file as `settings.json.bak`.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from store.atomic import ensure_private_dir, write_atomic
from store.errors import UnsafeValue, save_failed
from store.validate import json_problem

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    """What the user chose: theme, language (None: from the system), motion, breathing, and
    the currency of payment plans (None: not asked yet)."""

    theme: str = "textual-dark"
    lang: str | None = None
    reduced_motion: bool = False
    breathing_pattern: str = "box"
    currency: str | None = None


def _accepts(name: str, value: object) -> bool:
    if name in ("lang", "currency"):
        return value is None or isinstance(value, str)
    if name == "reduced_motion":
        return isinstance(value, bool)
    return isinstance(value, str)


def load_settings(directory: Path | str | os.PathLike[str]) -> Settings:
    """The saved settings; defaults for a missing or damaged file, or for any odd field."""
    try:
        # Read with `json`: every command reads the settings, and few write them.
        document = json.loads((Path(directory) / SETTINGS_FILE).read_bytes())
    except (OSError, ValueError, RecursionError):
        return Settings()
    if not isinstance(document, dict):
        return Settings()
    # json (unlike orjson) reads lone surrogates, which could not be saved back: skip them.
    chosen = {f.name: document[f.name] for f in fields(Settings)
              if f.name in document and _accepts(f.name, document[f.name])
              and not json_problem(document[f.name], f.name)}
    return Settings(**chosen)


def save_settings(directory: Path | str | os.PathLike[str], settings: Settings) -> None:
    """Write the settings atomically, mode 0600. Raises `UnsafeValue` or `SaveFailed`."""
    values = asdict(settings)
    for name, value in values.items():
        if not _accepts(name, value) or json_problem(value, name):
            raise UnsafeValue(f"The setting {name} = {value!r} cannot be saved.",
                              code="unsafe_setting", params={"name": name})
    import orjson

    try:
        ensure_private_dir(Path(directory))
        write_atomic(Path(directory) / SETTINGS_FILE,
                     orjson.dumps(values, option=orjson.OPT_INDENT_2))
    except OSError as error:
        raise save_failed(error) from error
