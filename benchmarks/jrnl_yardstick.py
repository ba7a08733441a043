"""jrnl 4.6 in a virtual environment of its own, with a journal of 1,000 entries.

The yardstick for the printing commands: `jrnl -n 10` lists the last ten of 1,000 entries,
a command-line journal doing what `parting due` and `parting export <id>` do (open a
store of a user's writing, print a little of it). Installed with pip from the same package
index as parting; if that fails the benchmark says so instead of a figure.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import venv
from datetime import datetime, timedelta
from pathlib import Path

VERSION = "4.6"
ENTRIES = 1000

CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v{version}
"""


class Jrnl:
    """`argv` and `env` run jrnl on the prepared journal; `problem` says why it cannot."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.argv: list[str] = []
        self.env: dict[str, str] = {}
        self.problem = ""
        try:
            self._install()
            self._journal()
        except (OSError, subprocess.CalledProcessError) as error:
            detail = getattr(error, "stderr", "") or str(error)
            self.problem = f"jrnl {VERSION} could not be installed: {str(detail).strip()[-200:]}"

    def _install(self) -> None:
        target = self.root / "jrnl-venv"
        venv.create(target, with_pip=True)
        python = target / "bin" / "python"
        subprocess.run([str(python), "-m", "pip", "install", "-q", f"jrnl=={VERSION}"],
                       check=True, capture_output=True, text=True)
        self.argv = [str(target / "bin" / "jrnl"), "-n", "10"]

    def _journal(self) -> None:
        config_home = self.root / "jrnl-config"
        (config_home / "jrnl").mkdir(parents=True, exist_ok=True)
        journal = self.root / "journal.txt"
        rng = random.Random(15)
        start = datetime(2023, 1, 1, 9, 0)
        lines = []
        for n in range(ENTRIES):
            when = start + timedelta(hours=26 * n)
            words = " ".join(rng.choice(("client", "invoice", "call", "draft", "rate",
                                         "scope", "review", "notes")) for _ in range(300))
            lines.append(f"[{when:%Y-%m-%d %H:%M}] Entry {n} about a client.\n{words}\n")
        journal.write_text("\n".join(lines))
        (config_home / "jrnl" / "jrnl.yaml").write_text(
            CONFIG.format(journal=journal, version=VERSION))
        self.env = {**os.environ, "XDG_CONFIG_HOME": str(config_home), "NO_COLOR": "1"}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        done = subprocess.run(self.argv, env=self.env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=60)
        if f"Entry {ENTRIES - 1} " not in done.stdout:
            raise OSError(f"jrnl did not list the journal: {done.stdout[-200:]}"
                          f"{done.stderr[-200:]}")


if __name__ == "__main__":
    import tempfile

    made = Jrnl(Path(tempfile.mkdtemp(prefix="jrnl-")))
    print(made.problem or " ".join(made.argv))
    sys.exit(1 if made.problem else 0)
