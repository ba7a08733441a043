"""A full disk or a folder parting may not write to, met while the user types in a flow.

The store's own tests inject these faults at every filesystem call; here they reach the app:
the user must be told plainly, keep everything on screen, keep working, and see the
answers saved as soon as the disk takes them again.
"""

from __future__ import annotations

import errno
import os

import pytest
from textual.widgets import Input

from store import session_files
from tui.screens.flow import SAVE_DELAY, FlowScreen

SETTLE = SAVE_DELAY + 0.4


class Disk:
    """Stands in for the store's session-file write; fails with `error` while `broken`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, error: int) -> None:
        self.error = error
        self.broken = True
        self.failures = 0
        self._real = session_files.write_atomic
        monkeypatch.setattr(session_files, "write_atomic", self.write)

    def write(self, path, data, **kwargs) -> None:
        if self.broken:
            self.failures += 1
            raise OSError(self.error, os.strerror(self.error), str(path))
        self._real(path, data, **kwargs)


def messages(app) -> str:
    return "\n".join(f"{n.title or ''} {n.message}" for n in app._notifications)


def client_field(app) -> Input:
    return app.screen.query_one("#f-client", Input)


FAULTS = [
    (errno.ENOSPC, "disk is full"),
    (errno.EACCES, "not allowed to write in its data folder"),
    (errno.EROFS, "read-only disk"),
]


@pytest.mark.parametrize(("error", "told"), FAULTS, ids=[errno.errorcode[e] for e, _ in FAULTS])
async def test_failed_save_is_reported_and_nothing_on_screen_is_lost(make_app, store,
                                                                     monkeypatch, error, told):
    app = make_app(start="dropped")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        disk = Disk(monkeypatch, error)
        await pilot.press(*"Acme Studio")
        await pilot.pause(SETTLE)

        assert disk.failures >= 1
        assert told in messages(app)
        assert isinstance(app.screen, FlowScreen) and app.is_running
        assert client_field(app).value == "Acme Studio"
        assert "Not saved" in str(app.screen.query_one("#nav-status").render())
        assert store.summaries() == []  # nothing half-written reached the store


async def test_answers_typed_while_the_disk_is_full_are_saved_once_there_is_room(
        make_app, store, monkeypatch):
    app = make_app(start="dropped")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        disk = Disk(monkeypatch, errno.ENOSPC)
        await pilot.press(*"Acme")
        await pilot.pause(SETTLE)
        session = app.screen.session
        # The user moves on to the next step while nothing can be written.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.current.step.id != "what_happened"
        assert disk.failures >= 2

        disk.broken = False  # space is back
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.get(session.id)
        assert saved.answers["what_happened"]["client"] == "Acme"
        assert saved.step == app.screen.current.step.id
        assert "Saved" in str(app.screen.query_one("#nav-status").render())


async def test_a_full_disk_at_quit_does_not_silently_throw_the_answers_away(make_app, store,
                                                                           monkeypatch):
    app = make_app(start="dropped")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        Disk(monkeypatch, errno.ENOSPC)
        await pilot.press(*"Acme")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "quit with unsaved answers must ask first"
        assert "disk is full" in messages(app)
        assert client_field(app).value == "Acme"
        await pilot.press("ctrl+q")  # the user insists
        await pilot.pause()
        assert not app.is_running
