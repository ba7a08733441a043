"""Errors the store raises. Each carries a message a person can read."""


class StoreError(Exception):
    """Base class: something about the data folder needs the user's attention."""


class StoreLocked(StoreError):
    """Another parting process holds the data folder and did not let go in time."""


class SaveFailed(StoreError):
    """Writing failed (disk full, permission denied, I/O error). Nothing on disk changed."""


class UnsafeValue(StoreError):
    """A value would not load back the same way it was saved (NaN, lone surrogate, ...)."""


class BadImport(StoreError):
    """An import file is not something `parting export` wrote. Nothing was changed."""
