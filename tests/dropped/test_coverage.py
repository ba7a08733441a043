"""Every point of the "I was dropped" advice is covered by the English content."""

from __future__ import annotations

import re
from pathlib import Path

from content import load_catalog

A_IDS = {"A-SIGNS", "A-FEEL", "A-NOT-PERSONAL", "A-BREATHE", "A-HOLD", "A-GRATITUDE",
         "A-ASK-WHY", "A-REASONS", "A-AMENDS", "A-REFERRALS", "A-LEARN", "A-OFFER", "A-GROWTH"}
SEED_POINTS = Path(__file__).resolve().parents[3] / "shared" / "seed-points.md"


def listed_a_ids() -> set[str]:
    """The A- ids the advice lists (the known list when the shared file is not beside us)."""
    if not SEED_POINTS.is_file():
        return A_IDS
    return set(re.findall(r"^\| (A-[A-Z-]+) \|", SEED_POINTS.read_text(encoding="utf-8"),
                          flags=re.MULTILINE))


def test_every_a_point_is_carried_by_an_english_item_of_the_dropped_flow():
    catalog = load_catalog("en")
    expected = listed_a_ids() | A_IDS
    dropped_items = [item for item in catalog if item.key.split(".")[0].startswith("dropped")]
    covered = {i for item in dropped_items for i in item.ids}
    assert expected - covered == set()


def test_the_dropped_content_cites_only_points_that_exist():
    catalog = load_catalog("en")
    cited = {i for item in catalog if item.key.split(".")[0].startswith("dropped")
             for i in item.ids}
    assert cited <= listed_a_ids() | A_IDS
