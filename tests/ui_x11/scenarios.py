"""What the X tests do in the app, as a rep would: clicks on the sidebar and buttons, typing.

Each function runs in the driver's child process (tests/ui_x11/driver.py) and records in
``d.results`` what the test asserts on: screenshot paths, geometries, texts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app.window import VIEW_NAMES


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_text(widget, text: str) -> None:
    """Type ``text``: ASCII key by key; Japanese as an input method commits it (one event)."""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    for ch in text:
        if ch.isascii():
            QTest.keyClick(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def click_nav(d, name: str) -> None:
    nav = d.window.nav
    rect = nav.visualItemRect(nav.item(VIEW_NAMES.index(name)))
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    d.settle()


def sample_company(d) -> str:
    conn = d.genba.ctx.connect()
    try:
        return conn.execute(
            "SELECT id FROM companies WHERE name_normalized = 'サンプル精工'"
        ).fetchone()[0]
    finally:
        conn.close()


def open_sample_page(d):
    """Customers in the sidebar, then a double-click on 株式会社サンプル精工's row."""
    click_nav(d, "customers")
    customers = d.window.views["customers"]
    d.wait(lambda: customers.model.rowCount() > 0)
    target = sample_company(d)
    for row in range(customers.model.rowCount()):
        if customers.model.row_id(row) == target:
            view = customers.list.view
            rect = view.visualRect(customers.model.index(row, 0))
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            break
    d.wait(lambda: customers.page.detail is not None)
    d.settle()
    return customers.page


def every_view(d, prefix: str) -> dict[str, str]:
    shots = {}
    for name in VIEW_NAMES:
        click_nav(d, name)
        shots[name] = d.grab(f"{prefix}_{name}")
    return shots


def brief_paint(d) -> None:
    """Every view before and after opening the brief (from a customer page and from search)."""
    w = d.window
    d.genba.show_window()
    d.settle(800)
    d.results["before"] = every_view(d, "before")
    page = open_sample_page(d)
    click(page.brief_button)
    brief = w.views["brief"]
    d.wait(lambda: brief.brief is not None)
    d.results["brief"] = d.grab("brief")
    type_text(w.search, "納期")
    search = w.run_search()
    d.wait(lambda: search.model.rowCount() > 0)
    click(search.brief_button)
    d.settle()
    d.results["after"] = every_view(d, "after")
    d.results["stack"] = d.to_device(w.stack, w.stack.rect())
    d.results["current"] = w.current_view_name()


def _dialog_fit(d, dialog) -> dict:
    dialog.show()
    d.settle(400)
    out = d.geometry(dialog)
    layout = dialog.layout()
    need = layout.minimumSize() if layout is not None else dialog.minimumSizeHint()
    # Squeezed below what its layout needs, a dialog overlaps its own fields.
    out["layout_fits"] = need.width() <= dialog.width() and need.height() <= dialog.height()
    out["title"] = dialog.windowTitle()
    dialog.close()
    d.settle(100)
    return out


def window_fits(d) -> None:
    """The main window and every dialog against the screen's available geometry."""
    from desktop.app.dialogs.activity import ActivityDialog
    from desktop.app.dialogs.card_review import CardReviewDialog
    from desktop.app.dialogs.company import CompanyDialog
    from desktop.app.dialogs.first_run import FirstRunWizard
    from desktop.app.dialogs.mapping import MappingWizard
    from desktop.app.dialogs.merge import ManualMergeDialog
    from desktop.app.dialogs.note import NoteDialog

    w = d.window
    ctx = d.genba.ctx
    d.genba.show_window()
    d.settle(800)
    d.results["window"] = d.geometry(w)
    d.results["window"]["maximized"] = w.isMaximized()
    d.results["window"]["client"] = [w.width(), w.height()]
    d.results["statusbar_visible"] = d.geometry(w)["fits"] and w.statusBar().isVisible()
    conn = ctx.connect()
    activity = conn.execute("SELECT id FROM activities ORDER BY occurred_on LIMIT 1").fetchone()[0]
    card = conn.execute("SELECT id FROM contacts WHERE needs_review = 1").fetchone()[0]
    company = dict(conn.execute("SELECT * FROM companies LIMIT 1").fetchone())
    conn.close()
    dialogs = {
        "activity": ActivityDialog(ctx, activity, parent=w),
        "note": NoteDialog(ctx, company_id=company["id"], parent=w),
        "company": CompanyDialog(ctx, company, parent=w),
        "card_review": CardReviewDialog(ctx, card, parent=w),
        "first_run": FirstRunWizard(ctx),
        "mapping": MappingWizard(ctx, d.work / "日報" / "訪問記録_2025年10月.xlsx", parent=w),
        "manual_merge": ManualMergeDialog(ctx, parent=w),
    }
    d.results["dialogs"] = {name: _dialog_fit(d, dlg) for name, dlg in dialogs.items()}
    # The window remembers its size and place: a maximised window comes back maximised.
    w.showMaximized()
    d.settle(500)
    # Maximised, the window manager pushes the frame's border off-screen: the client counts.
    client = w.geometry()
    d.results["maximized"] = {
        "client": [client.x(), client.y(), client.width(), client.height()],
        "fits": d.screen().availableGeometry().contains(client),
    }
    w.close()
    d.settle(200)
    from desktop.app.window import MainWindow

    again = MainWindow(ctx)
    again.show()
    d.settle(500)
    d.results["reopened_maximized"] = again.isMaximized()
    again.close()


def date_range(d) -> None:
    """The Activities period: quick ranges, typed dates in the rep's notations, the calendar."""
    import datetime as dt

    w = d.window
    d.genba.show_window()
    d.settle(500)
    click_nav(d, "activities")
    view = w.views["activities"]
    view._today = d.demo.TODAY  # 2025/10/20: the demo's reports run April–October 2025
    d.wait(lambda: view.model.rowCount() > 0)
    d.results["all"] = view.model.rowCount()
    boxes = {}
    for name in ("text_edit", "rep_combo", "customer_combo", "period", "since_edit", "until_edit"):
        widget = getattr(view, name)
        top_left = widget.mapTo(view, widget.rect().topLeft())
        boxes[name] = [top_left.x(), top_left.y(), widget.width(), widget.height()]
    d.results["filter_boxes"] = boxes
    ranges = {}
    for key in ("month", "last_month", "fy", "last_fy"):
        view.period.setCurrentIndex(view.period.findData(key))
        d.wait(lambda: not view._debounce.isActive())
        d.settle(400)
        ranges[key] = [
            view.since_edit.edit.text(),
            view.until_edit.edit.text(),
            view.model.rowCount(),
        ]
    d.results["ranges"] = ranges
    typed = {}
    for text in ("2025/06/01", "2025-06-01", "2025年6月1日", "R7.6.1"):
        view.since_edit.edit.clear()
        type_text(view.since_edit.edit, text)
        QTest.keyClick(view.since_edit.edit, Qt.Key.Key_Tab)
        d.settle(400)
        typed[text] = [view.since_edit.edit.text(), view.current_filter().since]
    d.results["typed"] = typed
    d.results["period_after_typing"] = view.period.currentData()
    view.until_edit.edit.selectAll()  # typing replaces what 昨年度 put there
    type_text(view.until_edit.edit, "2025/06/30")
    QTest.keyClick(view.until_edit.edit, Qt.Key.Key_Return)
    d.wait(lambda: not view._debounce.isActive())
    d.settle(400)
    rows = [view.model.row_data(i)["occurred_on"] for i in range(view.model.rowCount())]
    d.results["june"] = {"count": len(rows), "min": min(rows), "max": max(rows)}
    # The whole set value is readable: the box is as wide as its text needs.
    edit = view.since_edit.edit
    need = edit.fontMetrics().horizontalAdvance(edit.text())
    d.results["since_fits"] = edit.cursorRect().right() < edit.width() and need < edit.width() - 20
    view.since_edit.edit.clear()
    type_text(view.since_edit.edit, "2025/13/45")
    QTest.keyClick(view.since_edit.edit, Qt.Key.Key_Tab)
    d.settle(300)
    d.results["bad"] = [view.since_edit.error, view.current_filter().since]
    view.since_edit.set_date(None)
    calendar = view.since_edit.open_calendar()
    d.settle(300)
    selected = calendar.selectedDate()
    d.results["calendar_opens_at"] = [selected.year(), selected.month()]
    d.results["calendar_shot"] = d.grab("calendar")
    d.results["real_today"] = [dt.date.today().year, dt.date.today().month]
