"""Errors the store raises. Each carries a message a person can read.

The message is English (for logs, and for English speakers). Every error and notice also
carries a `code` and its `params`, so the interface can say the same thing in the user's
language without the store knowing about languages; `CODES` lists every code in use.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping

Params = Mapping[str, str | int]

#: Every code the store sets on an error or a notice; each has a string in every language.
CODES = (
    # saving
    "disk_full", "quota", "no_permission", "read_only_disk", "io_error", "save_unexpected",
    "busy", "read_only_save", "unwritable_save", "closed", "unsafe_value", "unsafe_export",
    "unsafe_setting", "unreadable_kept",
    # opening and reading
    "no_data_folder", "read_only_instance", "unwritable", "index_newer", "no_session",
    "read_error", "unreadable_session",
    # repairs
    "damaged", "index_damaged", "index_blocked", "digest_tampered", "file_unreadable",
    "migrated", "newer", "no_backup", "backup_unreadable",
    # imports
    "import_too_large", "import_empty", "import_not_object", "import_wrong_format",
    "import_bad_version", "import_newer", "import_sessions_not_list",
    "import_session_not_object", "import_bad_session", "import_duplicate_id",
    "import_not_utf8", "import_truncated", "import_not_json", "import_unreadable",
    "import_partial",
    # locked folders
    "folder_locked", "wrong_passphrase", "key_file_damaged", "already_locked", "not_locked",
    "convert_app_open", "convert_unfinished", "key_file_missing",
)


class StoreError(Exception):
    """Base class: something about the data folder needs the user's attention.

    `code` (one of `CODES`, or None) and `params` say what happened in a form the
    interface can put into any language; the exception text stays the English message.
    """

    code: str | None = None
    params: Params = {}

    def __init__(self, *args: object, code: str | None = None,
                 params: Params | None = None) -> None:
        super().__init__(*args)
        self.code = code
        self.params = dict(params or {})


class StoreLocked(StoreError):
    """Another parting process holds the data folder and did not let go in time."""


class FolderLocked(StoreError):
    """The folder is encrypted and its key is not known in this process yet."""


class SaveFailed(StoreError):
    """Writing failed (disk full, permission denied, I/O error). Nothing on disk changed."""

    #: The OSError's errno, when there was one (e.g. errno.ENOSPC), for callers that retry.
    errno: int | None = None


class SessionUnreadable(StoreError):
    """A session file is there but cannot be read (no permission, I/O error, a folder).

    It is not an absent session: nothing ever replaces, renames or writes over it.
    """


class ImportIncomplete(SaveFailed):
    """An import stopped part-way (disk full, I/O error). `written` are the ids now saved,
    `total` how many were to be written; `cause` is the `SaveFailed` that stopped it."""

    written: tuple[str, ...] = ()
    total: int = 0
    cause: SaveFailed | None = None


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
    errno.ENOSPC: ("disk_full", f"The disk is full; {_KEPT} and will be saved when there is room."),
    errno.EDQUOT: ("quota", f"Your disk quota is used up; {_KEPT} and will be saved when there "
                   "is room."),
    errno.EACCES: ("no_permission", f"parting is not allowed to write in its data folder; "
                   f"{_KEPT}. Check the folder's permissions."),
    errno.EPERM: ("no_permission", f"parting is not allowed to write in its data folder; "
                  f"{_KEPT}. Check the folder's permissions."),
    errno.EROFS: ("read_only_disk", f"The data folder is on a read-only disk; {_KEPT} and will "
                  "be saved when it can be written."),
}


def os_detail(error: OSError) -> str:
    """The system's short name for an OSError (`EIO`), the same in every language."""
    if error.errno is not None and error.errno in errno.errorcode:
        return errno.errorcode[error.errno]
    return str(error.strerror or error)


def save_failed(error: OSError) -> SaveFailed:
    """A `SaveFailed` whose message tells a person what went wrong in plain words."""
    known = _SAVE_MESSAGES.get(error.errno or 0)
    if known:
        failure = SaveFailed(known[1], code=known[0])
    else:
        failure = SaveFailed(
            f"The disk reported an error while saving ({error.strerror or error}); {_KEPT} "
            "and parting will try again.", code="io_error", params={"detail": os_detail(error)})
    failure.errno = error.errno
    return failure
