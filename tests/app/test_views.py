"""Each view opens and shows the imported data."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from tests.app.conftest import wait_idle


def test_navigation_and_japanese_labels(qtbot, window):
    items = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert items == ["今日", "顧客", "活動", "ナレッジ", "問題", "フォルダー", "同期"]
    assert window.search.placeholderText().startswith("ナレッジ・活動を検索")


def test_today_view(qtbot, window, ctx, imported):
    today = window.views["today"]
    today._today = dt.date(2025, 4, 25)
    with qtbot.waitSignal(today.loaded, timeout=5000):
        window.show_view("today")
        today.refresh()
    assert today.stat_imported.number.text() == "4"
    assert today.followups.rowCount() == 2
    with qtbot.waitSignal(window.view_shown) as shown:
        today.open_customer.emit(today.followups.row(0)["company_id"])
    assert shown.args == ["customers"]


def test_customers_view_and_page(qtbot, window, ctx, imported):
    view = window.views["customers"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("customers")
    assert view.model.rowCount() == 4
    assert view.list.count_label.text() == "4社"
    cid = view.model.row_id(0)
    with qtbot.waitSignal(view.page.loaded, timeout=5000):
        window.open_customer(cid)
    assert view.page.title_label.text() == "株式会社サンプル精工"
    assert view.page.timeline.rowCount() == 1
    assert "¥1,200,000" in view.page.hint_label.text()


def test_activities_view_filters(qtbot, window, ctx, imported):
    view = window.views["activities"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("activities")
    assert view.model.rowCount() == 4
    assert view.count_label.text() == "4件"
    wait_idle(qtbot, ctx)
    assert view.rep_combo.count() == 2  # all reps + 山本
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_text("バリ")
    assert view.model.rowCount() == 1
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_text("")
    idx = view.customer_combo.findText("見本化成(株)")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.customer_combo.setCurrentIndex(idx)
    assert view.model.rowCount() == 1


def test_search_results_filter_activities(qtbot, window, ctx, imported):
    window.search.setText("バリ")
    results = window.run_search()
    qtbot.waitUntil(lambda: results.model.rowCount() == 1, timeout=5000)
    view = window.views["activities"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        results.activities_button.click()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)


def test_problems_view_opens_the_workbook(qtbot, window, ctx, store, tmp_path, monkeypatch):
    from importers.pipeline import ReportImporter
    from tests.helpers.workbooks import table_workbook

    bad = table_workbook(
        tmp_path / "日報.xlsx",
        {"4月": [["2025/13/45", "株式会社サンプル精工", "青木", "訪問", None, "未定", None]]},
    )
    ReportImporter(store, rep="山本").import_file(bad)
    opened: list[QUrl] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    view = window.views["problems"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("problems")
    assert view.issues.rowCount() == 2
    row = view.issues.row(0)
    assert row["sheet"] == "4月" and row["cell"] in ("A6", "F6")
    assert view.tabs.tabText(0) == "取り込みの問題（2）"
    view.issues_view.selectRow(0)
    view.open_workbook()
    assert opened and opened[0].toLocalFile() == str(bad)


def test_folders_view(qtbot, window, ctx, tmp_path):
    view = window.views["folders"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("folders")
    assert view.model.rowCount() == 0
    with qtbot.waitSignal(ctx.bus.settings_changed, timeout=5000):
        view.add_folder("reports", str(tmp_path))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    assert ctx.settings.report_folders == [str(tmp_path)]
    view.set_watch_state("watching")
    assert view.model.index(0, 2).data() == "見守り中"


def test_sync_view_not_configured(qtbot, window, ctx, imported):
    view = window.views["sync"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("sync")
    assert view.state_label.text().startswith("未設定")
    # Records a rep understands (4 visits, their customers), not the sync log's field changes.
    assert view.pending_label.text().startswith("訪問 4件")
    assert "顧客 4社" in view.pending_label.text()
    changes = ctx.store.query("SELECT count(*) FROM changes")[0][0]
    assert changes > 20 and str(changes) not in view.pending_label.text()
    assert not view.sync_button.isEnabled()


def test_sync_view_sign_in_saves_credentials(qtbot, window, ctx, store):
    from sync.client.credentials import load_credentials

    view = window.views["sync"]
    window.show_view("sync")
    view.url_edit.setText("https://genba.example.co.jp")
    view.token_edit.setText("secret-token")
    with qtbot.waitSignal(view.signed_in, timeout=5000):
        view.sign_in()
    assert load_credentials(store) == ("https://genba.example.co.jp", "secret-token")
