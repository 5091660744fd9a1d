"""The Problems and Sync pages are told what changed too (desktop.app.data.changes): Problems
re-reads when files' problems, cards or duplicates may have changed (an import, a dismissal), not
for an edit of a visit; Sync re-reads when this PC queued something to send or a sync cycle ended,
not for a pull's rows or a dismissed problem. Real store, real import process, real Qt offscreen."""

from __future__ import annotations

from tests.app.conftest import wait_idle
from tests.helpers.workbooks import table_workbook


def _shown(qtbot, window, name: str):
    view = window.views[name]
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.show_view(name)
    wait_idle(qtbot, window.ctx)
    return view


def test_an_edit_of_a_visit_leaves_problems_alone_and_an_import_with_a_problem_rereads_it(
    qtbot, window, ctx, imported, tmp_path
):
    from desktop.app.data import edits

    problems = _shown(qtbot, window, "problems")
    sync = _shown(qtbot, window, "sync")
    before, synced = problems.refreshes, sync.refreshes
    aid = ctx.store.query("SELECT id FROM activities ORDER BY occurred_on LIMIT 1")[0][0]

    store = ctx.store
    ctx.write(lambda: edits.update_activity(store, aid, {"summary": "治具の改善提案（再見積）"}))
    wait_idle(qtbot, ctx)
    assert problems.refreshes == before  # no problem, card or duplicate can have changed
    assert sync.refreshes == synced + 1  # the edit waits in the outbox: the count changed
    assert "1" in sync.pending_label.text() or "件" in sync.pending_label.text()

    bad = table_workbook(
        tmp_path / "日報.xlsx",
        {"4月": [["2025/13/45", "株式会社サンプル精工", "青木", "訪問", None, "未定", None]]},
    )
    finished: list = []
    window.import_finished.connect(finished.append)
    window.import_dropped([bad])
    qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
    qtbot.waitUntil(lambda: problems.refreshes > before, timeout=10_000)
    qtbot.waitUntil(lambda: problems.issues.rowCount() > 0, timeout=10_000)
    assert any(
        "日報.xlsx" in str(problems.issues.row(i)) for i in range(problems.issues.rowCount())
    )


def test_a_dismissed_problem_rereads_problems_but_not_sync(qtbot, window, ctx, tmp_path):
    from importers.pipeline import ReportImporter

    bad = table_workbook(
        tmp_path / "日報.xlsx",
        {"4月": [["2025/13/45", "株式会社サンプル精工", "青木", "訪問", None, "未定", None]]},
    )
    ReportImporter(ctx.store, rep="山本").import_file(bad)
    problems = _shown(qtbot, window, "problems")
    sync = _shown(qtbot, window, "sync")
    count, before, synced = problems.issues.rowCount(), problems.refreshes, sync.refreshes
    assert count > 0

    problems.issues_view.selectRow(0)
    problems.dismiss_selected()
    qtbot.waitUntil(lambda: problems.issues.rowCount() == count - 1, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert problems.refreshes == before + 1
    assert sync.refreshes == synced  # a dismissal is this PC's bookkeeping: nothing to send


def test_a_pull_leaves_sync_alone_and_the_cycles_report_rereads_it(qtbot, window, ctx):
    from desktop.app.data.changes import PULLED, of_rows

    sync = _shown(qtbot, window, "sync")
    problems = _shown(qtbot, window, "problems")
    synced, before = sync.refreshes, problems.refreshes

    # what a pull of a teammate's note and visit wrote, as the app tells it (application.py)
    ctx.changed(of_rows({"notes": ["n1"], "activities": ["a1"]}, PULLED))
    wait_idle(qtbot, ctx)
    assert (sync.refreshes, problems.refreshes) == (synced, before)

    # the sync cycle ends: its status (BackgroundSync's) says so, and the counts are re-read
    with qtbot.waitSignal(sync.loaded, timeout=10_000):
        ctx.bus.sync_status.emit({"state": "ok", "message": ""})
    assert sync.refreshes == synced + 1
