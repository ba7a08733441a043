"""The real app in a real terminal, closed or signalled right after typing: nothing is lost.

Textual does not handle SIGHUP (a closed terminal window) or SIGTERM on its own; the app
saves on both. These tests type into the first step of "I was dropped", wait until the text
is on screen (so the app has read every key), and end the app at once. A change is saved as
soon as the keys read are handled, so the last test kills the app with SIGKILL just after
the text shows: nothing but that save can have kept it.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from content import load_catalog
from store import SessionStore
from tests.faults.terminal import Tmux, wait_gone
from tui.cli import open_for_app

TYPED = "Acme Ünïcødé Студия & Sons «ok»"
FIRST_STEP = load_catalog("en").item("dropped.what_happened")["title"]


@pytest.fixture
def tmux(tmp_path: Path):
    try:
        server = Tmux(tmp_path)
    except FileNotFoundError:
        pytest.skip("tmux is not installed")
    yield server
    server.kill_server()


def saved_clients(data_dir: Path) -> list[str]:
    with SessionStore.open(data_dir) as store:
        return [s.answers.get("what_happened", {}).get("client") for s in store.sessions()]


def signal_app(tmux: Tmux, name: str, pid: int, how: str) -> None:
    if how == "SIGHUP":
        os.kill(pid, signal.SIGHUP)
    elif how == "SIGTERM":
        os.kill(pid, signal.SIGTERM)
    else:  # the user closes the terminal window: tmux hangs up on the app
        tmux("kill-session", "-t", name)


def end_app(tmux: Tmux, name: str, pid: int, how: str) -> None:
    signal_app(tmux, name, pid, how)
    assert wait_gone(pid), f"the app did not exit after {how}"


@pytest.mark.parametrize("how", ["SIGHUP", "SIGTERM", "window closed"])
def test_text_typed_just_before_the_terminal_goes_away_is_saved(tmux, tmp_path, how):
    data_dir = tmp_path / "data"
    pid = tmux.start("app", data_dir, "dropped")
    tmux.wait_for("app", FIRST_STEP)
    tmux.type("app", TYPED)
    tmux.wait_for("app", TYPED)
    end_app(tmux, "app", pid, how)

    assert saved_clients(data_dir) == [TYPED]
    # Reopening shows it: the home screen lists the unfinished session under its client.
    tmux.start("again", data_dir)
    tmux.wait_for("again", TYPED[:19])


def test_windows_ended_at_random_moments_lose_nothing_shown(tmux, tmp_path):
    rng = random.Random(8)
    ways = ["SIGHUP", "SIGTERM", "window closed"]
    for round_ in range(2):
        windows = []
        for n in range(3):  # several apps at once: the machine is busy, as in real life
            name = f"w{round_}{n}"
            data_dir = tmp_path / name
            text = f"{TYPED} {round_}-{n} " + "x" * rng.randint(0, 40)
            windows.append((name, data_dir, text, tmux.start(name, data_dir, "dropped")))
        for name, _data_dir, text, _pid in windows:
            tmux.wait_for(name, FIRST_STEP)
            tmux.type(name, text)
        ended = []
        for name, _data_dir, text, pid in windows:
            tmux.wait_for(name, text[-30:])
            how = rng.choice(ways)
            signal_app(tmux, name, pid, how)
            ended.append((pid, how))
        for pid, how in ended:
            assert wait_gone(pid), f"the app did not exit after {how}"
        for name, data_dir, text, _pid in windows:
            assert saved_clients(data_dir) == [text], name


def test_a_killed_app_keeps_what_was_typed_before_the_save_delay_and_frees_the_folder(tmux,
                                                                                      tmp_path):
    """SIGKILL cannot be caught: what survives is what the save after the keys wrote.
    The kernel drops the app's lock, so the next start can save (it is not read-only)."""
    data_dir = tmp_path / "data"
    pid = tmux.start("app", data_dir, "dropped")
    tmux.wait_for("app", FIRST_STEP)
    tmux.type("app", TYPED)
    tmux.wait_for("app", TYPED)
    tmux.wait_for("app", "Saved")  # the save a moment after the last key
    os.kill(pid, signal.SIGKILL)
    assert wait_gone(pid)

    assert saved_clients(data_dir) == [TYPED]
    # The next start opens the folder as `parting` does: the main thread of a killed app
    # can be gone while its other threads still hold its files for a moment.
    with open_for_app(data_dir) as store:
        assert not store.read_only and store.notices == [], store.notices


def test_a_sigkill_a_quarter_second_after_the_text_shows_loses_nothing(tmux, tmp_path):
    """No handler runs on SIGKILL (nor on a power cut): the save that follows the keys does.

    It comes as soon as the keys already read are handled, usually before the screen shows
    them (benchmarks/kill_window.py measures both: about 10 ms on a quiet machine); a
    quarter of a second leaves room for a very busy machine's fsync. With the former
    half-second delay this lost the whole text."""
    data_dir = tmp_path / "data"
    pid = tmux.start("app", data_dir, "dropped")
    tmux.wait_for("app", FIRST_STEP)
    tmux.type("app", TYPED)
    deadline = time.monotonic() + 20
    while TYPED not in tmux.screen("app") and time.monotonic() < deadline:
        time.sleep(0.001)
    time.sleep(0.25)
    os.kill(pid, signal.SIGKILL)
    assert wait_gone(pid)
    assert saved_clients(data_dir) == [TYPED]
