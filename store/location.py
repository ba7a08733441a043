"""The one place that decides where parting keeps its data."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "PARTING_DATA_DIR"


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None,
                     environ: Mapping[str, str] | None = None) -> Path:
    """Return the data folder: `--data-dir`, else `$PARTING_DATA_DIR`, else the platform's.

    The folder is not created here; `SessionStore.open()` creates it with mode 0700.
    """
    env = os.environ if environ is None else environ
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser().resolve()
    from platformdirs import user_data_path

    return user_data_path("parting", appauthor=False)
