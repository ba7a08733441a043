"""The coaching text of parting and the rules that choose it.

Text lives in `content/<lang>/*.toml`; rules (which step comes next, the verdict on a
client, the drafts filled from answers) are plain functions here. Nothing in this package
knows about the terminal.
"""

from content.catalog import LANGUAGES, Catalog, ContentError, Item, load_catalog

__all__ = ["LANGUAGES", "Catalog", "ContentError", "Item", "load_catalog"]
