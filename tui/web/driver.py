"""`PartingWebDriver`: textual-serve's driver, but a tab that goes away saves first."""

from __future__ import annotations

from textual.drivers.web_driver import WebDriver


class PartingWebDriver(WebDriver):
    """The web driver whose "quit" (a tab closed or reloaded) saves before exiting.

    textual-serve sends "quit" when the browser's websocket closes; Textual's driver then
    ends the app at once. parting first lets the keys already read arrive, then saves.
    The same happens when the server vanishes without a word (the input stream ends).
    """

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "quit":
            self._save_and_quit()
            return
        super().on_meta(packet_type, payload)

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():
            self._save_and_quit()

    def _save_and_quit(self) -> None:
        app = self._app
        hang_up = getattr(app, "hang_up", None)
        if hang_up is None:
            super().on_meta("quit", {})
            return
        self._loop.call_soon_threadsafe(hang_up)
