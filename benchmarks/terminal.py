"""Run a program in a pseudo-terminal, as a user would, and watch what it draws.

The clock starts just before the fork and stops when a marker appears on screen (escape
sequences removed), so start-up includes the interpreter, every import, reading the store
and drawing the frame. CPU time and peak memory come from the kernel, not from the child.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass

ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|.)")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    """What one run in a terminal measured."""

    first_frame: float  # seconds from fork to the marker on screen
    first_frame_cpu: float  # CPU seconds the child had used by then (10 ms ticks)
    cpu_share: float | None  # CPU seconds per wall second while watched (1.0 = one core)
    max_rss_kb: int  # peak resident memory of the child


class Terminal:
    """One child process on its own pseudo-terminal of a given size."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (100, 30)):
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.screen = b""

    def drain(self, seconds: float) -> None:
        """Read what the program draws for `seconds` (a program blocks if nobody reads)."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            self._read(left)

    def wait_for(self, marker: str, timeout: float = 30.0) -> float:
        """Seconds since the fork until `marker` is on screen."""
        wanted = marker.encode()
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            self._read(deadline - time.perf_counter())
            if wanted in ANSI.sub(b"", self.screen):
                return time.perf_counter() - self.started
        raise TimeoutError(f"{marker!r} did not appear; the screen showed: "
                           f"{ANSI.sub(b'', self.screen)[-400:]!r}")

    def press(self, keys: bytes, markers: list[str], timeout: float = 30.0) -> float:
        """Type `keys`; seconds until every marker is on screen in what is drawn after them.

        What was on screen before is forgotten first, so a marker that was already visible
        counts only once the program draws it again (as a new screen does).
        """
        self.screen = b""
        wanted = [m.encode() for m in markers]
        started = time.perf_counter()
        os.write(self.fd, keys)
        deadline = started + timeout
        while time.perf_counter() < deadline:
            self._read(deadline - time.perf_counter())
            shown = ANSI.sub(b"", self.screen)
            if all(w in shown for w in wanted):
                return time.perf_counter() - started
        raise TimeoutError(f"{markers!r} did not appear after {keys!r}; the screen showed: "
                           f"{ANSI.sub(b'', self.screen)[-400:]!r}")

    def cpu_seconds(self) -> float:
        """User plus system CPU time the child has used so far."""
        with open(f"/proc/{self.pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def kill(self) -> int:
        """Stop the child; return its peak memory in KB."""
        os.kill(self.pid, signal.SIGKILL)
        _pid, _status, usage = os.wait4(self.pid, 0)
        os.close(self.fd)
        return usage.ru_maxrss

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            time.sleep(min(timeout, 0.01))
            return
        self.screen = (self.screen + chunk)[-200_000:]


def run(argv: list[str], env: dict[str, str], marker: str, *, settle: float = 0.0,
        watch: float = 0.0, size: tuple[int, int] = (100, 30), keys: bytes = b"") -> Run:
    """Start `argv`, wait for `marker`, type `keys`, let it settle, then watch its CPU use."""
    term = Terminal(argv, env, size)
    try:
        first = term.wait_for(marker)
        first_cpu = term.cpu_seconds()
        if keys:
            term.drain(0.3)
            os.write(term.fd, keys)
        term.drain(settle)
        share = None
        if watch:
            before, at = term.cpu_seconds(), time.perf_counter()
            term.drain(watch)
            share = (term.cpu_seconds() - before) / (time.perf_counter() - at)
    except BaseException:
        term.kill()
        raise
    return Run(first_frame=first, first_frame_cpu=first_cpu, cpu_share=share,
               max_rss_kb=term.kill())
