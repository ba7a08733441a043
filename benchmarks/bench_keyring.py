"""A keyring backend for the benchmarks only: keys in a file named by $PARTING_BENCH_KEYRING.

It stands in for the system keyring so that "with a remembered key" can be measured on a
machine without one; the time a real keyring's own service takes is not in the figures.
Never use it to keep a real key: the file is not protected.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ["PARTING_BENCH_KEYRING"])

    def _items(self) -> dict[str, str]:
        try:
            return json.loads(self._path().read_text())
        except (OSError, ValueError):
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._items().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        items = self._items()
        items[f"{service}\n{username}"] = password
        self._path().write_text(json.dumps(items))

    def delete_password(self, service: str, username: str) -> None:
        items = self._items()
        items.pop(f"{service}\n{username}", None)
        self._path().write_text(json.dumps(items))
