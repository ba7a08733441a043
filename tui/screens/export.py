"""`ExportModal`: write sessions (Markdown or JSON) or reminders (iCalendar) to a file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from tui.exports import (
    SUFFIX,
    NotAFile,
    anonymised,
    default_path,
    file_stem,
    has_file,
    offer_download,
    render,
    write_private,
)
from tui.i18n import translate_bindings
from tui.screens import styles


class ExportModal(ModalScreen[Path | None]):
    """Pick a format (when there is a choice) and a file; dismissed with the path written."""

    CSS_PATH = styles("modals")

    BINDINGS = [Binding("escape", "cancel", "history.export_cancel", id="export.cancel")]

    def __init__(self, sessions: Sequence[Any], formats: Sequence[str] = ("md", "json"),
                 folder: Path | None = None) -> None:
        super().__init__()
        self.sessions = list(sessions)
        self.formats = tuple(formats)
        self.fmt = self.formats[0]
        self.folder = folder
        self._confirmed_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        ui = self.app.catalog.ui
        with Vertical(id="export-box"):
            yield Static(ui("history.export_title"), classes="modal-title")
            if self.fmt == "ics":
                count = sum(1 for s in self.sessions for r in s.reminders if not r.get("done"))
                yield Static(ui("history.export_reminders_lead", n=count), classes="modal-lead")
            else:
                yield Static(ui("history.export_lead", n=len(self.sessions)),
                             classes="modal-lead")
            if len(self.formats) > 1:
                with RadioSet(id="export-format"):
                    for fmt in self.formats:
                        yield RadioButton(ui(f"history.export_{fmt}"), value=fmt == self.fmt,
                                          id=f"export-{fmt}")
            if self.fmt != "ics":
                yield Checkbox(ui("history.export_anonymise"), id="export-anonymise")
            yield Static(ui("history.export_path"), classes="field-label")
            yield Input(str(self._suggested(self.fmt)), id="export-path")
            yield Static(id="export-problem")
            with Horizontal(classes="modal-buttons"):
                yield Button(ui("history.export_cancel"), id="export-cancel")
                yield Button(ui("history.export_write"), id="export-write", variant="primary")

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        self.query_one("#export-path", Input).focus()

    def _suggested(self, fmt: str) -> Path:
        catalog = self.app.catalog
        if fmt == "ics":
            stem = f"parting-{catalog.ui('reminders.title').lower()}"
        elif len(self.sessions) == 1:
            stem = file_stem(self.sessions[0], catalog)
        else:
            stem = f"parting-{self.app.today().isoformat()}"
        path = default_path(stem, fmt, self.folder)
        # In a browser tab the file is a download: only its name matters.
        return Path(path.name) if self.app.is_web else path

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        chosen = str(event.pressed.id or "").removeprefix("export-")
        if chosen not in SUFFIX:
            return
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value)
        if path.suffix == SUFFIX[self.fmt]:
            path_input.value = str(path.with_suffix(SUFFIX[chosen]))
        self.fmt = chosen

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-write")
    def action_write(self) -> None:
        ui = self.app.catalog.ui
        problem = self.query_one("#export-problem", Static)
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            problem.update(ui("history.export_no_path"))
            return
        path = Path(text).expanduser()
        if self.app.is_web:
            self._download(Path(path.name))
            return
        if path.exists() and self._confirmed_overwrite != path:
            self._confirmed_overwrite = path
            problem.update(ui("history.export_exists", path=path))
            return
        earlier = has_file(path)
        try:
            write_private(path, render(self._selected(), self.fmt, self.app.catalog))
        except NotAFile:
            problem.update(ui("history.export_not_a_file", path=path))
            return
        except OSError as error:
            # A failed write never touches the file that was there: say so.
            key = "history.export_failed_kept" if earlier else "history.export_failed"
            problem.update(ui(key, path=path, error=error.strerror or error))
            return
        self.app.notify(ui("history.export_written", path=path))
        self.dismiss(path)

    def _selected(self) -> list[Any]:
        if self.fmt != "ics" and self.query_one("#export-anonymise", Checkbox).value:
            return anonymised(self.sessions, self.app.catalog)
        return self.sessions

    def _download(self, name: Path) -> None:
        """In a browser tab: the file goes to the browser's downloads instead of a folder."""
        if name.suffix != SUFFIX[self.fmt]:
            name = Path(f"{name}{SUFFIX[self.fmt]}")
        offer_download(self.app, render(self._selected(), self.fmt, self.app.catalog), str(name))
        self.dismiss(name)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
