"""Views are told what changed (desktop.app.data.changes): an import re-reads only the rows it
wrote, an edit is not re-read by the view that made it, "many" re-reads everything, and views
that show none of it skip it. Real store, real import process, real Qt offscreen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.app.bulk import bulk_activities
from tests.app.conftest import wait_idle
from tests.helpers.workbooks import table_workbook

SUMMARY = 4  # the Summary column of the Activities table


def _told(ctx) -> list:
    told: list = []
    ctx.bus.data_changed.connect(told.append)
    return told


def _shown_activities(qtbot, window, n: int):
    view = window.show_view("activities")
    qtbot.waitUntil(lambda: view.model.rowCount() == n and not view.model.loading, timeout=20_000)
    view.view.viewport().repaint()  # the first screen is read, as a rep sees it
    wait_idle(qtbot, window.ctx)
    return view


def _drop(qtbot, window, paths) -> None:
    finished: list = []
    window.import_finished.connect(finished.append)
    window.import_dropped(paths)
    qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
    wait_idle(qtbot, window.ctx)


def _all_ids(ctx, f) -> list[str]:
    from desktop.app.data.activities import activity_ids

    conn = ctx.connect()
    try:
        return activity_ids(conn, f)
    finally:
        conn.close()


def _summary_at(model, row: int) -> str:
    return model.data(model.index(row, SUMMARY), Qt.ItemDataRole.DisplayRole)


def test_an_import_of_one_customers_file_rereads_only_its_rows(qtbot, window, ctx, tmp_path):
    bulk_activities(ctx.store, 5_000)  # 2020-04-01 .. 2020-07-09, five customers
    # A first import derives every customer's reading once (importers.ingest): past that,
    # the steady state a rep lives in.
    first = [[dt.date(2019, 4, 1), "見本化成(株)", "石井主任", "初回", "", None, None]]
    _drop(qtbot, window, [table_workbook(tmp_path / "2019年度_営業日報_山本.xlsx", {"4月": first})])
    view = _shown_activities(qtbot, window, 5_001)
    model = view.model
    read, reloads = model.rows_read, model.reloads
    told = _told(ctx)
    # 20 visits to one customer, dated in the middle of the list (they interleave with it)
    rows = [
        [dt.date(2020, 5, 1) + dt.timedelta(days=i), "株式会社サンプル精工", "青木課長",
         f"新規の訪問 {i}", "見積提示", "30万円", "20%"]
        for i in range(20)
    ]  # fmt: skip
    book = table_workbook(tmp_path / "2020年度_営業日報_山本.xlsx", {"5月": rows})

    _drop(qtbot, window, [book])
    qtbot.waitUntil(lambda: model.rowCount() == 5_021, timeout=20_000)
    wait_idle(qtbot, ctx)

    changes = told[-1]
    assert len(changes.ids("activities")) == 20  # the import said which rows it wrote
    assert model.reloads == reloads  # the 5,000 ids were not queried again
    assert model.updates == 1
    # 20 rows re-read, plus the sort keys of the few neighbours bisected past (log2 5,000 each)
    assert 20 <= model.rows_read - read <= 20 + 20 * 14
    # ... and the list is exactly what a full re-read gives, rows and order alike
    assert model.ids() == _all_ids(ctx, model.filter)
    new = {model.row_of(i) for i in changes.ids("activities")}
    assert sorted(_summary_at(model, r) for r in new) == sorted(
        f"新規の訪問 {i}" for i in range(20)
    )
    assert "5021" in view.count_label.text().replace(",", "")


def test_many_falls_back_to_a_full_reread_and_unshown_entities_are_skipped(qtbot, window, ctx):
    from desktop.app.data.changes import Changes

    bulk_activities(ctx.store, 1_000)
    model = _shown_activities(qtbot, window, 1_000).model
    reloads, updates = model.reloads, model.updates

    ctx.changed(Changes.of({"notes": ["a-note"], "reactions": None}))  # not on this list
    wait_idle(qtbot, ctx)
    assert (model.reloads, model.updates) == (reloads, updates)

    read = model.rows_read
    ctx.changed(Changes.of({"activities": None}))  # too many to list
    qtbot.waitUntil(lambda: model.reloads == reloads + 1 and not model.loading, timeout=10_000)
    ctx.changed(Changes.all())  # not known what
    qtbot.waitUntil(lambda: model.reloads == reloads + 2 and not model.loading, timeout=10_000)
    assert model.rows_read - read >= 2 * 1_000  # every id, twice
    assert model.ids() == _all_ids(ctx, model.filter)


def test_an_edit_is_not_reread_by_the_view_that_made_it_and_others_update(
    qtbot, window, ctx, imported
):
    from desktop.app.models.lazy import LazyTableModel

    view = _shown_activities(qtbot, window, 4)
    model = view.model
    aid = model.row_id(0)
    row = model.data(model.index(0, 0), LazyTableModel.ROW_ROLE)
    page = window.views["customers"].page
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.open_customer(row["company_id"])  # the customer's page shows this visit
    window.show_view("activities")
    read, reloads, updates, loads = model.rows_read, model.reloads, model.updates, page.loads

    view._edit(model.index(0, 0))
    dialog = view._dialog
    qtbot.waitUntil(lambda: dialog.row is not None, timeout=10_000)
    dialog.summary_edit.setPlainText("治具の改善提案（再見積）")
    told = _told(ctx)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10_000)
    wait_idle(qtbot, ctx)

    assert told[-1].ids("activities") == {aid} and told[-1].origin is view
    # the Activities list shows the edit without reading anything
    assert (model.rows_read, model.reloads, model.updates) == (read, reloads, updates)
    assert _summary_at(model, 0) == "治具の改善提案（再見積）"
    # the customer's page (hidden now) re-reads when shown again, with the edit
    assert page.loads == loads
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.show_view("customers")
    assert page.loads == loads + 1
    assert any(r["summary"] == "治具の改善提案（再見積）" for r in page.timeline.rows())


def test_a_change_to_another_customer_leaves_an_open_page_alone(qtbot, window, ctx, imported):
    from desktop.app.data import edits
    from desktop.app.data.changes import Changes

    ids = [r[0] for r in ctx.store.query("SELECT id FROM companies ORDER BY id")]
    page = window.views["customers"].page
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.open_customer(ids[0])
    loads = page.loads
    other = ctx.store.query("SELECT id FROM activities WHERE company_id != ? LIMIT 1", (ids[0],))
    done: list = []
    ctx.write(
        lambda: edits.update_activity(ctx.store, other[0][0], {"summary": "別のお客様"}),
        done.append,
    )
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    wait_idle(qtbot, ctx)
    assert page.loads == loads  # checked by id: not this customer's visit

    mine = ctx.store.query("SELECT id FROM activities WHERE company_id = ?", (ids[0],))[0][0]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        ctx.changed(Changes.of({"activities": [mine]}))
    assert page.loads == loads + 1


def test_a_manual_merge_updates_the_customer_list_in_place(qtbot, window, ctx, imported):
    from desktop.app.data.customers import customer_ids
    from desktop.app.data.manual_merge import merge_chosen

    view = window.show_view("customers")
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() == 4 and not model.loading, timeout=10_000)
    keep, other = model.ids()[0], model.ids()[1]
    reloads, told, done = model.reloads, _told(ctx), []
    ctx.write(lambda: merge_chosen(ctx.store, "companies", keep, other, []), done.append)
    qtbot.waitUntil(lambda: bool(done) and model.rowCount() == 3, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert other in told[-1].ids("companies")  # the merge said which customer went
    assert told[-1].ids("activities")  # and which visits moved to the kept one
    assert model.reloads == reloads and model.updates >= 1  # placed, not re-read whole
    conn = ctx.connect()
    try:
        assert model.ids() == customer_ids(conn)
    finally:
        conn.close()
    visits = model.data(model.index(model.row_of(keep), 3), Qt.ItemDataRole.DisplayRole)
    assert visits == "2"  # the merged-away customer's visit now counts for the kept one
