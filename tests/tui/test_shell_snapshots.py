"""Snapshots of the shell screens, with the clock frozen."""

from __future__ import annotations


def test_snapshot_home_empty_store(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(100, 30))


def test_snapshot_help(snap_compare, make_app):
    assert snap_compare(make_app(), press=["f1"], terminal_size=(100, 30))


def test_snapshot_home_small_terminal(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(60, 20))
