"""`CommandFailed`: a command stopped, with a message that says where things stand.

The message is already in the user's language; `parting` prints it on one line and exits
with status 1. No Textual import here.
"""

from __future__ import annotations


class CommandFailed(Exception):
    """A command could not do what was asked; `str(error)` tells the user what state it left."""


class OutputFailed(CommandFailed):
    """Standard output could not be written (a full disk behind `> file`, a broken device).

    What is still buffered for it is dropped, so nothing raises again at exit.
    """
