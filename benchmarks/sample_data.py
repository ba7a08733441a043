"""Made-up sessions for the benchmarks, put into a data folder the way a user would: `parting import`.

Each session is about 2 KB, with answers of the length people actually type, a reminder or
two, and dates spread over three years, so the store holds what a long-time user's would.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import orjson

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
START = datetime(2023, 11, 1, 9, 0, tzinfo=timezone(timedelta(hours=3)))
SENTENCE = ("They said the budget moved to another team and the next phase is on hold for now, "
            "which I half expected after the last two calls were pushed back. ")
NEWEST_CLIENT = "Newest Client Ltd"


def make_record(n: int, total: int, rng: random.Random) -> dict:
    """The n-th of `total` sessions; the last one is the newest and names NEWEST_CLIENT."""
    created = START + timedelta(minutes=int(n * (3 * 365 * 24 * 60) / max(total, 1)))
    flow = "dropped" if n % 2 else "drop"
    client = NEWEST_CLIENT if n == total - 1 else f"Client {n % 700:03d}"
    answers = {
        "what_happened": {"client": client, "when": "last Tuesday",
                          "what": SENTENCE * rng.randint(2, 5)},
        "feelings": {"note": SENTENCE * rng.randint(1, 3), "level": rng.randint(1, 5)},
        "reasons": {"kind": rng.choice(["slight", "systemic", "outside"]),
                    "detail": SENTENCE * rng.randint(1, 3)},
        "lesson": {"text": SENTENCE * rng.randint(1, 2)},
    }
    reminders = []  # old reminders were dealt with; only the latest sessions have open ones
    if n % 3 == 0:
        due = (created + timedelta(days=14)).date().isoformat()
        reminders.append({"id": f"r{n}", "due": due, "what": "Call back about the referral",
                          "done": n < total - 30, "kind": "call_back"})
    stamp = created.isoformat(timespec="seconds")
    return {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "flow": flow,
            "client": client, "created_at": stamp, "updated_at": stamp,
            "status": "in_progress" if n % 10 == 0 else "done", "lang": "en",
            "answers": answers, "reminders": reminders, "step": "lesson",
            "outcome": answers["reasons"]["kind"]}


def make_document(total: int, seed: int = 8) -> bytes:
    """An export file (as `parting export --all` writes) holding `total` sessions."""
    rng = random.Random(seed)
    records = [make_record(n, total, rng) for n in range(total)]
    return orjson.dumps({"format": "parting", "version": 1,
                         "exported_at": datetime.now(UTC).isoformat(),
                         "sessions": records})


def parting_command() -> list[str]:
    """How a user starts parting from this environment: the installed script if there is one."""
    script = Path(sys.executable).with_name("parting")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]


def child_env(data_dir: Path | None = None) -> dict[str, str]:
    """The environment for a measured child: a known terminal, no Textual dev switches.

    PYTHONDONTWRITEBYTECODE is dropped: an installed parting has its bytecode compiled, and
    with it set every start would compile parting's modules again (the bare app's Textual
    is compiled at install). The first, uncounted run of each benchmark writes it.
    """
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("TEXTUAL") and k != "PYTHONDONTWRITEBYTECODE"}
    env["TERM"] = "xterm-256color"
    env["COLORTERM"] = "truecolor"
    env["PYTHONPATH"] = str(ROOT)
    if data_dir is not None:
        env["PARTING_DATA_DIR"] = str(data_dir)
    return env


def user_env(data_dir: Path) -> dict[str, str]:
    """As `child_env`, but parting finds `data_dir` as a user's does: with platformdirs.

    `$XDG_DATA_HOME/parting` is made a link to the folder, so the measured command pays
    for importing platformdirs and asking it, as every command of a user does.
    """
    home = data_dir.with_name(f"{data_dir.name}-xdg")
    home.mkdir(exist_ok=True)
    link = home / "parting"
    if not link.exists():
        link.symlink_to(data_dir, target_is_directory=True)
    env = child_env()
    env["XDG_DATA_HOME"] = str(home)
    return env


class DataFolders:
    """Data folders filled by `parting import`, made once per size and removed at the end."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="parting-bench-"))
        self._made: dict[int, Path] = {}

    def folder(self, total: int) -> Path:
        """A data folder with `total` sessions (shared: benchmarks must not change it)."""
        if total not in self._made:
            self._made[total] = self.fresh(total, f"shared-{total}")
        return self._made[total]

    def fresh(self, total: int, name: str | None = None) -> Path:
        """A new data folder of its own with `total` sessions."""
        target = self.root / (name or f"own-{total}-{uuid.uuid4().hex[:6]}")
        if total in self._made:
            shutil.copytree(self._made[total], target)
            return target
        source = self.root / f"import-{total}.json"
        if not source.exists():
            source.write_bytes(make_document(total))
        subprocess.run([*parting_command(), "--data-dir", str(target), "import", str(source)],
                       check=True, env=child_env(), stdout=subprocess.DEVNULL)
        return target

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
