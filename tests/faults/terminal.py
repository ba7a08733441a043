"""The real `parting` in a real terminal (tmux on a private socket), for tests that kill it."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def parting_argv() -> list[str]:
    """The installed `parting` script beside this Python, or the module as a fallback."""
    script = Path(sys.executable).with_name("parting")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]


class Tmux:
    """A tmux server of our own, so the tests never touch anyone's sessions."""

    def __init__(self, socket_dir: Path) -> None:
        if shutil.which("tmux") is None:
            raise FileNotFoundError("tmux")
        self.socket = socket_dir / "tmux.sock"
        # A session that outlives the apps keeps the server up between them; without it the
        # server exits with the last app and a new session can race its shutdown.
        self("new-session", "-d", "-s", "keeper", "sleep 600")

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-S", str(self.socket), *args], capture_output=True,
                              text=True, check=check)
        return done.stdout

    def start(self, name: str, data_dir: Path, *command: str, size: tuple[int, int] = (100, 30)
              ) -> int:
        """Start parting in a window of its own; return the app's process id.

        `exec` makes the app the pane's process, so the pid is the app's and a closed
        window signals the app itself.
        """
        argv = [*parting_argv(), *command]
        line = (f"cd {shlex.quote(str(ROOT))} && exec env PARTING_DATA_DIR="
                f"{shlex.quote(str(data_dir))} LANG=C.UTF-8 {shlex.join(argv)}")
        self("-u", "new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]),
             line)
        return int(self("list-panes", "-t", name, "-F", "#{pane_pid}").split()[0])

    def screen(self, name: str) -> str:
        return self("capture-pane", "-p", "-t", name, check=False)

    def wait_for(self, name: str, text: str, timeout: float = 20.0) -> str:
        """The screen once `text` is on it; fails with what was shown instead."""
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen(name)
            if text in shown:
                return shown
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen showed:\n{shown}")

    def type(self, name: str, text: str) -> None:
        self("send-keys", "-t", name, "-l", text)

    def kill_server(self) -> None:
        self("kill-server", check=False)


def wait_gone(pid: int, timeout: float = 10.0) -> bool:
    """True once process `pid` has ended (it is tmux's child, not ours, so poll)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            if state == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.02)
    return False
