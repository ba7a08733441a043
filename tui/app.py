"""`PartingApp`: builds the store and the catalog, installs screens, and saves on every exit."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import signal
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from content import Catalog, load_catalog
from store import Notice, Session, SessionStore, StoreError, new_session, resolve_data_dir
from store.settings import Settings, load_settings, save_settings
from tui.i18n import translate_bindings
from tui.store_text import explain

# What needs the sessions, so it waits while a locked folder asks for its passphrase.
SESSION_ACTIONS = frozenset({"dropped", "drop", "history", "reminders", "insights"})
HANG_UP_GRACE = 3.0  # seconds a hung-up app may take to exit after saving
PREPARE_AFTER = 0.3  # seconds after start to prepare the other screens (see on_mount)


def _end_process_after(seconds: float) -> None:
    time.sleep(seconds)
    os._exit(0)


class PartingApp(App[None]):
    """The parting terminal app.

    With no arguments it opens the real data folder; tests pass a `store` in a temporary
    folder, a `catalog`, and a `clock` so that every date on screen is fixed.
    """

    CSS_PATH = "app.tcss"
    _asked_to_quit_unsaved = False
    TITLE = "parting"
    BINDINGS = [
        Binding("f1", "help", "app.help", id="app.help"),
        Binding("ctrl+p", "command_palette", "app.palette", id="app.palette", show=True),
        Binding("ctrl+q", "quit", "app.quit", id="app.quit", priority=True),
    ]

    def __init__(self, store: SessionStore | None = None, catalog: Catalog | None = None, *,
                 data_dir: Path | str | None = None, lang: str | None = None,
                 clock: Callable[[], datetime] | None = None,
                 start: str = "home", client: str = "", session_id: str | None = None,
                 locked: bool = False) -> None:
        super().__init__()
        self._owns_store = store is None
        # A locked folder whose key is not known yet: the sessions open once the unlock
        # screen has the passphrase (see `on_mount`); until then there is no `store`.
        self._locked_dir: Path | None = None
        if locked:
            self._locked_dir = resolve_data_dir(data_dir)
            self.directory = self._locked_dir
        else:
            self.store = store or SessionStore.open(resolve_data_dir(data_dir),
                                                    app_instance=True, clock=clock)
            self.directory = self.store.directory
        self.settings: Settings = load_settings(self.directory)
        chosen = lang or (catalog.lang if catalog else None) or self.settings.lang or "en"
        self.catalog = catalog or load_catalog(chosen)
        self.clock = clock
        self._start = start
        self._start_client = client
        self._start_session = session_id
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        translate_bindings(self, self.catalog)

    # -- time ------------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock() if self.clock else datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()

    # -- start-up --------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.title = self.catalog.ui("app.title")
        self._install_signal_handlers()
        if self._locked_dir is not None:
            self._ask_passphrase()
            return
        self._begin()

    # -- a locked folder ----------------------------------------------------------------------
    @property
    def sessions_open(self) -> bool:
        """False while a locked folder waits for its passphrase."""
        return self._locked_dir is None

    def _ask_passphrase(self) -> None:
        from tui.screens.unlock import UnlockScreen

        self.sub_title = self.catalog.ui("app.subtitle")
        self.push_screen(UnlockScreen(self.directory), self._unlocked)

    def _unlocked(self, store: SessionStore | None) -> None:
        if store is None:
            return
        self.store = store
        self._owns_store = True
        self._locked_dir = None
        self._begin()

    def open_sessions(self, directory: Path) -> SessionStore:
        """Open the sessions of an unlocked folder (called off the screen's thread)."""
        from tui.cli import open_for_app

        return open_for_app(directory, clock=self.clock)

    def cannot_open(self, error: StoreError) -> None:
        """The folder unlocked but its sessions cannot be opened: say why and end."""
        from rich.text import Text

        self.exit(return_code=1, message=Text(f"parting: {explain(self.catalog, error)}"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.sessions_open and action in SESSION_ACTIONS:
            return False
        return super().check_action(action, parameters)

    # -- start-up --------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        """Home is the first screen when the sessions are open from the start.

        Textual otherwise starts on an empty screen of its own, and home pushed over it was
        laid out and restyled again for that second screen: the first frame took about 10 ms
        more (headless, 1,000 sessions, 58-60 ms against 46-51 ms). A locked folder starts on
        the empty screen, and home comes over it once the passphrase is known.
        """
        if not self.sessions_open:
            return super().get_default_screen()
        from tui.screens.home import HomeScreen

        return HomeScreen()

    def _begin(self) -> None:
        """Home (or the screen asked for) and what start-up has to say, once sessions are open."""
        self.sub_title = self.subtitle()
        from tui.screens.home import HomeScreen

        if not isinstance(self.screen_stack[0], HomeScreen):
            self.push_screen(HomeScreen())
        if self._start_session:
            self.open_session(self.store.get(self._start_session))
        elif self._start in ("dropped", "drop"):
            self.start_flow(self._start, self._start_client)
        elif self._start == "history":
            self.action_history()
        # Once the home screen is up, while the user reads it, learn the other screens' rules
        # (their first opening then skips restyling the whole app) and load the history
        # screen's code (about 25 ms, well under a megabyte).
        self.set_timer(PREPARE_AFTER, self._prepare_other_screens)
        offered = self._offer_earlier_copies()
        self._check_size()
        for notice in self.store.notices:
            if notice not in offered:
                self.notify(explain(self.catalog, notice), severity="warning", timeout=15,
                            markup=False)
                self._told(notice)

    def _told(self, notice: Notice) -> None:
        """The user has seen `notice`: damage another process recorded is not told again."""
        from store.recovery import RECORDED_CODES

        if notice.code in RECORDED_CODES:
            self.store.dismiss(notice)

    def subtitle(self, where: str | None = None) -> str:
        """The header's second line: the screen the user is on, else the app's motto; a
        window that cannot save says so there, always."""
        if not any(n.code == "read_only_instance" for n in self.store.notices):
            return where or self.catalog.ui("app.subtitle")
        read_only = self.catalog.ui("app.read_only_subtitle")
        return f"{where} · {read_only}" if where else read_only

    def _prepare_other_screens(self) -> None:
        import tui.screens.history  # noqa: F401
        from tui.screens import all_styles

        sheet = self.stylesheet
        unread = [path for path in all_styles() if not sheet.has_source(str(path), "")]
        for path in unread:
            sheet.read(path)
        if unread:
            sheet.reparse()
            sheet.update(self)
        # What start-up and this preparation built lives as long as the app: frozen, the
        # collector stops walking it (with 10,000 sessions a full walk cost a first opening
        # of history about 40 ms).
        gc.freeze()

    def _offer_earlier_copies(self) -> list[Notice]:
        """For each damaged file with a readable earlier copy, ask whether to restore it."""
        offered = [n for n in self.store.notices if n.kind == "damaged" and n.backup is not None]
        if self.store.read_only or not offered:
            return []
        from tui.screens.recovery import RecoveryModal

        def answered_for(notice: Notice) -> Callable[[bool | None], None]:
            def answered(restored: bool | None) -> None:
                if not restored:
                    self._told(notice)  # kept going: the damaged file stays set aside
                if restored and hasattr(self.screen, "refresh_lists"):
                    self.screen.refresh_lists()
            return answered

        for notice in offered:
            self.push_screen(RecoveryModal(notice), answered_for(notice))
        return offered

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int | None = None, height: int | None = None) -> None:
        """Cover the app with a note while the window is too small, and lift it after."""
        from tui.screens.too_small import TooSmallScreen, too_small

        small = too_small(width or self.size.width, height or self.size.height)
        covered = isinstance(self.screen, TooSmallScreen)
        if small and not covered:
            self.push_screen(TooSmallScreen())
        elif covered and not small:
            self.pop_screen()

    def _install_signal_handlers(self) -> None:
        # Textual does not handle SIGTERM or SIGHUP (a closed terminal window): save first.
        # In a browser tab ctrl+c on `parting serve` reaches the app as SIGINT: the same.
        signals = [signal.SIGTERM, signal.SIGHUP]
        if self.is_web:
            signals.append(signal.SIGINT)
        try:
            loop = asyncio.get_running_loop()
            for sig in signals:
                loop.add_signal_handler(sig, self._on_terminate, sig)
        except (RuntimeError, NotImplementedError, ValueError):
            pass

    def hang_up(self) -> None:
        """The browser tab went away (closed, reloaded) or its server did: save and exit."""
        self._on_terminate(signal.SIGTERM)

    def get_driver_class(self):  # noqa: ANN201 - a Driver subclass
        """Textual's choice, except that textual-serve's web driver saves on a closed tab."""
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.web_driver":
            from tui.web.driver import PartingWebDriver

            return PartingWebDriver
        return driver

    def _on_terminate(self, sig: int = signal.SIGTERM) -> None:
        if getattr(self, "_terminating", None) is not None:
            return  # already saving on the way out (a signal and a closed tab together)
        if sig == signal.SIGHUP:
            # The terminal is gone, so stop drawing: Textual's output thread ends at the
            # first failed write, and once its queue is full the next write would block
            # the exit forever (and with it the save).
            self._hung_up = self.batch_update()
            self._hung_up.__enter__()
        # Kept on the app: the loop holds tasks only weakly.
        self._terminating = asyncio.get_running_loop().create_task(self._save_and_exit(sig))

    async def _save_and_exit(self, sig: int) -> None:
        await self.settle()
        self.flush_all()
        if sig == signal.SIGHUP or self.is_web:
            # Everything is on disk now. Textual's way out still talks to the vanished
            # terminal (a hang-up also brings SIGCONT, which restarts its output), and that
            # can block for ever: a process nobody can see must not linger holding the lock.
            # A browser tab's process is the same once its tab or its server is gone.
            threading.Thread(target=_end_process_after, args=(HANG_UP_GRACE,),
                             daemon=True).start()
        self.exit()

    async def settle(self, timeout: float = 1.0) -> None:
        """Let messages already on their way arrive (for at most `timeout` seconds).

        Keys the app has read travel up as messages (an Input, then its step, then the flow
        screen) before they reach the session; a window closed right after typing must not
        save the session as it was a few keystrokes earlier. Each round waits until every
        node has handled what was queued before it; a message forwarded to a parent during
        a round is handled in the next.
        """

        async def rounds() -> None:
            for _ in range(4):
                waits = []
                for screen in self.screen_stack:
                    for node in (self, *screen.walk_children(with_self=True)):
                        arrived = asyncio.Event()
                        if node.call_later(arrived.set):
                            waits.append(arrived.wait())
                await asyncio.gather(*waits)

        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(rounds(), timeout)

    def _fatal_error(self) -> None:
        """Textual's report of an unexpected error, without the values of local variables:
        those can hold a passphrase, a data key or what the user wrote."""
        import rich
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        traceback = Traceback(show_locals=False, width=None, suppress=[rich])
        self._exit_renderables.append(
            Segments(self.console.render(traceback, self.console.options)))
        self._close_messages_no_wait()

    def _handle_exception(self, error: Exception) -> None:
        # An unexpected error ends the app; what the user typed is saved before it does.
        with contextlib.suppress(Exception):
            self.flush_all()
        super()._handle_exception(error)

    # -- sessions ---------------------------------------------------------------------------
    def persist(self, session: Session) -> bool:
        """Save `session`; on failure tell the user and keep everything on screen.

        The save that finishes a session gives it its follow-up check-ins, whichever
        screen finished it.
        """
        if session.status == "done" and self._finishing(session):
            from content.checkins import add_checkins

            add_checkins(session, self.catalog, self.today())
        try:
            self.store.save(session)
        except StoreError as error:
            self.notify(explain(self.catalog, error), title=self.catalog.ui("app.not_saved_title"),
                        severity="error", timeout=10, markup=False)
            return False
        return True

    def _finishing(self, session: Session) -> bool:
        """True when the stored copy is not finished yet (or there is none)."""
        try:
            return self.store.get(session.id).status != "done"
        except StoreError:
            return True

    def flush_all(self) -> bool:
        """Save what every open flow holds (on quit and on signals); True if all of it is saved."""
        from tui.screens.flow import FlowScreen

        saved = True
        for screen in self.screen_stack:
            if isinstance(screen, FlowScreen):
                saved = screen.flush() and saved
        return saved

    def start_flow(self, flow_name: str, client: str = "") -> None:
        session = new_session(flow_name, client=client.strip(), lang=self.catalog.lang,
                              clock=self.clock)
        if client.strip():
            from content.flows import get_flow

            first = get_flow(flow_name).first()
            session.answers[first.id] = {"client": client.strip()}
        self.open_session(session)

    def open_session(self, session: Session) -> None:
        """Open `session` in its flow, at the step where it was left."""
        from content.flows import get_flow
        from tui.screens.flow import FlowScreen

        flow = get_flow(session.flow)
        self.push_screen(FlowScreen(flow, session, self.step_widgets(session.flow)))

    def open_session_read_only(self, session: Session) -> None:
        """Show a finished session as a readable page (Resume is offered there)."""
        from tui.screens.session_view import SessionViewScreen

        self.push_screen(SessionViewScreen(session))

    @staticmethod
    def step_widgets(flow_name: str) -> dict:
        if flow_name == "dropped":
            from tui.screens.dropped import WIDGETS
        else:
            from tui.screens.drop import WIDGETS
        return WIDGETS

    def go_home(self) -> None:
        """Back to the home screen, refreshed."""
        from tui.screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if not isinstance(self.screen, HomeScreen):
            self.push_screen(HomeScreen())
        self.screen.refresh_lists()

    # -- actions ------------------------------------------------------------------------------
    def action_help(self) -> None:
        from tui.screens.help import HelpModal

        if not isinstance(self.screen, HelpModal):
            self.push_screen(HelpModal())

    def action_dropped(self) -> None:
        self.start_flow("dropped")

    def action_drop(self) -> None:
        self.start_flow("drop")

    def action_choose_language(self) -> None:
        from tui.screens.language import LanguageModal

        def chosen(lang: str | None) -> None:
            if lang and lang != self.catalog.lang:
                self.set_language(lang)

        self.push_screen(LanguageModal(), chosen)

    def set_language(self, lang: str) -> None:
        """Speak `lang` from now on (remembered), rebuilding the screens in that language.

        A session open in a flow is saved first and reopened at the same step.
        """
        from tui.screens.flow import FlowScreen
        from tui.screens.home import HomeScreen

        open_flow = next((s for s in reversed(self.screen_stack) if isinstance(s, FlowScreen)),
                         None)
        self.flush_all()
        self.settings.lang = lang
        with contextlib.suppress(OSError, StoreError):
            save_settings(self.directory, self.settings)
        self.catalog = load_catalog(lang)
        translate_bindings(self, self.catalog)
        self.title = self.catalog.ui("app.title")
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if not self.sessions_open:
            self._ask_passphrase()
            return
        self.sub_title = self.subtitle()
        if isinstance(self.screen, HomeScreen):
            self.call_next(self.screen.rebuild)  # the first screen: built again in place
        else:
            self.push_screen(HomeScreen())
        if open_flow is not None:
            self.open_session(open_flow.session)

    def action_history(self) -> None:
        from tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen())

    def action_reminders(self) -> None:
        from tui.screens.reminders import RemindersScreen

        self.push_screen(RemindersScreen())

    def action_insights(self) -> None:
        from tui.screens.insights import InsightsScreen

        self.push_screen(InsightsScreen())

    async def action_quit(self) -> None:
        await self.settle()
        if not self.flush_all() and not self._asked_to_quit_unsaved:
            # The disk is full or the folder is locked: quitting now would throw away what
            # is on screen, so say so and quit only when asked again.
            self._asked_to_quit_unsaved = True
            self.notify(self.catalog.ui("app.quit_unsaved", key="ctrl+q"), severity="warning",
                        timeout=15)
            return
        self.exit()

    def watch_theme(self, theme: str) -> None:
        if getattr(self, "settings", None) is not None and self.settings.theme != theme:
            self.settings.theme = theme
            with contextlib.suppress(OSError, StoreError):
                save_settings(self.directory, self.settings)

    def get_system_commands(self, screen: Screen) -> list[SystemCommand]:
        from tui.commands import commands_for

        return commands_for(self, screen)

    # -- Textual's own prompts and messages, in the user's language -------------------------
    def action_command_palette(self) -> None:
        from tui.commands import LocalisedCommandPalette, command_palette

        if self.use_command_palette and not LocalisedCommandPalette.is_open(self):
            self.push_screen(command_palette(self))

    def search_themes(self) -> None:
        from tui.commands import theme_picker

        self.push_screen(theme_picker(self))

    def action_help_quit(self) -> None:
        # ctrl+c does not quit a Textual app; like Textual, say which key does.
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(self.catalog.ui("app.quit_hint", key=key), markup=False,
                            title=self.catalog.ui("app.quit_hint_title"))
                return

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG of the screen in the current folder (or `path`) and say where."""
        title = self.catalog.ui("app.screenshot_title")
        if self.is_web:
            name = filename or f"parting-{self.now():%Y-%m-%d-%H%M%S}.svg"
            self.deliver_screenshot(name)
            self.notify(self.catalog.ui("app.downloaded", name=name), title=title, markup=False)
            return
        try:
            saved = self.save_screenshot(filename, path)
        except OSError as error:
            self.notify(self.catalog.ui("app.screenshot_failed", error=error), title=title,
                        severity="error", markup=False)
            return
        self.notify(self.catalog.ui("app.screenshot_saved", path=saved), title=title,
                    markup=False)

    def on_unmount(self) -> None:
        if self._owns_store and self.sessions_open:
            self.store.close()
