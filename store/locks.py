"""Advisory locks between parting processes, with `fcntl.flock`.

Two locks live in the data folder. `app.lock` is held by the app for as long as it runs,
so a second window knows to open read-only. `sessions.lock` is held only for the moment of
a write (read the index, change it, write it back), so the app and a CLI import can take
turns without losing each other's updates. The kernel drops a flock when its holder dies,
so a crashed process never leaves the folder locked.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from store.atomic import FILE_MODE
from store.errors import StoreLocked


class FileLock:
    """One lock file; `try_acquire` for "is anyone else here", `held` for a bounded wait."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._depth = 0

    def _open(self) -> int:
        if self._fd is None:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            os.fchmod(fd, FILE_MODE)
            self._fd = fd
        return self._fd

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it; never waits."""
        fd = self._open()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        self._depth += 1
        return True

    def acquire(self, wait: float) -> None:
        """Take the lock, waiting up to `wait` seconds, else raise `StoreLocked`."""
        if self._depth:
            self._depth += 1
            return
        deadline = time.monotonic() + wait
        delay = 0.001
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise StoreLocked(
                    f"The data folder {self.path.parent} is busy in another parting "
                    f"process; tried for {wait:g} s. Try again in a moment.",
                    code="busy", params={"folder": str(self.path.parent),
                                         "seconds": f"{wait:g}"})
            # Short sleeps first: writes take milliseconds, so the lock is usually free soon.
            time.sleep(delay)
            delay = min(delay * 2, 0.05)

    def release(self) -> None:
        """Let go (after as many releases as acquires)."""
        if not self._depth:
            return
        self._depth -= 1
        if not self._depth and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    @contextmanager
    def held(self, wait: float) -> Iterator[None]:
        """`with lock.held(wait):` around a read-modify-write."""
        self.acquire(wait)
        try:
            yield
        finally:
            self.release()

    def close(self) -> None:
        """Release and close the file descriptor (the lock file itself stays)."""
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock too
            self._fd = None
            self._depth = 0
