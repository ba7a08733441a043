"""Interface text in the user's language, including key bindings shown in the footer."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from content import Catalog


def translate_bindings(node: DOMNode, catalog: Catalog) -> None:
    """Replace catalog keys used as binding descriptions with text in the user's language.

    Bindings are declared once on the class, with descriptions such as "app.quit"; the
    footer then shows whatever this node's bindings say, so they are rewritten per instance.
    """
    keys: dict[str, list] = {}
    for key, binding in node._bindings:
        description = binding.description
        if description and catalog.has_ui(description):
            binding = replace(binding, description=catalog.ui(description))
        keys.setdefault(key, []).append(binding)
    node._bindings = BindingsMap.from_keys(keys)
