"""Every seed point of "Should I drop them?" is covered by the English content."""

import re
from pathlib import Path

from content import load_catalog

SEED_POINTS = Path(__file__).resolve().parents[3] / "shared" / "seed-points.md"
PREFIXES = ("B-", "F-", "T-", "L-", "X-")


def drop_ids() -> set[str]:
    text = SEED_POINTS.read_text(encoding="utf-8") if SEED_POINTS.exists() else ""
    found = set(re.findall(r"^\| ((?:B|F|T|L|X)-[A-Z-]+) \|", text, re.MULTILINE))
    return found or KNOWN


KNOWN = {
    "B-SELF", "B-DIFFICULT-VS-TOXIC", "B-SECOND-OPINION",
    "F-TERMS", "F-IMPOSSIBLE", "F-SCHEDULE", "F-SCOPE", "F-NOT-LISTENING", "F-EXPERTISE",
    "F-BELITTLE", "F-NITPICK", "F-DISSATISFIED", "F-LATE-PAYMENT", "F-INVOICES", "F-PRICE",
    "F-OBLIGATIONS", "F-RUDE", "F-REVIEW-THREATS", "F-HARASSMENT", "F-ILLEGAL",
    "T-TALK", "T-LESSONS", "T-PLAN", "T-MEET", "T-CONSEQUENCES",
    "L-WHEN", "L-SCOPE", "L-PAYMENT-PLAN", "L-EXPECTATIONS", "L-PRICE",
    "X-PROFESSIONAL", "X-FORMAT", "X-HONEST", "X-NO-YOU", "X-PROCEDURE", "X-REFER",
    "X-WINDOW", "X-POSITIVE", "X-WRITING", "X-AFTER",
}


def test_every_drop_seed_point_is_covered_in_english():
    covered = load_catalog("en").covered_ids()
    assert drop_ids() >= KNOWN
    missing = sorted(i for i in drop_ids() if i not in covered)
    assert missing == []


def test_every_red_flag_item_carries_its_own_flag_id():
    catalog = load_catalog("en")
    from content.verdict import FLAGS

    for name in FLAGS:
        item = catalog.item(f"drop_flags.{name}")
        assert f"F-{name.upper().replace('_', '-')}" in item.ids, name
        assert item.get("title") and item.get("explain") and item.get("neutral")


def test_every_step_has_a_title_and_every_field_a_label():
    from content.flows import get_flow

    catalog = load_catalog("en")
    flow = get_flow("drop")
    for step in flow.steps:
        item = catalog.item(f"drop.{step.id}")
        assert item.get("title"), step.id
        for field in step.fields:
            assert item.get(f"{field.id}_label"), f"{step.id}.{field.id}"
            if field.kind == "choice":
                options = item.get(f"{field.id}_options")
                assert set(options) == set(field.options), f"{step.id}.{field.id}"
            if field.template:
                assert catalog.item(field.template).get("template"), field.template
