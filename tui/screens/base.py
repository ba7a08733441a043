"""`PartingScreen`: what every full screen of the app shares.

Its footer shows the keys in the order `tui.footer` gives and only as many as fit: a screen
with many keys in a language with long words (History in Russian at 80 columns) was cut
mid-word at the right edge. A screen that names a `TITLE_KEY` says in the header where the
user is ("parting — History").
"""

from __future__ import annotations

from textual.binding import ActiveBinding
from textual.screen import Screen

from tui.footer import fit_footer


class PartingScreen(Screen):
    """Base of the app's full screens (modal dialogs keep Textual's own)."""

    TITLE_KEY: str | None = None
    """The catalog key of the screen's name, shown in the header beside the app's name."""

    def _on_mount(self) -> None:
        if self.TITLE_KEY:
            self.sub_title = self.app.subtitle(self.app.catalog.ui(self.TITLE_KEY))

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return fit_footer(super().active_bindings, self.size.width or self.app.size.width,
                          self.app.get_key_display)

    def on_resize(self) -> None:
        # Textual calls the handler of every class that has one, so a screen's own
        # `on_resize` runs beside this one.
        self.refresh_bindings()  # the footer keeps what fits in the new width
