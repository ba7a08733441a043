"""A keyring backend held in memory, importable by name as a real one is."""

from __future__ import annotations

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """Keys in a dictionary shared by every instance, so a new process reading the mark's
    backend (a new instance) finds what an earlier one put there."""

    priority = 1  # type: ignore[assignment]
    items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)
