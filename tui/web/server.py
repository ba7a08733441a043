"""`PartingServer`: textual-serve's server behind a per-start secret, with its own page.

textual-serve starts one app process for each websocket it is asked for. Here every request
(the page, its scripts and fonts, the websocket, a download) must carry the secret made at
start: in the URL's `key` parameter, or in the cookie the page sets for its own requests.
Anything else gets 403 before a handler runs, so no process is started for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import hmac
import logging
import os
import secrets
import shlex
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server

from content import Catalog

TEMPLATES = Path(__file__).parent / "templates"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
KEY_PARAM = "key"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def new_secret() -> str:
    """A fresh secret for one start of the server; it lives in memory only."""
    return secrets.token_urlsafe(32)


def free_port(host: str) -> int:
    """A port nothing listens on now, for a server started without `--port`."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def app_command(directory: Path) -> str:
    """The command textual-serve runs for each tab: this parting, on the same data folder."""
    return shlex.join([sys.executable, "-m", "tui.cli", "--data-dir", str(directory)])


def _children() -> list[str]:
    """The processes this server started that still run (Linux; elsewhere none known)."""
    pid = os.getpid()
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


class _HideSecret(logging.Filter):
    """Replaces the secret in any log line, should a library ever log a URL with it."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, "…"), None
        return True


class PartingServer(Server):
    """textual-serve's `Server`, answering only requests that carry this start's secret."""

    def __init__(self, command: str, catalog: Catalog, *, host: str = "127.0.0.1",
                 port: int = 0, secret: str | None = None,
                 open_browser: Callable[[str], object] | None = None) -> None:
        port = port or free_port(host)
        url_host = f"[{host}]" if ":" in host else host
        super().__init__(command, host=host, port=port, title=catalog.ui("app.title"),
                         public_url=f"http://{url_host}:{port}", templates_path=TEMPLATES)
        self.catalog = catalog
        self.secret = secret or new_secret()
        self.open_browser = open_browser
        # The cookie is named after the port: two servers on one machine keep theirs apart.
        self.cookie = f"parting-{port}"
        self._sockets: set[asyncio.Task] = set()

    @property
    def url(self) -> str:
        """The address to open, secret included."""
        return f"{self.public_url}/?{KEY_PARAM}={self.secret}"

    def allows(self, request: web.Request) -> bool:
        """True for a request with this start's secret, made by this server's own page.

        A page from another site may not even try: its requests name another origin (a
        browser says which page asks, and the websocket is asked for that way too).
        """
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != request.host:
            return False
        offered = request.query.get(KEY_PARAM) or request.cookies.get(self.cookie) or ""
        return hmac.compare_digest(offered.encode(), self.secret.encode())

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        ui = self.catalog.ui
        aiohttp_jinja2.get_env(app).globals.update(
            lang=self.catalog.lang, page_title=ui("serve.page_title"),
            starting=ui("serve.page_starting"), ended=ui("serve.page_ended"),
            restart=ui("serve.page_restart"), start=ui("serve.page_start"))
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.allows(request):
            return web.Response(status=403, text=self.catalog.ui("serve.forbidden") + "\n")
        if request.path == "/ws":
            task = asyncio.current_task()
            if task is not None:
                self._sockets.add(task)
                task.add_done_callback(self._sockets.discard)
        response = await handler(request)
        if request.path == "/" and KEY_PARAM in request.query:
            # The page's own requests (scripts, fonts, the websocket, downloads) carry the
            # secret in this cookie; it never leaves this browser for another site.
            response.set_cookie(self.cookie, self.secret, httponly=True, samesite="Strict",
                                path="/")
        if not response.prepared:  # the websocket and downloads have sent theirs already
            response.headers.setdefault("Cache-Control", "no-store")
            response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    def initialize_logging(self) -> None:
        """Warnings only, and never a request line: those carry the secret."""
        handler = logging.StreamHandler(sys.stderr)
        handler.addFilter(_HideSecret(self.secret))
        logging.basicConfig(level=logging.WARNING, format="%(message)s", handlers=[handler])
        logging.getLogger("aiohttp.access").disabled = True

    async def on_startup(self, app: web.Application) -> None:
        ui = self.catalog.ui
        print(ui("serve.open_this" if self.open_browser else "serve.open_here"), flush=True)
        print(f"\n    {self.url}\n", flush=True)
        print(ui("serve.stop_hint"), flush=True)
        if self.open_browser is not None:
            # Once the server listens (startup runs just before), and off the event loop:
            # a browser can take a while to start.
            loop = asyncio.get_running_loop()
            loop.call_later(0.3, loop.run_in_executor, None, self.open_browser, self.url)

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every tab's app so that each saves what it holds before the server ends."""
        tabs = list(self._sockets)
        for task in tabs:
            task.cancel()
        if tabs:
            with contextlib.suppress(Exception):
                await asyncio.wait(tabs, timeout=10)
        # A tab's app closes its output a moment before it ends; wait for the end, so that
        # no process outlives the server and asyncio can still collect each one.
        deadline = asyncio.get_running_loop().time() + 5
        while _children() and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        gc.collect()


def serve_command(host: str, port: int, open_browser: bool, directory: Path,
                  catalog: Catalog) -> int:
    """Run `parting serve` until ctrl+c; 1 if the address cannot be listened on."""
    ui = catalog.ui
    if not 0 <= port <= 65535:
        print(f"parting: {ui('serve.port_busy', host=host, port=port, error=ui('serve.bad_port'))}",
              file=sys.stderr)
        return 1
    if host not in LOCAL_HOSTS:
        print(ui("serve.host_warning", host=host), file=sys.stderr, flush=True)
    opener = None
    if open_browser:
        import webbrowser

        opener = webbrowser.open
    try:
        server = PartingServer(app_command(directory), catalog, host=host, port=port,
                               open_browser=opener)
        server.serve()
    except OSError as error:
        print(f"parting: {ui('serve.port_busy', host=host, port=port, error=error.strerror or error)}",
              file=sys.stderr)
        return 1
    return 0
