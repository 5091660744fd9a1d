"""Edits in the app go through the store: they sync and survive re-imports."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage

from desktop.app.data.customers import customer_ids
from tests.app.conftest import wait_idle


def _activity_id(store, company_like: str) -> str:
    return store.query(
        "SELECT a.id FROM activities a JOIN companies c ON c.id = a.company_id WHERE c.name LIKE ?",
        (f"%{company_like}%",),
    )[0][0]


def test_activity_edit_survives_reimport_of_the_unchanged_workbook(
    qtbot, ctx, store, imported, report
):
    from desktop.app.dialogs.activity import ActivityDialog
    from importers.pipeline import ReportImporter

    aid = _activity_id(store, "サンプル精工")
    dlg = ActivityDialog(ctx, aid)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.row is not None, timeout=5000)
    assert dlg.summary_edit.toPlainText() == "治具の改善提案"
    dlg.summary_edit.setPlainText("治具の改善提案（工場長も同席）")
    dlg.amount_edit.setText("1500000")
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.save()
    assert sorted(dlg.saved_fields) == ["amount_jpy", "summary"]
    logged = store.query(
        "SELECT field FROM changes WHERE row_id = ? AND field IN ('summary', 'amount_jpy')", (aid,)
    )
    assert len(logged) >= 4  # the insert and the edit, for sync
    outcome = ReportImporter(store, rep="山本").import_file(report, force=True)
    assert outcome.status == "imported"
    row = store.query("SELECT summary, amount_jpy FROM activities WHERE id = ?", (aid,))[0]
    assert tuple(row) == ("治具の改善提案（工場長も同席）", 1_500_000)


def test_quick_capture_creates_a_note(qtbot, ctx, store, imported):
    from desktop.app.views.customer_page import CustomerPage

    cid = customer_ids(store.reader(), "サンプル")[0]
    ctx.settings.user_name = "山本"
    page = CustomerPage(ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load(cid)
    page.note_button.click()  # click 1
    dlg = page._note_dialog
    dlg.category.setCurrentIndex(dlg.category.findData("buyer_preference"))
    dlg.body.setPlainText("青木課長は納期の確実さを重視。")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dlg.buttons.button(dlg.buttons.StandardButton.Save).click()  # click 2
    note = store.query("SELECT * FROM notes WHERE company_id = ?", (cid,))[0]
    assert note["category"] == "buyer_preference" and note["visibility"] == "team"
    assert note["author"] == "山本"
    assert any("納期" in n["body"] for n in page.detail["notes"])


def test_paste_a_memo_photo_onto_a_customer(qtbot, ctx, store, imported):
    from desktop.app.views.customer_page import CustomerPage

    cid = customer_ids(store.reader(), "サンプル")[0]
    page = CustomerPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load(cid)
    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.white)
    QGuiApplication.clipboard().setImage(img)
    assert page.paste_image()
    wait_idle(qtbot, ctx)
    row = store.query(
        "SELECT * FROM attachments WHERE entity = 'companies' AND entity_id = ?", (cid,)
    )[0]
    assert row["mime"] == "image/png"
    assert (ctx.data_dir / "blobs" / row["sha256"][:2] / row["sha256"]).is_file()


def test_a_damaged_picture_dropped_on_a_customer_page_is_refused(
    qtbot, ctx, store, imported, tmp_path
):
    """The customer page attaches through the same checks as a table row."""
    from desktop.app.views.customer_page import CustomerPage

    cid = customer_ids(store.reader(), "サンプル")[0]
    page = CustomerPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load(cid)
    broken = tmp_path / "memo.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00garbage" * 40)
    page.attach_files([str(broken)])
    qtbot.waitUntil(lambda: getattr(page, "refused_box", None) is not None, timeout=5000)
    assert "memo.jpg" in page.refused_box.text()
    page.refused_box.close()
    assert store.query("SELECT count(*) FROM attachments")[0][0] == 0
    assert not (ctx.data_dir / "blobs").exists() or not any((ctx.data_dir / "blobs").rglob("*"))


def test_rename_a_customer(qtbot, ctx, store, imported):
    from desktop.app.dialogs.company import CompanyDialog

    row = dict(store.query("SELECT * FROM companies WHERE name LIKE '%サンプル%'")[0])
    dlg = CompanyDialog(ctx, row)
    qtbot.addWidget(dlg)
    dlg.kana_edit.setText("さんぷるせいこう")
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.save()
    assert (
        store.query("SELECT name_kana FROM companies WHERE id = ?", (row["id"],))[0][0]
        == "さんぷるせいこう"
    )


def test_drop_a_workbook_on_the_window_imports_it(qtbot, window, ctx, store, report):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    assert window.droppable(mime)
    drop = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_finished, timeout=10_000) as done:
        window.dropEvent(drop)
    assert done.args[0].added == 4
    assert store.query("SELECT count(*) FROM activities")[0][0] == 4


def test_drop_of_an_unrelated_file_is_refused(qtbot, window, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    assert not window.droppable(mime)


def test_an_empty_due_date_opens_its_calendar_at_today(qtbot, ctx, store, imported):
    from PySide6.QtCore import QDate

    from desktop.app.dialogs.activity import NO_DATE, _date_edit

    edit = _date_edit()
    qtbot.addWidget(edit)
    assert edit.date() == NO_DATE
    calendar = edit.calendarWidget()
    calendar.window().show()  # the popup, as a click on the arrow opens it
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.window().hide()
