"""The `parting` command's entry point: `tui.cli.main`, started with the collector paused.

Starting up makes mostly objects that live as long as the program: modules, classes, the
catalog, the store's digest. The garbage collector walked them again and again while
Textual and parting were imported, 17-26 ms of a 200-280 ms start here (counted with
`gc.callbacks`), and found almost nothing to free. It is paused here, before any import,
and `tui.cli` turns it back on once the app is built or a command starts its work, first
freezing what exists then (see `resume_collector`). Only the command is started this way:
importing `tui.cli` (tests, `python -m tui.cli`) leaves the collector alone.
"""

from __future__ import annotations

import gc

gc.disable()


def main() -> int:
    from tui.cli import main as run

    return run()
