"""The `parting` command. Commands that only print never import Textual, so they start fast."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from content import LANGUAGES, Catalog, load_catalog
from content.locale import system_language

# The words argparse itself prints ("usage:", "options", error lines) go through gettext;
# these are the ones `parting` can show, each with its catalog key.
ARGPARSE_TEXT: Mapping[str, str] = {
    "usage: ": "cli.argparse_usage",
    "options": "cli.argparse_options",
    "positional arguments": "cli.argparse_positional",
    "show this help message and exit": "cli.help",
    "%(prog)s: error: %(message)s\n": "cli.argparse_error",
    "argument %(argument_name)s: %(message)s": "cli.argparse_argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse_invalid_choice",
    "the following arguments are required: %s": "cli.argparse_required",
    "unrecognized arguments: %s": "cli.argparse_unrecognized",
    "expected one argument": "cli.argparse_expected_one",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse_ambiguous",
    "invalid %(type)s value: %(value)r": "cli.argparse_invalid_value",
}


def speak_argparse(catalog: Catalog) -> None:
    """Make argparse's own words come from `catalog` (argparse looks `_` up on each use)."""

    def translate(text: str) -> str:
        key = ARGPARSE_TEXT.get(text)
        return catalog.ui(key) if key and catalog.has_ui(key) else text

    argparse._ = translate  # type: ignore[attr-defined]


def build_parser(catalog: Catalog) -> argparse.ArgumentParser:
    ui = catalog.ui
    speak_argparse(catalog)
    parser = argparse.ArgumentParser(prog="parting", description=ui("cli.description"),
                                     add_help=False)
    parser.add_argument("-h", "--help", action="help", help=ui("cli.help"))
    parser.add_argument("--version", action="store_true", help=ui("cli.version"))
    parser.add_argument("--where", action="store_true", help=ui("cli.where"))
    parser.add_argument("--lang", choices=LANGUAGES, help=ui("cli.lang"))
    parser.add_argument("--data-dir", metavar=ui("cli.metavar_dir"), help=ui("cli.data_dir"))
    sub = parser.add_subparsers(dest="command", metavar=ui("cli.metavar_command"), title=ui("cli.commands"))
    for name in ("dropped", "drop"):
        flow = sub.add_parser(name, help=ui(f"cli.{name}"), add_help=False)
        flow.add_argument("-h", "--help", action="help", help=ui("cli.help"))
        flow.add_argument("--client", metavar=ui("cli.metavar_name"), default="", help=ui("cli.client"))
    sub.add_parser("history", help=ui("cli.history"))
    sub.add_parser("due", help=ui("cli.due"))
    export = sub.add_parser("export", help=ui("cli.export"))
    export.add_argument("ids", nargs="*", metavar=ui("cli.metavar_id"), help=ui("cli.export_ids"))
    export.add_argument("--all", action="store_true", help=ui("cli.export_all"))
    export.add_argument("--format", choices=("json", "md", "ics"), default="json",
                        help=ui("cli.export_format"))
    export.add_argument("--anonymise", "--anonymize", action="store_true",
                        help=ui("cli.export_anonymise"))
    export.add_argument("-o", "--output", metavar=ui("cli.metavar_file"), help=ui("cli.export_output"))
    serve = sub.add_parser("serve", help=ui("cli.serve"))
    serve.add_argument("--host", metavar=ui("cli.metavar_host"), default="127.0.0.1",
                       help=ui("cli.serve_host"))
    serve.add_argument("--port", metavar=ui("cli.metavar_port"), type=int, default=0,
                       help=ui("cli.serve_port"))
    serve.add_argument("--no-open", action="store_true", help=ui("cli.serve_no_open"))
    imp = sub.add_parser("import", help=ui("cli.import"))
    imp.add_argument("file", metavar=ui("cli.metavar_file"), help=ui("cli.import_file"))
    for name in ("lock", "unlock", "passphrase"):
        sub.add_parser(name, help=ui(f"lock.cmd_{name}"))
    for command in sub.choices.values():
        if command.prog.rsplit(" ", 1)[-1] in ("lock", "unlock", "passphrase", "export", "import"):
            command.add_argument("--passphrase-fd", type=int, metavar="N",
                                 help=ui("lock.passphrase_fd"))
    return parser


def _language(argv: list[str]) -> str:
    """The language before full parsing, so even `--help` speaks it."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
    return ""


def choose_language(asked: str, remembered: str | None,
                    environ: Mapping[str, str] | None = None) -> str:
    """`--lang` if given, else the remembered choice, else the system locale's language."""
    if asked in LANGUAGES:
        return asked
    if remembered in LANGUAGES:
        return remembered
    return system_language(environ)


APP_STARTS = (None, "dropped", "drop", "history")
"""The commands that open the app (no command opens home)."""


def resume_collector() -> None:
    """Freeze what exists (it lives as long as the program) and let the collector run again.

    `tui/start.py` pauses it for start-up; frozen, what start-up built is never walked again:
    with a thousand sessions that walking had been a fifth of the app's start-up.
    """
    gc.freeze()
    gc.enable()


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    asked = _language(args_list)
    from store import FolderLocked, StoreError, resolve_data_dir
    from store.settings import load_settings, save_settings

    early_dir = None
    for i, arg in enumerate(args_list):
        if arg == "--data-dir" and i + 1 < len(args_list):
            early_dir = args_list[i + 1]
        elif arg.startswith("--data-dir="):
            early_dir = arg.split("=", 1)[1]
    directory = resolve_data_dir(early_dir)
    settings = load_settings(directory)
    lang = choose_language(asked, settings.lang)
    # Remembered before anything else, so even `parting --lang pt --where` (or --help) sticks.
    if asked and settings.lang != asked:
        settings.lang = asked
        with contextlib.suppress(OSError, StoreError):
            save_settings(directory, settings)
    catalog = load_catalog(lang)
    args = build_parser(catalog).parse_args(args_list)
    if args.command not in APP_STARTS:
        resume_collector()  # a command: what it needs to start is loaded (see tui/start.py)

    if args.version:
        from tui import __version__

        print(f"parting {__version__}")
        return 0
    if args.where:
        print(directory)
        return 0

    fd = getattr(args, "passphrase_fd", None)
    try:
        if args.command in ("lock", "unlock", "passphrase"):
            from tui import lock_commands

            run = getattr(lock_commands, f"{args.command}_command")
            return run(directory, catalog, fd)
        if args.command in ("export", "import", "due"):
            try:
                return _printing_command(args, directory, catalog, fd)
            except FolderLocked:
                # `parting lock` finished while this command waited for the folder: ask
                # for the key as if the folder had been locked from the start.
                return _printing_command(args, directory, catalog, fd)
        if args.command == "serve":
            from tui.web.server import serve_command

            return serve_command(args.host, args.port, not args.no_open, directory, catalog)
    except StoreError as error:
        from tui.store_text import explain

        print(f"parting: {explain(catalog, error)}", file=sys.stderr)
        return 1
    except _command_failed() as error:
        from tui.cli_commands import OutputFailed

        print(f"parting: {error}", file=sys.stderr)
        if isinstance(error, OutputFailed):
            # What is still buffered for stdout would fail again at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except BrokenPipeError:
        # The reader went away (`parting due | head -1`): stop quietly, as other tools do.
        # What is still buffered goes nowhere instead of raising again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0

    return run_app(args, directory, lang)


def _printing_command(args: argparse.Namespace, directory: Path, catalog, fd: int | None) -> int:
    """`export`, `import` or `due`, first making a locked folder's key known."""
    if _locked(directory):
        from tui.lock_commands import open_locked

        if open_locked(directory, catalog, fd,
                       quiet_without_terminal=args.command == "due") is None:
            return 0
    if args.command == "export":
        from tui.cli_commands import export_command

        return export_command(args, directory, catalog)
    if args.command == "import":
        from tui.cli_commands import import_command

        return import_command(Path(args.file), directory, catalog)
    from tui.cli_commands import due_command

    return due_command(directory, catalog)


def _command_failed() -> type[Exception]:
    """`CommandFailed`, imported only when an exception gets that far (`except` evaluates
    its class then), so `--version` and `--where` do not load the commands' module."""
    from tui.cli_commands import CommandFailed

    return CommandFailed


def _locked(directory: Path) -> bool:
    """Whether the folder has a key file; a folder parting may not look into says so."""
    from store import StoreError, sealing
    from store.errors import os_detail

    try:
        return sealing.is_locked(directory)
    except OSError as error:
        raise StoreError(f"parting cannot use its data folder {directory}.",
                         code="no_data_folder",
                         params={"folder": str(directory), "detail": os_detail(error)}) from None


INSTANCE_WAIT = 3.0  # seconds to let a window that is just closing let go of the data folder


def open_for_app(directory: Path, wait: float = INSTANCE_WAIT, clock=None):
    """Open the store for the app, waiting briefly for another window that is closing.

    A window closed a moment ago may still be saving; starting again right away should
    not land in read-only mode because of it. A window that stays open still wins.
    """
    import time

    from store import SessionStore

    deadline = time.monotonic() + wait
    while True:
        store = SessionStore.open(directory, app_instance=True, clock=clock)
        held_elsewhere = any(n.code == "read_only_instance" for n in store.notices)
        if not held_elsewhere or time.monotonic() >= deadline:
            return store
        store.close()
        time.sleep(0.2)


def open_unless_locked(directory: Path):
    """`open_for_app`; None for a locked folder whose key this computer does not remember.

    The app then asks for the passphrase on its first screen (in a terminal and in a
    browser tab alike) and opens the sessions itself.
    """
    from store import FolderLocked, keychain

    try:
        return open_for_app(directory)
    except FolderLocked:
        pass
    if not keychain.recall(directory):
        return None
    return open_for_app(directory)


def run_app(args: argparse.Namespace, directory: Path, lang: str) -> int:
    from store import StoreError
    from tui.app import PartingApp

    try:
        store = open_unless_locked(directory)
    except StoreError as error:
        from tui.store_text import explain

        print(f"parting: {explain(load_catalog(lang), error)}", file=sys.stderr)
        return 1
    start = args.command or "home"
    app = PartingApp(store=store, data_dir=directory, locked=store is None, lang=lang,
                     start=start, client=getattr(args, "client", "") or "")
    resume_collector()  # everything made so far lives as long as the app
    try:
        app.run()
    finally:
        if store is not None:
            store.close()
    # Textual sets 1 when an error ended the app (after showing its traceback): a script
    # that ran parting must not take that for success.
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
