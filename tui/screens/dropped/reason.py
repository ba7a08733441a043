"""The reason step: the three kinds with examples, a suggestion from the client's words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.widgets import Button, RadioButton, RadioSet, Static

from content.flows.base import answer
from content.letters import spoken_list
from content.reason import Suggestion, suggest_reason
from tui.widgets.step import FormStep


class ReasonStep(FormStep):
    """Pick the kind of reason; the choice decides the next step, which is shown below it.

    What the client said (on the first step) and their answer to "why" are read for words
    that point to a kind; the suggestion names those words so the user can judge it.
    """

    FOCUS_EMPTY = False  # open on the suggestion, which comes before the choice

    def compose_body(self) -> ComposeResult:
        suggestion = self.suggestion()
        with Horizontal(id="reason-suggestion"):
            yield Static(self._suggestion_text(suggestion), id="reason-why")
            if suggestion is not None:
                yield Button(self.catalog.ui("dropped.use_suggestion"), id="reason-use",
                             compact=True)
        kinds = self.item.get("kind_options", {})
        with Vertical(id="reason-kinds"):
            for child in self.catalog.children("dropped.reason.kinds"):
                kind = child.key.rsplit(".", 1)[-1]
                yield Static(f"[b]{escape(str(kinds.get(kind, kind)))}[/b]: "
                             f"{escape(str(child.get('examples')))}", classes="reason-kind")
        yield from super().compose_body()
        yield Static(self._follows_text(), id="reason-follows")

    def suggestion(self) -> Suggestion | None:
        """The kind the client's own words point to, if they point clearly to one."""
        said = str(answer(self.answers, "what_happened", "said", ""))
        reply = str(answer(self.answers, "ask_why", "their_answer", ""))
        return suggest_reason(said, reply)

    def _suggestion_text(self, suggestion: Suggestion | None) -> str:
        if suggestion is None:
            return escape(str(self.item.get("suggestion_none")))
        kind = self.item.get("kind_options", {}).get(suggestion.kind, suggestion.kind)
        words = spoken_list([self.catalog.ui("dropped.quoted", word=w) for w in suggestion.words],
                            self.catalog)
        return escape(self.catalog.text("dropped.reason", "suggestion", kind=kind, words=words))

    def _follows_text(self) -> str:
        kind = self.data.get("kind")
        if not kind:
            return ""
        follows = self.catalog.item(f"dropped.reason.kinds.{kind}").get("follows")
        return f"[b]{escape(str(self.item.get('follows_label')))}[/b]: {escape(str(follows))}"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "reason-use":
            return
        event.stop()
        suggestion = self.suggestion()
        if suggestion is None:
            return
        for button in self.query_one("#f-kind", RadioSet).query(RadioButton):
            if button.name == suggestion.kind:
                button.value = True
                button.focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        super().on_radio_set_changed(event)
        self.query_one("#reason-follows", Static).update(self._follows_text())

    def problem(self) -> str | None:
        if self.data.get("kind") not in ("slight", "systemic", "external"):
            return self.catalog.ui("dropped.pick_reason")
        return None
