"""Which keys a flow's footer shows, and in what order, so the ones that matter fit.

A step with many keys (breathing, the exit message) in a language with long words ran past
80 or 100 columns and the footer was cut wherever it happened to end. Continue, Back and
Copy come first, then the step's own keys, then the keys found on every screen; when the
row is still too long, keys are hidden from its end (they stay bound, and help lists them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from textual import widgets
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widgets._footer import FooterKey

FIRST = ("flow.continue", "flow.back", "flow.copy")
"""Shown first, in this order: what moves the walk on and copies the draft."""

LAST = ("app.help", "app.quit", "flow.home", "app.palette", "flow.save")
"""Shown after the step's own keys; hidden first from the end of this list when short of
room (saving is automatic, and help lists every key)."""

_GAP = 2  # a footer key is padded by one column on each side


def _rank(binding: Binding) -> int:
    if binding.id in FIRST:
        return FIRST.index(binding.id)
    if binding.id in LAST:
        return 100 + LAST.index(binding.id)
    return 10


def key_width(binding: Binding, key_display: Callable[[Binding], str]) -> int:
    """The columns one key takes in the footer: "^n Continue" and its padding."""
    return len(key_display(binding)) + 1 + len(binding.description) + _GAP


def fit_footer(bindings: Mapping[str, ActiveBinding], width: int,
               key_display: Callable[[Binding], str]) -> dict[str, ActiveBinding]:
    """The bindings in footer order, those that do not fit in `width` columns not shown."""
    ordered = sorted(bindings.items(), key=lambda item: _rank(item[1].binding))
    shown = [key for key, active in ordered if active.binding.show]
    used = sum(key_width(bindings[key].binding, key_display) for key in shown)
    hidden: set[str] = set()
    while width and used > width and shown:
        key = shown.pop()
        hidden.add(key)
        used -= key_width(bindings[key].binding, key_display)
    return {key: (active._replace(binding=replace(active.binding, show=False))
                  if key in hidden else active)
            for key, active in ordered}


class Footer(widgets.Footer):
    """Textual's footer, drawn again only when what it shows changes.

    Textual rebuilds every key of the footer each time a screen's bindings may have changed
    (each change of focus, each `refresh_bindings`), even when they have not: opening
    History rebuilt the footer five times, about 50 key widgets, most of the CPU the screen
    spent beyond an empty table's. Requests that come together are answered once, and not
    at all when the keys shown are the ones already there.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pending = False
        self._drawn: tuple[tuple[str, str, bool], ...] | None = None

    def compose(self) -> ComposeResult:
        if not self.app.app_focus and not self._bindings_ready:
            # Textual's footer waits for the first change of bindings, and none is drawn
            # while the app is behind: a browser tab that opened in the background showed
            # home without its keys until it had the focus. Drawn at once then.
            self._bindings_ready = True
            self._drawn = self._shown_keys()
        # Textual's key starts compact and is then bound to the footer's style (not
        # compact): on a screen already shown, each redraw of the footer restyled every key
        # twice. Given the footer's style before it is mounted, a key is styled once:
        # opening History (10,000 sessions, headless) took 113 ms of CPU instead of 128
        # (medians of 10 openings, alternating), its first frame as soon as before.
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not self.is_attached or screen is not self.screen:
            return
        if not screen.app.app_focus:
            return  # as Textual's footer: keys stay as they are while the app is behind
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._redraw)

    async def _redraw(self) -> None:
        self._pending = False
        if not self.is_attached:
            return  # its screen closed meanwhile
        shown = self._shown_keys()
        if shown != self._drawn:
            self._drawn = shown
            await self.recompose()

    def _shown_keys(self) -> tuple[tuple[str, str, bool], ...]:
        return tuple((key, active.binding.description, active.enabled)
                     for key, active in self.screen.active_bindings.items()
                     if active.binding.show)
