"""Errors the store raises. Each carries a message a person can read."""

from __future__ import annotations

import errno


class StoreError(Exception):
    """Base class: something about the data folder needs the user's attention."""


class StoreLocked(StoreError):
    """Another parting process holds the data folder and did not let go in time."""


class SaveFailed(StoreError):
    """Writing failed (disk full, permission denied, I/O error). Nothing on disk changed."""

    #: The OSError's errno, when there was one (e.g. errno.ENOSPC), for callers that retry.
    errno: int | None = None


class UnsafeValue(StoreError):
    """A value would not load back the same way it was saved (NaN, lone surrogate, ...)."""


class BadImport(StoreError):
    """An import file is not something `parting export` wrote. Nothing was changed."""


class SessionNotFound(StoreError, KeyError):
    """No session with that id (deleted, or its file was damaged and set aside)."""

    def __str__(self) -> str:
        # KeyError would show the repr of the message; a person should read the message.
        return str(self.args[0]) if self.args else ""


_KEPT = "your answers are kept on screen"
_SAVE_MESSAGES = {
    errno.ENOSPC: f"The disk is full; {_KEPT} and will be saved when there is room.",
    errno.EDQUOT: f"Your disk quota is used up; {_KEPT} and will be saved when there is room.",
    errno.EACCES: f"parting is not allowed to write in its data folder; {_KEPT}. "
                  "Check the folder's permissions.",
    errno.EPERM: f"parting is not allowed to write in its data folder; {_KEPT}. "
                 "Check the folder's permissions.",
    errno.EROFS: f"The data folder is on a read-only disk; {_KEPT} and will be saved "
                 "when it can be written.",
}


def save_failed(error: OSError) -> SaveFailed:
    """A `SaveFailed` whose message tells a person what went wrong in plain words."""
    message = _SAVE_MESSAGES.get(
        error.errno or 0,
        f"The disk reported an error while saving ({error.strerror or error}); {_KEPT} "
        "and parting will try again.")
    failure = SaveFailed(message)
    failure.errno = error.errno
    return failure
