"""Where an exported page goes: the app's naming, never over another file."""

from __future__ import annotations

from tui.exports import export_path


def test_export_path_is_the_stem_in_the_folder_when_free(tmp_path):
    assert export_path(tmp_path, "2026-11-23-acme-drop") == tmp_path / "2026-11-23-acme-drop.md"


def test_export_path_numbers_the_name_instead_of_overwriting_another_file(tmp_path):
    (tmp_path / "2026-11-23-acme-drop.md").write_text("kept")
    (tmp_path / "2026-11-23-acme-drop-2.md").write_text("kept too")
    assert export_path(tmp_path, "2026-11-23-acme-drop") == tmp_path / "2026-11-23-acme-drop-3.md"


def test_export_path_reuses_the_sessions_own_earlier_file_in_the_same_folder(tmp_path):
    earlier = tmp_path / "2026-11-23-acme-drop-2.md"
    earlier.write_text("the page exported before")
    assert export_path(tmp_path, "2026-11-23-acme-drop", str(earlier)) == earlier
    elsewhere = tmp_path / "old" / "2026-11-23-acme-drop.md"
    assert export_path(tmp_path, "2026-11-23-acme-drop", str(elsewhere)) != elsewhere
