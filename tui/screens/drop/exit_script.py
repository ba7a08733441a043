"""`ExitScriptStep`: the exit message, with its dates, a live language check, and ways out
of the app: copy, export as Markdown, or edit in `$EDITOR`."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TextArea

from content.dates import format_date
from content.flows import Field
from content.flows.drop_drafts import DEFAULT_NOTICE_DAYS, exit_dates
from tui.exports import export_path, file_stem, offer_download, write_private
from tui.i18n import translate_bindings
from tui.screens.drop.form import DropFormStep
from tui.screens.drop.message_check import MessageCheck
from tui.widgets.draft import DraftEditor

# Drafts whose text feeds the others: editing them refreshes the message and talking points.
_SOURCES = ("reason",)


class ExitScriptStep(DropFormStep):
    """The exit step. The message is a draft filled from the answers; the check under it
    updates with every keystroke."""

    BINDINGS = [
        Binding("ctrl+o", "copy_message", "drop.copy_key", id="drop.exit.copy"),
        Binding("f2", "edit_external", "drop.editor_key", id="drop.exit.editor"),
        Binding("f3", "export_message", "drop.export_key", id="drop.exit.export"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.data.setdefault("format", "letter")
        self.data.setdefault("notice_days", str(DEFAULT_NOTICE_DAYS))
        self.data.setdefault("handover_days", "0")
        self.data.setdefault("window", str(self.item.get("window_default")))
        self._sources: dict[str, str] = {}

    def compose_after(self, field: Field) -> ComposeResult:
        if field.id == "handover_days":
            yield Static(self.item.get("timeline_title"), classes="field-label")
            yield Static(self.timeline_text(), id="exit-timeline", classes="field timeline",
                         markup=False)
        elif field.id == "message":
            yield MessageCheck(self.catalog, id="exit-check")

    def on_mount(self) -> None:
        super().on_mount()
        for name in _SOURCES:
            self._sources[name] = self.query_one(f"#f-{name}", DraftEditor).text
        translate_bindings(self, self.catalog)
        self.screen.refresh_bindings()
        self.query_one(MessageCheck).check(self.message_text)

    # -- the parts ------------------------------------------------------------------------
    @property
    def message_text(self) -> str:
        return self.query_one("#f-message", DraftEditor).text

    def timeline_text(self) -> str:
        """The computed dates: last working day, handover, final invoice."""
        dates = exit_dates(self._merged(), self.catalog.lang, self.today)
        if dates is None:
            return str(self.item.get("timeline_unknown"))
        lang = self.catalog.lang

        def line(key: str, day) -> str:  # noqa: ANN001 - a date
            return "• " + self.catalog.text("drop.exit", key, date=format_date(day, lang))

        lines = [line("timeline_last_day", dates.last_working_day)]
        if dates.handover_until != dates.last_working_day:
            lines.append(line("timeline_handover", dates.handover_until))
        lines.append(line("timeline_invoice", dates.final_invoice))
        return "\n".join(lines)

    def _refresh_dependents(self) -> None:
        super()._refresh_dependents()
        for timeline in self.query("#exit-timeline").results(Static):
            timeline.update(self.timeline_text())

    # -- events ---------------------------------------------------------------------------
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # The handover list is a text field: the message quotes it, so refresh after it.
        field = self._field_of(event.text_area)
        if field is not None and field.kind == "text":
            self.call_after_refresh(self._refresh_dependents)

    def on_draft_editor_changed(self, event: DraftEditor.Changed) -> None:
        field = self._field_of(event.editor)
        if field is None:
            return
        if field.id == "message":
            self.query_one(MessageCheck).check(event.text)
        elif field.id in _SOURCES and self._sources.get(field.id) != event.text:
            # Only a real change: a reloaded suggestion fires this too, and refreshing on
            # that would reload it again, forever.
            self._sources[field.id] = event.text
            self.call_after_refresh(self._refresh_dependents)

    # -- actions --------------------------------------------------------------------------
    def _target(self) -> DraftEditor:
        """The draft the user is in, else the message."""
        focused = self.screen.focused
        for editor in self.query(DraftEditor):
            if focused is not None and focused in editor.walk_children():
                return editor
        return self.query_one("#f-message", DraftEditor)

    def action_copy_message(self) -> None:
        self._target().copy()
        self.app.notify(self.catalog.ui("app.copied"))

    def action_export_message(self) -> None:
        """Write the message (and the talking points) to a Markdown file in this folder."""
        session = getattr(self.screen, "session", None)
        client = self.client or self.catalog.ui("app.the_client")
        parts = [self.catalog.ui("drop.message_heading", client=client), ""]
        if self._visible("talking_points"):
            points = self.query_one("#f-talking_points", DraftEditor).text.strip()
            parts += [f"## {self.item.get('talking_points_label')}", "", points, ""]
            parts += [f"## {self.item.get('message_label')}", ""]
        parts.append(self.message_text.strip())
        stem = file_stem(session, self.catalog) if session is not None else "parting-drop"
        data = ("\n".join(parts) + "\n").encode("utf-8")
        if self.app.is_web:
            offer_download(self.app, data, f"{stem}-exit-message.md")
            return
        # Again from this session: its own file; never over another session's message.
        path = export_path(Path.cwd(), f"{stem}-exit-message", self.data.get("exported_to"))
        try:
            write_private(path, data)
        except OSError as error:
            self.app.notify(self.catalog.ui("drop.export_failed", error=error.strerror or error),
                            severity="error", timeout=10)
            return
        self.set_answer("exported_to", str(path))
        self.app.notify(self.catalog.ui("drop.exported", path=path), timeout=10)

    def action_edit_external(self) -> None:
        """Open the draft in the user's editor, then take the saved text back."""
        if self.app.is_web:
            # The editor would open on the server's screen, not in this browser tab.
            self.app.notify(self.catalog.ui("drop.editor_web", key="ctrl+o"),
                            severity="warning", timeout=10)
            return
        command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not command:
            self.app.notify(self.catalog.ui("drop.editor_missing"), severity="warning",
                            timeout=10)
            return
        editor = self._target()
        handle, name = tempfile.mkstemp(prefix="parting-", suffix=".md")
        path = Path(name)
        try:
            os.fchmod(handle, 0o600)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(editor.text)
            try:
                with self.app.suspend():
                    subprocess.run([*shlex.split(command), str(path)], check=False)
            except Exception as error:  # noqa: BLE001 - no terminal to hand over, or no editor
                self.app.notify(self.catalog.ui("drop.editor_failed", error=error),
                                severity="error", timeout=10)
                return
            text = path.read_text(encoding="utf-8")
        finally:
            path.unlink(missing_ok=True)
        if text != editor.text:
            editor.query_one(TextArea).load_text(text)
        self.app.notify(self.catalog.ui("drop.editor_back"))
