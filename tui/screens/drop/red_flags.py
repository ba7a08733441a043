"""`RedFlagChecklist`: every red flag, ticked or not, with how often and one example."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, Static

from content.dates import format_date
from content.flows.drop_drafts import parse_day
from content.verdict import DEALBREAKERS, FLAGS, FREQUENCY_FACTOR
from tui.widgets.step import StepWidget

FREQUENCIES = tuple(FREQUENCY_FACTOR)


class FlagRow(Vertical):
    """One red flag: a checkbox with its explanation; details appear once it is ticked."""

    def __init__(self, name: str, entry: dict[str, Any], step: RedFlagChecklist) -> None:
        super().__init__(classes="flag-row", id=f"flag-{name}")
        self.name_key = name
        self.entry = entry
        self.checklist = step

    def compose(self) -> ComposeResult:
        catalog = self.checklist.catalog
        item = catalog.item(f"drop_flags.{self.name_key}")
        dealbreaker = self.name_key in DEALBREAKERS
        yield Checkbox(item.get("title"), value=bool(self.entry.get("seen")), compact=True,
                       id=f"seen-{self.name_key}")
        yield Static(item.get("explain"), classes="flag-explain")
        if dealbreaker:
            yield Static(catalog.ui("drop.dealbreaker"), classes="flag-dealbreaker")
        # Details are built only for ticked flags: building all seventeen up front made the
        # step take a second to appear.
        details = Vertical(*(self.detail_widgets() if self.entry.get("seen") else ()),
                           classes="flag-details", id=f"details-{self.name_key}")
        details.display = bool(self.entry.get("seen"))
        yield details

    def detail_widgets(self) -> list[Widget]:
        """How often, the likely cause where it matters, and one dated example."""
        catalog = self.checklist.catalog
        item = catalog.item(f"drop_flags.{self.name_key}")
        widgets: list[Widget] = []
        tip = item.get("evidence_tip")
        if tip:
            widgets.append(Static(tip, classes="flag-tip"))
        widgets.append(Label(catalog.ui("drop_flags.often_label"), classes="field-label"))
        widgets.append(RadioSet(*(RadioButton(_as_option(catalog.ui(f"drop.frequency_{key}")),
                                              name=key, value=self.entry.get("often") == key)
                                  for key in FREQUENCIES),
                                id=f"often-{self.name_key}", classes="inline-choice",
                                compact=True))
        if "cause_options" in item:
            widgets.append(Label(item.get("cause_label"), classes="field-label"))
            widgets.append(RadioSet(*(RadioButton(text, name=key,
                                                  value=self.entry.get("cause") == key)
                                      for key, text in item.get("cause_options").items()),
                                    id=f"cause-{self.name_key}", compact=True))
            widgets.append(Static(item.get("cause_tip"), classes="field-hint"))
        widgets.append(Label(catalog.ui("drop_flags.when_label"), classes="field-label"))
        widgets.append(Input(self.entry.get("when", ""), id=f"when-{self.name_key}",
                             placeholder=catalog.ui("drop_flags.when_hint"), select_on_focus=False))
        widgets.append(Static(self.checklist.echo(self.entry.get("when", "")),
                              id=f"echo-{self.name_key}", classes="date-echo"))
        widgets.append(Label(catalog.ui("drop_flags.what_label"), classes="field-label"))
        widgets.append(Input(self.entry.get("what", ""), id=f"what-{self.name_key}",
                             placeholder=catalog.ui("drop_flags.what_hint"), select_on_focus=False))
        return widgets

    def show_details(self, seen: bool) -> None:
        """Show or hide the details, building them the first time the flag is ticked."""
        details = self.query_one(f"#details-{self.name_key}", Vertical)
        if seen and not details.children:
            details.mount_all(self.detail_widgets())
        details.display = seen


class RedFlagChecklist(StepWidget):
    """The red-flag step. Its answer maps each flag to `{seen, often, cause, when, what}`,
    plus `_markdown`: the flags seen, for the summary."""

    FOCUS_EMPTY = False  # the ticks are the answers: open on the first flag

    def compose_body(self) -> ComposeResult:
        for name in FLAGS:
            entry = self.data.get(name)
            yield FlagRow(name, dict(entry) if isinstance(entry, dict) else {}, self)

    def echo(self, text: str) -> str:
        """How a typed date was read, as a date-field echo shows it."""
        if not text.strip():
            return ""
        day = parse_day(text, self.catalog.lang, self.today, prefer="past")
        if day is None:
            return self.catalog.ui("app.date_unknown")
        return "→ " + format_date(day, self.catalog.lang)

    def _update(self, name: str, **changes: Any) -> None:
        entry = dict(self.data.get(name) or {})
        entry.update(changes)
        self.data[name] = entry
        self.data["_markdown"] = self.markdown()
        self.set_answer(name, entry)

    @staticmethod
    def _split(widget_id: str | None) -> tuple[str, str]:
        kind, _, name = (widget_id or "").partition("-")
        return kind, name

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        kind, name = self._split(event.checkbox.id)
        if kind != "seen":
            return
        event.stop()
        row = self.query_one(f"#flag-{name}", FlagRow)
        changes: dict[str, Any] = {"seen": event.value}
        if event.value and not (self.data.get(name) or {}).get("often"):
            changes["often"] = "sometimes"
        row.entry.update(changes)
        built = bool(self.query_one(f"#details-{name}", Vertical).children)
        row.show_details(event.value)
        if built and "often" in changes:
            self._press(f"#often-{name}", "sometimes")
        self._update(name, **changes)

    def _press(self, selector: str, key: str) -> None:
        for button in self.query_one(selector, RadioSet).query(RadioButton):
            if button.name == key:
                button.value = True

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        kind, name = self._split(event.radio_set.id)
        if kind not in ("often", "cause"):
            return
        event.stop()
        self._update(name, **{kind: event.pressed.name})

    def on_input_changed(self, event: Input.Changed) -> None:
        kind, name = self._split(event.input.id)
        if kind not in ("when", "what"):
            return
        event.stop()
        if kind == "when":
            self.query_one(f"#echo-{name}", Static).update(self.echo(event.value))
        self._update(name, **{kind: event.value})

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    def value(self) -> dict[str, Any]:
        answer = dict(self.data)
        answer["_markdown"] = self.markdown()
        return answer

    def markdown(self) -> str:
        """The ticked flags as a Markdown list: how often, the example, the cause."""
        ui = self.catalog.ui
        lines = []
        for name in FLAGS:
            entry = self.data.get(name)
            if not isinstance(entry, dict) or not entry.get("seen"):
                continue
            item = self.catalog.item(f"drop_flags.{name}")
            often = ui(f"drop.frequency_{entry.get('often') or 'sometimes'}")
            line = f"- **{item.get('title')}** ({often})"
            if name in DEALBREAKERS:
                line += f" · {ui('drop.dealbreaker')}"
            day = parse_day(entry.get("when", ""), self.catalog.lang, self.today, prefer="past")
            when = format_date(day, self.catalog.lang) if day else str(entry.get("when", "")).strip()
            what = str(entry.get("what", "")).strip()
            if when or what:
                line += "\n  " + ": ".join(p for p in (when, what) if p)
            cause = entry.get("cause")
            if cause and "cause_options" in item:
                line += f"\n  {item.get('cause_label')} {item.get('cause_options').get(cause, cause)}"
            lines.append(line)
        return "\n".join(lines)


def _as_option(words: str) -> str:
    """A frequency as a choice starts with a capital like every other option ("Once"); the
    catalog writes it in lower case because the letters and summaries use it mid-sentence
    ("Pays late (once)")."""
    return words[:1].upper() + words[1:]
