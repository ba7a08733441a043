"""Interface text in the user's language, including key bindings shown in the footer."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from content import Catalog

# The letter each Latin key types in a language's usual keyboard layout. Someone who has
# just typed Russian has the Russian layout on, where the key marked "h" types "р": the
# single-letter bindings answer to both.
KEYBOARD_TWINS: dict[str, dict[str, str]] = {
    "ru": dict(zip("qwertyuiopasdfghjklzxcvbnm", "йцукенгшщзфывапролдячсмить", strict=True)),
}


def translate_bindings(node: DOMNode, catalog: Catalog) -> None:
    """Replace catalog keys used as binding descriptions with text in the user's language.

    Bindings are declared once on the class, with descriptions such as "app.quit"; the
    footer then shows whatever this node's bindings say, so they are rewritten per instance.
    Single-letter keys also get their twin in the language's keyboard layout (after all
    the others, so the footer still shows the Latin key).
    """
    keys: dict[str, list] = {}
    twins: dict[str, list] = {}
    layout = KEYBOARD_TWINS.get(catalog.lang, {})
    # The class's own bindings still hold the catalog keys, so the language can change later.
    declared = type(node)._merged_bindings or node._bindings
    for key, binding in declared:
        description = binding.description
        if description and catalog.has_ui(description):
            binding = replace(binding, description=catalog.ui(description))
        keys.setdefault(key, []).append(binding)
        if key in layout:
            twin = layout[key]
            twins.setdefault(twin, []).append(replace(binding, key=twin, show=False))
    for twin, bindings in twins.items():
        if twin not in keys:
            keys[twin] = bindings
    node._bindings = BindingsMap.from_keys(keys)
