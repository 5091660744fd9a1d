"""The activity editor shows the columns Genba could not place, as the rep wrote them."""

import datetime as dt

from tests.importers.test_heading_variants import write_table


def test_activity_editor_shows_the_extra_fields(qtbot, ctx, store, tmp_path):
    from desktop.app.dialogs.activity import ActivityDialog
    from importers.pipeline import ReportImporter

    path = write_table(
        tmp_path / "日報_2025.xlsx",
        ["日付", "訪問先", "内容", "競合"],
        [[dt.date(2025, 4, 2), "株式会社サンプル精工", "治具の提案", "A社が先行"]],
    )
    ReportImporter(store, rep="山本", lang="ja").import_file(path)
    (aid,) = [r[0] for r in store.query("SELECT id FROM activities")]
    dlg = ActivityDialog(ctx, aid)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.row is not None, timeout=5000)
    assert dlg.extras.isVisible()
    assert dlg.extras.text().startswith("その他の項目")
    assert dlg.extras.text().endswith("競合: A社が先行")


def test_customer_page_timeline_shows_the_extra_fields(qtbot, ctx, store, tmp_path):
    from desktop.app.views.customer_page import CustomerPage
    from importers.pipeline import ReportImporter

    path = write_table(
        tmp_path / "日報_2025.xlsx",
        ["日付", "訪問先", "内容", "競合"],
        [[dt.date(2025, 4, 2), "株式会社サンプル精工", "治具の提案", "A社が先行"]],
    )
    ReportImporter(store, rep="山本", lang="ja").import_file(path)
    (cid,) = [r[0] for r in store.query("SELECT id FROM companies")]
    page = CustomerPage(ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load(cid)
    shown = page.timeline.data(page.timeline.index(0, 3))
    assert shown == "治具の提案 ／ 競合: A社が先行"
