"""Sessions on disk: a crash-safe, private store for what people type into parting.

Nothing here knows about the terminal UI; the app receives a `SessionStore` and calls it.
"""

from store.errors import (
    BadImport,
    FolderLocked,
    ImportIncomplete,
    SaveFailed,
    SessionNotFound,
    SessionUnreadable,
    StoreError,
    StoreLocked,
    UnsafeValue,
)
from store.location import resolve_data_dir
from store.record import Reminder, Session, new_session, now_iso
from store.session_store import ImportResult, Notice, SessionStore, Summary

__all__ = [
    "BadImport",
    "ImportIncomplete",
    "FolderLocked",
    "ImportResult",
    "Notice",
    "Reminder",
    "SaveFailed",
    "Session",
    "SessionNotFound",
    "SessionStore",
    "SessionUnreadable",
    "StoreError",
    "StoreLocked",
    "Summary",
    "UnsafeValue",
    "new_session",
    "now_iso",
    "resolve_data_dir",
]
