"""A photo dropped on (or pasted onto) a row of the Activities or Customers table is attached to
that row's record; workbooks dropped on the table are still imported by the window."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
)
from PySide6.QtWidgets import QApplication

from desktop.app.pictures import Picture, attach_pictures
from tests.app.conftest import wait_idle

DRAG = (Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def _jpeg(path, color="white"):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (60, 40), color).save(buf, "JPEG")
    path.write_bytes(buf.getvalue())
    return path


def _files(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _hover(table, pos: QPoint, mime: QMimeData) -> tuple[bool, bool]:
    """A drag entering the table's viewport at ``pos`` and moving there, as Qt delivers it (to
    the viewport, handed on to the parents while ignored): (enter accepted, move accepted)."""
    enter = QDragEnterEvent(pos, DRAG[0], mime, DRAG[1], DRAG[2])
    QApplication.sendEvent(table.viewport(), enter)
    move = QDragMoveEvent(pos, DRAG[0], mime, DRAG[1], DRAG[2])
    move.setAccepted(enter.isAccepted())  # as QWidgetWindow carries it over to the first move
    QApplication.sendEvent(table.viewport(), move)
    return enter.isAccepted(), move.isAccepted()


def _drop(table, pos: QPoint, mime: QMimeData) -> QDropEvent:
    _hover(table, pos, mime)
    drop = QDropEvent(QPointF(pos), DRAG[0], mime, DRAG[1], DRAG[2])
    QApplication.sendEvent(table.viewport(), drop)
    return drop


def _row_pos(table, row: int) -> QPoint:
    return table.visualRect(table.model().index(row, 1)).center()


def _attachments(store):
    return [dict(r) for r in store.query("SELECT * FROM attachments WHERE deleted = 0")]


def _blob(ctx, sha):
    return ctx.data_dir / "blobs" / sha[:2] / sha


@pytest.fixture
def activities(qtbot, window, imported):
    view = window.views["activities"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("activities")
    return view


@pytest.fixture
def customers(qtbot, window, imported):
    view = window.views["customers"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("customers")
    return view.list


def test_photo_file_dropped_on_an_activity_row_is_attached_to_it(
    qtbot, window, ctx, store, activities, tmp_path
):
    photo = _jpeg(tmp_path / "IMG_0001.jpg")
    row = 2
    aid = activities.model.row_id(row)
    company = activities.model.row_data(row)["company"]
    imports = []
    window.import_finished.connect(imports.append)
    with qtbot.waitSignal(activities.row_drop.attached, timeout=5000) as done:
        drop = _drop(activities.view, _row_pos(activities.view, row), _files(photo))
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.CopyAction
    [att] = _attachments(store)
    assert (att["entity"], att["entity_id"]) == ("activities", aid)
    assert (att["filename"], att["mime"]) == ("IMG_0001.jpg", "image/jpeg")
    assert _blob(ctx, att["sha256"]).read_bytes() == photo.read_bytes()
    assert company in done.args[0] and "2025/04/0" in done.args[0]
    assert window.statusBar().currentMessage() == done.args[0]
    assert activities.view.currentIndex().row() == row  # where it landed stays selected
    wait_idle(qtbot, ctx)
    assert imports == [] and store.query("SELECT count(*) FROM sources")[0][0] == 1  # the report


def test_image_data_dropped_on_a_customer_row_is_attached_to_the_customer(
    qtbot, window, ctx, store, customers
):
    row = 1
    cid = customers.model.row_id(row)
    name = customers.model.row_data(row)["name"]
    image = QImage(80, 50, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.yellow)
    mime = QMimeData()
    mime.setImageData(image)  # a picture dragged from a browser or a screenshot tool
    with qtbot.waitSignal(customers.row_drop.attached, timeout=5000) as done:
        _drop(customers.view, _row_pos(customers.view, row), mime)
    [att] = _attachments(store)
    assert (att["entity"], att["entity_id"], att["mime"]) == ("companies", cid, "image/png")
    assert att["filename"].startswith("memo-") and _blob(ctx, att["sha256"]).is_file()
    assert name in done.args[0]
    with qtbot.waitSignal(customers.model.loaded, timeout=5000):  # views re-read
        pass


def test_the_row_under_a_picture_drag_is_highlighted_and_restored_on_leave(
    qtbot, activities, tmp_path
):
    from PySide6.QtGui import QDragLeaveEvent

    table = activities.view
    table.selectRow(0)
    mime = _files(_jpeg(tmp_path / "memo.jpg"))
    assert _hover(table, _row_pos(table, 3), mime) == (True, True)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [3]
    marker = activities.row_drop.marker  # the outline that says "it lands here"
    assert marker.isVisible() and marker.geometry().center().y() == _row_pos(table, 3).y()
    below = QPoint(20, table.visualRect(table.model().index(3, 0)).bottom() + 40)
    move = QDragMoveEvent(below, DRAG[0], mime, DRAG[1], DRAG[2])
    move.accept()  # carried over from the move before
    QApplication.sendEvent(table.viewport(), move)
    assert not move.isAccepted()  # between rows: nowhere to attach it
    assert table.selectionModel().selectedRows() == [] and not marker.isVisible()
    QApplication.sendEvent(table.viewport(), QDragLeaveEvent())
    assert [i.row() for i in table.selectionModel().selectedRows()] == [0]


def test_a_picture_dropped_off_the_rows_is_not_attached(qtbot, window, ctx, store, activities):
    table = activities.view
    last = table.visualRect(table.model().index(table.model().rowCount() - 1, 0))
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    mime = QMimeData()
    mime.setImageData(image)
    drop = _drop(table, QPoint(20, last.bottom() + 40), mime)
    assert not drop.isAccepted()
    wait_idle(qtbot, ctx)
    assert _attachments(store) == []


def test_a_workbook_dropped_on_an_activity_row_is_imported_by_the_window(
    qtbot, window, ctx, store, activities, tmp_path
):
    from tests.helpers.workbooks import table_workbook

    may = [[dt.date(2025, 5, 12), "新規精機株式会社", "佐藤課長", "初回訪問", "見積", None, None]]
    book = table_workbook(tmp_path / "5月_営業日報.xlsx", {"5月": may})
    table = activities.view
    mime = _files(book)
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as done:
        assert _hover(table, _row_pos(table, 0), mime) == (True, True)  # by the window
        drop = QDropEvent(QPointF(_row_pos(table, 0)), DRAG[0], mime, DRAG[1], DRAG[2])
        QApplication.sendEvent(table.viewport(), drop)
    assert done.args[0].added == 1
    assert store.query("SELECT count(*) FROM activities")[0][0] == 5
    assert _attachments(store) == []


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("broken.jpg", b"\xff\xd8\xff\xe0" + b"\x00garbage" * 40, "壊れているか"),
        ("notes.png", b"this is a text file", "壊れているか"),
        ("iphone.heic", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64, "HEIC"),
        ("huge.jpg", None, "1 MB まで"),
    ],
)
def test_a_bad_picture_is_explained_and_nothing_is_stored(
    qtbot, monkeypatch, window, ctx, store, activities, tmp_path, name, content, words
):
    import importers.photos.apply

    monkeypatch.setattr(importers.photos.apply, "MAX_PHOTO_BYTES", 1024 * 1024)
    path = tmp_path / name
    if content is None:
        path.write_bytes(b"\xff\xd8\xff" + b"\x00" * (3 * 1024 * 1024))
    else:
        path.write_bytes(content)
    row_drop = activities.row_drop
    with qtbot.waitSignal(row_drop.refused, timeout=5000) as refused:
        _drop(activities.view, _row_pos(activities.view, 0), _files(path))
    text = refused.args[0]
    # what, which file, what to do (in the rep's language)
    assert name in text and words in text and ("もう一度" in text or "撮り直して" in text)
    assert row_drop.message_box.isVisible() and row_drop.message_box.text() == text
    wait_idle(qtbot, ctx)
    assert _attachments(store) == []
    assert not (ctx.data_dir / "blobs").exists() or not any((ctx.data_dir / "blobs").rglob("*"))
    assert store.query("SELECT count(*) FROM sources")[0][0] == 1  # not imported either
    row_drop.message_box.close()
    assert window.isVisible()


def test_ctrl_v_attaches_the_clipboard_picture_to_the_selected_activity(
    qtbot, window, ctx, store, activities
):
    table = activities.view
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    table.selectRow(1)
    aid = activities.model.row_id(1)
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    QGuiApplication.clipboard().setImage(image)
    with qtbot.waitSignal(activities.row_drop.attached, timeout=5000):
        qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    [att] = _attachments(store)
    assert (att["entity"], att["entity_id"], att["mime"]) == ("activities", aid, "image/png")
    assert _blob(ctx, att["sha256"]).is_file()


def test_ctrl_v_on_a_customer_row_with_copied_photo_files(
    qtbot, window, ctx, store, customers, tmp_path
):
    table = customers.view
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    table.selectRow(2)
    cid = customers.model.row_id(2)
    a, b = _jpeg(tmp_path / "a.jpg", "white"), _jpeg(tmp_path / "b.jpg", "black")
    QGuiApplication.clipboard().setMimeData(_files(a, b))  # files copied in Explorer
    with qtbot.waitSignal(customers.row_drop.attached, timeout=5000):
        qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = _attachments(store)
    assert sorted(r["filename"] for r in rows) == ["a.jpg", "b.jpg"]
    assert {(r["entity"], r["entity_id"]) for r in rows} == {("companies", cid)}
    QGuiApplication.clipboard().clear()
    customers.row_drop.paste()  # nothing to paste: said in the status bar, nothing stored
    assert "クリップボードに画像がありません" in window.statusBar().currentMessage()
    wait_idle(qtbot, ctx)
    assert len(_attachments(store)) == 2


def test_attaching_to_a_row_deleted_meanwhile_stores_nothing(store, imported, tmp_path):
    aid = store.query("SELECT id FROM activities LIMIT 1")[0][0]
    with store.write() as w:
        w.delete("activities", aid)
    outcome = attach_pictures(
        store, "activities", aid, [Picture("m.jpg", path=_jpeg(tmp_path / "m.jpg"))]
    )
    assert outcome.target is None and outcome.attached == []
    assert _attachments(store) == []
