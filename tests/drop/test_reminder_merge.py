"""The session's reminders follow the answers: replaced by id, never duplicated."""

from content.reminders import merge_reminders


def test_wanted_reminders_replace_the_flows_own_by_id_and_keep_others():
    existing = [
        {"id": "drop.pay.1", "due": "2026-12-01", "what": "old text", "done": True, "kind": "p"},
        {"id": "drop.review", "due": "2026-12-05", "what": "review", "done": False, "kind": "r"},
        {"id": "manual.1", "due": "2026-12-09", "what": "mine", "done": False, "kind": "x"},
    ]
    wanted = [
        {"id": "drop.pay.1", "due": "2026-12-01", "what": "new text", "kind": "p"},
        {"id": "drop.pay.1", "due": "2026-12-02", "what": "duplicate", "kind": "p"},
    ]
    merged = merge_reminders(existing, wanted, "drop.")
    assert [r["id"] for r in merged] == ["manual.1", "drop.pay.1"]
    assert merged[1]["what"] == "new text"
    assert merged[1]["done"] is True  # same day: still done


def test_a_reminder_whose_day_moved_is_open_again():
    existing = [{"id": "drop.pay.1", "due": "2026-12-01", "what": "x", "done": True, "kind": "p"}]
    merged = merge_reminders(existing, [{"id": "drop.pay.1", "due": "2026-12-08", "what": "x",
                                         "kind": "p"}], "drop.")
    assert merged == [{"id": "drop.pay.1", "due": "2026-12-08", "what": "x", "done": False,
                       "kind": "p"}]
