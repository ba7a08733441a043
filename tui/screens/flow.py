"""`FlowScreen`: walks one session through its flow, one step at a time, saving as it goes."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Button, Input, Static, TextArea

from content.flows import Flow, Step
from content.reminders import merge_reminders
from store import Session
from tui.footer import Footer
from tui.header import fit_header
from tui.i18n import translate_bindings
from tui.screens import styles
from tui.screens.base import PartingScreen
from tui.widgets.draft import DraftEditor
from tui.widgets.step import FormStep, StepWidget, shown_within

# A change is saved as soon as the keys already read are handled (a save costs about 1 ms):
# one save for a burst of keys, not one per key that the last key would wait behind.
# So a SIGKILL or a power cut can only take what was typed in that last moment.
SAVE_DELAY = 0.0  # seconds after the last keystroke, beyond handling the keys read
MAX_DEFERRALS = 50  # a save lets queued messages go first at most this many times
RETRY_DELAY = 1.0  # seconds between tries while saving fails (disk full): one message a try
MOVE_WAIT = 0.1  # seconds kept keys wait after one (Tab, Enter) that did not move the focus


class FlowScreen(PartingScreen):
    """The screen that hosts a flow's steps.

    Answers live in the session in memory and reach the store half a second after the user
    stops typing, on every step change, and when the app closes for any reason.
    """

    CSS_PATH = styles("flow")

    BINDINGS = [
        Binding("ctrl+n", "next", "flow.continue", id="flow.continue", priority=True),
        Binding("escape", "back", "flow.back", id="flow.back"),
        Binding("ctrl+s", "save", "flow.save", id="flow.save", priority=True),
        Binding("ctrl+o", "copy_draft", "flow.copy", id="flow.copy"),
        Binding("ctrl+g", "home", "flow.home", id="flow.home"),
        # Priority, so the focus moves before the keys typed after a Tab are handed to a
        # field: Textual hands each key to the field focused when it arrives, and in
        # "Acme<Tab>Jane" sent in one burst (a fast typist, a password manager) "Jane"
        # reached the first field before a plain Tab binding had moved on.
        Binding("tab", "move_focus('tab')", show=False, priority=True),
        Binding("shift+tab", "move_focus('shift+tab')", show=False, priority=True),
    ]

    def __init__(self, flow: Flow, session: Session,
                 widgets: Mapping[str, type[StepWidget]] | None = None) -> None:
        super().__init__(classes=f"flow flow-{flow.name}")
        self.flow = flow
        self.session = session
        self.widgets: Mapping[str, type[StepWidget]] = widgets or {}
        self._save_timer: Timer | None = None
        self._save_queued = False  # a save is already on its way
        self._save_deferrals = 0  # times it let queued keys go first (see _queued_save)
        self._save_failing = False  # the last save failed: try again after RETRY_DELAY
        self._dirty = False
        # Keys typed while a step is being built, before anything on it has the focus, and
        # those of them handed on again once it has.
        self._early_keys: list[events.Key] | None = None
        self._replayed: list[events.Key] = []
        self._copy_key_shown = False

    def on_mount(self) -> None:
        translate_bindings(self, self.app.catalog)
        self.refresh_bindings()
        start = self.session.step
        try:
            step = self.flow.step(start) if start else self.flow.first()
        except KeyError:
            step = self.flow.first()
        self.show_step(step)

    def compose(self) -> ComposeResult:
        catalog = self.app.catalog
        yield Static(id="flow-header")
        yield VerticalScroll(id="step-body")
        with Horizontal(id="step-nav"):
            yield Button(catalog.ui("flow.back_button"), id="nav-back", compact=True)
            yield Static(id="nav-status")
            yield Button(catalog.ui("flow.continue_button"), id="nav-next", variant="primary",
                         compact=True)
        yield Footer(show_command_palette=False)

    # -- steps -----------------------------------------------------------------------------
    @property
    def current(self) -> StepWidget | None:
        found = self.query("#step-body > .step")
        return found.first(StepWidget) if found else None

    def show_step(self, step: Step) -> None:
        """Replace the step on screen with `step`, restoring its answers."""
        body = self.query_one("#step-body", VerticalScroll)
        # Keys typed from here until the new step has the focus are kept for it: the old
        # step's field must not take them while it is being removed.
        if self._early_keys is None:
            self._early_keys = []
        self.set_focus(None)
        body.remove_children()
        cls = self.widgets.get(step.widget or "", FormStep)
        widget = cls(self.flow, step, self.session.answers, self.app.catalog,
                     client=self.session.client, today=self.app.today())
        body.mount(widget)
        body.scroll_home(animate=False, immediate=True)
        self.call_after_refresh(self._refresh_step_bindings)
        self.session.step = step.id
        self._update_header(step)
        self.call_after_refresh(self._focus_step, widget)

    def _focus_step(self, widget: StepWidget, tries: int = 5) -> None:
        # A quick Back or Continue can replace the step before this runs, and a step's own
        # parts may not be mounted (or not focusable yet) after one refresh: then try again
        # a little later.
        if not widget.is_attached:
            return
        with contextlib.suppress(NoMatches):
            widget.focus_first()
        self.call_after_refresh(self._check_step_focus, widget, tries)

    def _refresh_step_bindings(self) -> None:
        self._copy_key_shown = bool(self._shown_drafts())
        self.refresh_bindings()

    def _check_step_focus(self, widget: StepWidget, tries: int) -> None:
        focused = self.focused
        if not widget.is_attached:
            return  # replaced meanwhile
        if focused is not None and widget in focused.ancestors:
            # Focused (the kept keys went on with the focus, if any). Once laid out, show
            # the step from its top, scrolled only as far as the focused control needs.
            if widget.REVEAL_FOCUS:
                self.call_after_refresh(self._scroll_to_focused)
            return
        if tries:
            # A refresh can come at once when nothing else is drawing: wait a moment
            # instead, so the step's fields have mounted before the next try.
            self.set_timer(0.02, lambda: self._focus_step(widget, tries - 1))
        else:
            self._release_early_keys()  # nothing here takes the focus: let the keys go

    def _scroll_to_focused(self, tries: int = 8, seen: object = None) -> None:
        # Focusing never scrolls by itself here (it would while the step is still being
        # laid out: the title and introduction scrolled away, or the field left below).
        # A busy machine can lay a step out over several frames, so this looks again until
        # the layout has held still for a moment.
        focused = self.focused
        if focused is None or not self.is_attached:
            return
        body = self.query_one("#step-body", VerticalScroll)
        top = focused.region.y - body.content_region.y + body.scroll_y
        below = top + focused.region.height - body.content_size.height
        body.scroll_to(y=max(0, below), animate=False, immediate=True)
        layout = (focused, top, focused.region.height, body.virtual_size)
        if tries and layout != seen:
            self.set_timer(0.05, lambda: self._scroll_to_focused(tries - 1, layout))

    def on_key(self, event: events.Key) -> None:
        # Right after `d`, `s` or Continue the step is still being built and nothing in it
        # has the focus: a fast typist's keys (letters, Tab, Backspace...) are kept, in
        # order, for the step instead of being dropped on the scrolling frame around it.
        # Priority keys (Continue, Save, Quit) never get here: they act at once.
        if self._early_keys is not None and not any(event is r for r in self._replayed):
            event.stop()
            event.prevent_default()
            self._early_keys.append(event)

    def action_move_focus(self, key: str) -> None:
        """Tab and Shift+Tab: the next or previous field."""
        self.focus_next() if key == "tab" else self.focus_previous()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id != "step-body":  # not the frame, but the step's own field
            self._release_early_keys()  # the first keys, or those after a Tab

    def _release_early_keys(self) -> None:
        """Hand the kept keys on, in order, as if typed now.

        Letters go straight to the focused field and Tab / Shift+Tab move the focus here,
        so "Acme, Tab, Jane" fills two fields. Any other key goes through the app (the
        focused control or a binding gets it); it may move the focus only after the keys
        already on their way were delivered, so the rest wait until the focus has moved,
        or a moment if it does not.
        """
        early = self._early_keys or []
        while early:
            kept = early.pop(0)
            if kept.key in ("tab", "shift+tab"):
                self.focus_next() if kept.key == "tab" else self.focus_previous()
                continue
            replay = events.Key(kept.key, kept.character)
            # Sent by the app, as typed keys are: made here, it would stop bubbling at this
            # screen and never reach the app's bindings.
            replay.set_sender(self.app)
            if kept.is_printable and isinstance(self.focused, (Input, TextArea)):
                self.focused.post_message(replay)  # a field takes every letter
                continue
            self._replayed.append(replay)
            self.app.post_message(replay)
            if not kept.is_printable and early:
                self.set_timer(MOVE_WAIT, self._release_early_keys)
                return
        self._early_keys = None
        self._replayed = []

    def _update_header(self, step: Step) -> None:
        catalog = self.app.catalog
        number, total = self.flow.position(step.id, self.session.answers)
        title = catalog.item(f"{self.flow.name}.{step.id}").get("title")
        flow_title = catalog.ui(f"home.{self.flow.name}_title")
        # A step the answers no longer lead to (a session resumed where it was left, its
        # answers since changed) has no place in the count: "Step 0 of 11" would be wrong.
        position = catalog.ui("flow.position", n=number, total=total, title=title) if number \
            else str(title)
        header = self.query_one("#flow-header", Static)
        # On a narrow terminal the step matters more than the flow's name.
        if self.size.width and self.size.width < 80:
            header.update(Text(str(position), style="bold"))
        else:
            width = self.size.width - header.styles.gutter.width if self.size.width else None
            header.update(fit_header(str(flow_title), self.session.client, str(position), width))
        last = self.flow.next_step(step.id, self.session.answers) is None
        self.query_one("#nav-next", Button).label = catalog.ui(
            "flow.finish_button" if last else "flow.continue_button")

    def on_resize(self) -> None:
        widget = self.current
        if widget is not None:
            self._update_header(widget.step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "Copy draft" shows in the footer only on steps that have a draft.
        if action == "copy_draft":
            return bool(self._shown_drafts())
        if action == "move_focus":
            # While a step is being built, a Tab goes the way letters go (`on_key` keeps
            # it in its place among them), not ahead of those still on their way.
            return self._early_keys is None
        return True

    def _shown_drafts(self) -> list[DraftEditor]:
        """The drafts on screen: not those of a field hidden until it applies."""
        return [draft for draft in self.query(DraftEditor) if shown_within(draft, self)]

    def _update_copy_key(self) -> None:
        # An answer can show or hide a draft ("Is the client waiting?"); the footer follows.
        shown = bool(self._shown_drafts())
        if shown != self._copy_key_shown:
            self._copy_key_shown = shown
            self.refresh_bindings()

    # -- answers and saving ---------------------------------------------------------------
    @on(StepWidget.Changed)
    def _answer_changed(self, event: StepWidget.Changed) -> None:
        self.session.answers[event.step_id] = event.value
        if event.step_id == self.flow.first().id and "client" in event.value:
            self.session.client = str(event.value.get("client") or "").strip()
        if self.flow.outcome is not None:
            self.session.outcome = self.flow.outcome(self.session.answers)
        self._sync_reminders()
        self.call_after_refresh(self._update_copy_key)
        self._dirty = True
        if not self._save_failing:  # "Not saved" stays until a save goes through
            self.query_one("#nav-status", Static).update(self.app.catalog.ui("flow.unsaved"))
        self._save_soon()

    def _save_soon(self) -> None:
        """Save once the keys already read are handled; one save for a burst of keys."""
        if self._save_queued:
            return
        self._save_queued = True
        if self._save_failing:
            self._save_timer = self.set_timer(RETRY_DELAY, self._queued_save)
        else:
            self.call_later(self._queued_save)

    def _queued_save(self) -> None:
        # Keys the app has read but not yet handed on, or changes on their way to this
        # screen: let them arrive first, so a burst of keys (a paste, a fast typist on a
        # busy machine) costs one save, not a queue of them that the last key waits behind.
        focused = self.focused
        waiting = (self.app.message_queue_size + self.message_queue_size
                   + (focused.message_queue_size if focused is not None else 0))
        if waiting and self._save_deferrals < MAX_DEFERRALS:
            self._save_deferrals += 1
            self.call_later(self._queued_save)
            return
        self._save_deferrals = 0
        self._save_queued = False
        if self._dirty and self.is_attached:
            self.flush()

    def flush(self) -> bool:
        """Save now if anything changed; True when everything typed is on disk."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
            self._save_queued = False
        if not self._dirty:
            return True
        ok = self.app.persist(self.session)
        self._save_failing = not ok
        if ok:
            self._dirty = False
        status = "flow.saved" if ok else "flow.not_saved"
        self.query_one("#nav-status", Static).update(self.app.catalog.ui(status))
        return ok

    def _record_current(self) -> None:
        widget = self.current
        if widget is not None:
            self.session.answers[widget.step.id] = widget.value()
            self._sync_reminders()

    def _sync_reminders(self) -> None:
        """Keep the session's reminders in step with what the answers now ask for."""
        if self.flow.reminders is None:
            return
        wanted = self.flow.reminders(self.session.answers, self.app.catalog, self.app.today())
        self.session.reminders = merge_reminders(self.session.reminders, wanted,
                                                 f"{self.flow.name}.")

    # -- actions ----------------------------------------------------------------------------
    def action_next(self) -> None:
        widget = self.current
        if widget is None:
            return
        problem = widget.problem()
        if problem:
            self.notify(problem, severity="warning")
            return
        self._record_current()
        self._dirty = True
        following = self.flow.next_step(widget.step.id, self.session.answers)
        if following is None:
            self.finish()
            return
        self.session.step = following.id
        self.flush()
        self.show_step(following)

    def action_back(self) -> None:
        widget = self.current
        if widget is None:
            return
        self._record_current()
        previous = self.flow.previous_step(widget.step.id, self.session.answers)
        if previous is None:
            self.action_home()
            return
        self.session.step = previous.id
        self._dirty = True
        self.flush()
        self.show_step(previous)

    def action_save(self) -> None:
        self._dirty = True
        if self.flush():
            self.notify(self.app.catalog.ui("flow.saved"))

    def action_copy_draft(self) -> None:
        focused = self.focused
        drafts = self._shown_drafts()
        target = next((d for d in drafts if focused is not None and focused in d.walk_children()),
                      drafts[0] if drafts else None)
        if target is None:
            self.notify(self.app.catalog.ui("flow.no_draft"), severity="warning")
            return
        target.copy()
        self.notify(self.app.catalog.ui("app.copied"))

    def action_home(self) -> None:
        self._record_current()
        if not self._started_by_mistake():
            self._dirty = True
            self.flush()
        self.app.go_home()

    def _started_by_mistake(self) -> bool:
        """True for a session never saved whose answers are all empty: leaving it keeps
        nothing, so a flow opened by a stray key leaves no blank session behind."""
        if not _blank(self.session.answers):
            return False
        try:
            self.app.store.get_record(self.session.id)
        except KeyError:  # SessionNotFound: it was never saved
            return True
        return False

    def finish(self) -> None:
        """The last step's Continue: mark the session done and return home."""
        self.session.status = "done"
        self._dirty = True
        if self.flush():
            self.notify(self.app.catalog.ui("flow.done"))
            self.app.go_home()

    @on(Button.Pressed, "#nav-next")
    def _pressed_next(self) -> None:
        self.action_next()

    @on(Button.Pressed, "#nav-back")
    def _pressed_back(self) -> None:
        self.action_back()


def _blank(value: object) -> bool:
    """Nothing typed or chosen: empty text, no choice, or only such values inside."""
    if isinstance(value, Mapping):
        return all(_blank(v) for v in value.values())
    if isinstance(value, list | tuple | set):
        return all(_blank(v) for v in value)
    if isinstance(value, str):
        return not value.strip()
    return value is None or value is False
