"""Real faults for the fault tests: another user, a read-only mount, a small disk that fills.

Each helper makes the fault with the system's own tools, so the store meets the errors the
kernel really returns (EACCES, EROFS, ENOSPC), not an imitation of them:

- `Unprivileged` runs `parting` as user 65534 with `setpriv`, without the capabilities that
  let root read any file, so `chmod 000` means what it means for an ordinary user.
- `read_only_view` bind-mounts a folder and remounts the view read-only.
- `small_disk` mounts a tmpfs of a few kilobytes.

They need root (CI runs the tests as root). Where they cannot run, the test is skipped and
says why.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Iterator
from pathlib import Path

NOBODY = 65534
ROOT = Path(__file__).resolve().parents[2]
SETPRIV = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
           "--bounding-set=-dac_override,-dac_read_search"]


def _why_not_root() -> str | None:
    if sys.platform != "linux":
        return "needs Linux (setpriv, mount)"
    if os.geteuid() != 0:
        return "needs root to switch user and mount (CI runs as root)"
    return None


def _python_path() -> str:
    paths = [str(ROOT), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    return os.pathsep.join(dict.fromkeys(paths))


@functools.cache
def _interpreter() -> tuple[str | None, str]:
    """A Python that user 65534 may run with this venv's packages, or (None, why not).

    The venv's interpreter often lives under /root (pyenv), where that user may not go; a
    system Python of the same version reads the same packages.
    """
    why = _why_not_root()
    if why:
        return None, why
    if shutil.which("setpriv") is None:
        return None, "setpriv (util-linux) is not installed"
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [sys.executable, shutil.which(f"python{version}"), f"/usr/bin/python{version}",
                  f"/usr/local/bin/python{version}"]
    for candidate in dict.fromkeys(c for c in candidates if c):
        probe = subprocess.run([*SETPRIV, candidate, "-c", "import orjson, tinydb, store"],
                               env=_env(), capture_output=True, timeout=60)
        if probe.returncode == 0:
            return candidate, ""
    return None, f"no Python {version} that user {NOBODY} may run with these packages"


def _env(**extra: str) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/tmp",
           "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONPATH": _python_path(),
           "PYTHONDONTWRITEBYTECODE": "1"}
    env.update(extra)
    return env


class Unprivileged:
    """A scratch folder owned by user 65534, and `parting` run as that user."""

    def __init__(self) -> None:
        self.python_exe, why = _interpreter()
        if self.python_exe is None:
            import pytest

            pytest.skip(why)
        # tmp_path sits in a folder only root may enter; this one the user can reach.
        self.base = Path(tempfile.mkdtemp(prefix="parting-faults-"))
        os.chmod(self.base, 0o755)
        self.data = self.base / "data"

    def own(self) -> None:
        """Give everything in the scratch folder to the user (after root set it up)."""
        for path in [self.base, *self.base.rglob("*")]:
            os.lchown(path, NOBODY, NOBODY)

    def parting(self, *args: str, timeout: float = 60,
                input: str | None = None) -> subprocess.CompletedProcess[str]:
        """`parting --data-dir <data> args...` as the user; stdout and stderr as text.

        `input` is what the command reads on its standard input (a passphrase with
        `--passphrase-fd 0`)."""
        self.own()
        return subprocess.run(
            [*SETPRIV, self.python_exe, "-m", "tui.cli", "--data-dir", str(self.data), *args],
            env=_env(), capture_output=True, text=True, timeout=timeout, cwd=self.base,
            input=input if input is not None else "")

    def python(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        """This Python, as the user, in the scratch folder: `python(-m, pytest, ...)`."""
        self.own()
        return subprocess.run([*SETPRIV, self.python_exe, *args], env=_env(),
                              capture_output=True, text=True, timeout=timeout, cwd=self.base)

    def cleanup(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, timeout=30)


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)


def mount_skip_reason() -> str | None:
    """None if this machine lets the tests mount; else why not (a container without it)."""
    why = _why_not_root()
    if why:
        return why
    with tempfile.TemporaryDirectory(prefix="parting-mount-") as folder:
        try:
            _mount("-t", "tmpfs", "-o", "size=16k", "tmpfs", folder)
        except (subprocess.CalledProcessError, FileNotFoundError) as error:
            return f"cannot mount here ({error})"
        _umount(Path(folder))
    return None


@contextlib.contextmanager
def read_only_view(source: Path) -> Iterator[Path]:
    """`source` seen through a read-only bind mount: every write there fails with EROFS."""
    view = Path(tempfile.mkdtemp(prefix="parting-ro-"))
    _mount("--bind", str(source), str(view))
    try:
        _mount("-o", "remount,ro,bind", str(view))
        yield view
    finally:
        _umount(view)
        with contextlib.suppress(OSError):
            view.rmdir()


@contextlib.contextmanager
def small_disk(size: str) -> Iterator[Path]:
    """A tmpfs of `size` (e.g. "96k"): writes past it fail with ENOSPC."""
    disk = Path(tempfile.mkdtemp(prefix="parting-disk-"))
    _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(disk))
    try:
        yield disk
    finally:
        _umount(disk)
        with contextlib.suppress(OSError):
            disk.rmdir()
