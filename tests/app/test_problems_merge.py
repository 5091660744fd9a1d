"""Probable duplicates merged and undone from the Problems view."""

from __future__ import annotations


def _duplicate_companies(store):
    # Two rows for the same company, as two offline laptops may create them.
    with store.write() as w:
        a = w.insert(
            "companies", {"name": "株式会社サンプル精工", "name_normalized": "サンプル精工"}
        )
        b = w.insert("companies", {"name": "サンプル精工(株)", "name_normalized": "サンプル精工"})
        w.insert("activities", {"company_id": b, "occurred_on": "2025-05-01", "summary": "訪問"})
    return a, b


def test_merge_and_undo_from_the_problems_view(qtbot, window, ctx, store):
    _a, b = _duplicate_companies(store)
    view = window.views["problems"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("problems")
    assert view.dups.rowCount() == 1
    assert view.tabs.tabText(2) == "重複の可能性（1）"
    view.dups_view.selectRow(0)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.merge_button.click()
    assert view.dups.rowCount() == 0
    assert view.merges.rowCount() == 1
    live = {r[0] for r in store.query("SELECT id FROM companies WHERE deleted = 0")}
    assert len(live) == 1
    moved_to = store.query("SELECT company_id FROM activities")[0][0]
    assert moved_to in live
    view.merges_view.selectRow(0)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.undo_button.click()
    assert store.query("SELECT count(*) FROM companies WHERE deleted = 0")[0][0] == 2
    assert store.query("SELECT company_id FROM activities")[0][0] == b
    assert view.dups.rowCount() == 1


def test_keep_apart_hides_the_pair(qtbot, window, ctx, store):
    _duplicate_companies(store)
    view = window.views["problems"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("problems")
    view.dups_view.selectRow(0)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.apart_button.click()
    assert view.dups.rowCount() == 0
    assert store.query("SELECT count(*) FROM companies WHERE deleted = 0")[0][0] == 2
