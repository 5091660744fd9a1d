"""Probable duplicates merged and undone from the Problems view."""

from __future__ import annotations

from PySide6.QtCore import Qt


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


def test_the_customer_page_follows_a_merge_and_the_sidebar_returns_to_the_list(
    qtbot, window, ctx, store
):
    _duplicate_companies(store)
    problems = window.views["problems"]
    with qtbot.waitSignal(problems.loaded, timeout=5000):
        window.show_view("problems")
    pair = problems.dups.row(0)
    customers = window.views["customers"]
    with qtbot.waitSignal(customers.page.loaded, timeout=5000):
        window.open_customer(pair["other_id"])  # the one that will be merged away
    window.show_view("problems")
    problems.dups_view.selectRow(0)
    with qtbot.waitSignal(problems.loaded, timeout=5000):
        problems.merge_button.click()
    # Back to the page opened before the merge: it shows the kept company, with the visit.
    with qtbot.waitSignal(customers.page.loaded, timeout=5000):
        window.show_view("customers")
    kept = store.query("SELECT name FROM companies WHERE id = ?", (pair["keep_id"],))[0][0]
    assert customers.page.company_id == pair["keep_id"]
    assert customers.page.title_label.text() == kept
    assert len(customers.page.detail["timeline"]) == 1
    # 顧客 in the sidebar goes back to the list.
    assert customers.stack.currentWidget() is customers.page
    rect = window.nav.visualItemRect(window.nav.item(1))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert customers.stack.currentWidget() is customers.list


def test_merge_by_hand_side_by_side_field_by_field_and_undo(qtbot, window, ctx, store):
    with store.write() as w:
        a = w.insert("companies", {"name": "株式会社山田製作所", "name_normalized": "山田製作所"})
        b = w.insert(
            "companies",
            {"name": "ヤマダ製作所", "name_normalized": "ヤマダ製作所", "name_kana": "やまだ"},
        )
        w.insert("activities", {"company_id": b, "occurred_on": "2025-05-01", "summary": "訪問"})
    problems = window.views["problems"]
    with qtbot.waitSignal(problems.loaded, timeout=5000):
        window.show_view("problems")
    assert problems.dups.rowCount() == 0  # not a suggested pair: only a rep can tell
    dialog = problems.merge_by_hand()
    qtbot.waitUntil(lambda: dialog.left_combo.count() == 2, timeout=5000)
    dialog.select(a, b)
    qtbot.waitUntil(lambda: set(dialog.groups) == {"name", "name_kana"}, timeout=5000)
    assert "最終訪問 2025/05/01" in dialog.right_combo.currentText()
    assert dialog.right_about.text() == dialog.right_combo.currentText()
    assert dialog.merge_button.isEnabled()
    dialog.choose("name", right=False)
    dialog.choose("name_kana", right=True)
    with qtbot.waitSignal(dialog.merged, timeout=5000):
        dialog.merge_button.click()
    kept = store.query("SELECT name, name_kana, deleted FROM companies WHERE id = ?", (a,))[0]
    assert tuple(kept) == ("株式会社山田製作所", "やまだ", 0)
    assert store.query("SELECT deleted FROM companies WHERE id = ?", (b,))[0][0] == 1
    assert store.query("SELECT company_id FROM activities")[0][0] == a
    qtbot.waitUntil(lambda: problems.merges.rowCount() == 1, timeout=5000)
    problems.merges_view.selectRow(0)
    with qtbot.waitSignal(problems.loaded, timeout=5000):
        problems.undo_button.click()
    assert store.query("SELECT name_kana FROM companies WHERE id = ?", (a,))[0][0] is None
    assert store.query("SELECT company_id FROM activities")[0][0] == b


def test_merge_by_hand_names_every_contact_field_in_japanese(qtbot, window, ctx, store):
    """A contact's romanised name is 氏名（ローマ字）, never the column name full_name_latin."""
    from desktop.app.data.manual_merge import FIELDS

    with store.write() as w:
        c = w.insert("companies", {"name": "株式会社山田製作所", "name_normalized": "山田製作所"})
        a = w.insert("contacts", {"company_id": c, "full_name": "山田 太郎"})
        b = w.insert(
            "contacts",
            {"company_id": c, "full_name": "山田 太郎", "full_name_latin": "Taro Yamada"},
        )
    problems = window.views["problems"]
    with qtbot.waitSignal(problems.loaded, timeout=5000):
        window.show_view("problems")
    dialog = problems.merge_by_hand()
    dialog.contacts_radio.setChecked(True)
    qtbot.waitUntil(lambda: dialog.left_combo.count() == 2, timeout=5000)
    dialog.select(a, b)
    qtbot.waitUntil(lambda: "full_name_latin" in dialog.groups, timeout=5000)
    names = dialog.field_names()
    assert set(FIELDS["contacts"]) <= set(names)
    shown = [dialog.grid.itemAtPosition(r, 0).widget().text() for r in range(len(dialog.groups))]
    assert "氏名（ローマ字）" in shown and not any("_" in s for s in shown)
    dialog.choose("full_name_latin", right=True)
    with qtbot.waitSignal(dialog.merged, timeout=5000):
        dialog.merge_button.click()
    kept = store.query("SELECT full_name_latin FROM contacts WHERE deleted = 0")
    assert [r[0] for r in kept] == ["Taro Yamada"]
