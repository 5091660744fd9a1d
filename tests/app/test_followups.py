"""Today can be cleared: follow-ups done, snoozed, dismissed (synced field changes), old ones aged
out by a rule Today states, import problems dealt with until the count is zero."""

from __future__ import annotations

import datetime as dt

from desktop.app.data.followups import AGE_DAYS, set_followup
from desktop.app.data.problems import dismiss_issues, import_problems
from desktop.app.data.today import aged_followups, followups, problem_counts
from tests.app.conftest import wait_idle

TODAY = dt.date(2025, 4, 25)


def _due(store):
    return {d["next_action"]: d for d in followups(store.reader(), TODAY)}


def test_done_dismissed_and_snoozed_follow_ups_leave_today(store, imported):
    due = _due(store)
    assert set(due) == {"4/8 見積提示", "4/20 対策効果の確認"}
    done_id = due["4/8 見積提示"]["id"]
    before = store.query("SELECT count(*) FROM changes WHERE acked = 0")[0][0]
    assert set_followup(store, done_id, "done") == ["followup_state", "followup_date"]
    # A field change through the store: it is in the outbox, so it syncs to the team.
    sent = store.query(
        "SELECT field, value FROM changes WHERE row_id = ? AND field LIKE 'followup%'", (done_id,)
    )
    assert {(r[0], r[1]) for r in sent} == {
        ("followup_state", "done"),
        ("followup_date", "2025-04-08"),
    }
    assert store.query("SELECT count(*) FROM changes WHERE acked = 0")[0][0] == before + 2
    assert set(_due(store)) == {"4/20 対策効果の確認"}

    other = due["4/20 対策効果の確認"]["id"]
    set_followup(store, other, "snoozed", TODAY + dt.timedelta(days=7))
    assert _due(store) == {}
    later = followups(store.reader(), TODAY + dt.timedelta(days=7))
    assert [d["id"] for d in later] == [other]  # back on the snooze's day
    set_followup(store, other, "dismissed")
    assert followups(store.reader(), TODAY + dt.timedelta(days=7)) == []


def test_a_new_due_date_brings_a_done_follow_up_back(store, imported):
    from desktop.app.data.edits import update_activity

    aid = _due(store)["4/8 見積提示"]["id"]
    set_followup(store, aid, "done")
    assert "4/8 見積提示" not in _due(store)
    update_activity(store, aid, {"next_action_due": "2025-04-22"})
    assert aid in {d["id"] for d in _due(store).values()}


def test_old_follow_ups_age_out_and_are_counted(store, imported):
    far = TODAY + dt.timedelta(days=AGE_DAYS + 10)
    assert followups(store.reader(), far) == []
    assert aged_followups(store.reader(), far) == 2
    assert aged_followups(store.reader(), TODAY) == 0


def test_import_problems_can_be_dealt_with_until_none_is_left(store, tmp_path):
    from importers.pipeline import ReportImporter
    from tests.helpers.workbooks import table_workbook

    bad = table_workbook(
        tmp_path / "日報_壊れ.xlsx",
        {"4月": [["2025/13/45", "株式会社テスト", "田中", "内容", None, "未定", None]]},
    )
    ReportImporter(store, rep="山本").import_file(bad)
    issues = import_problems(store.reader())
    assert issues
    assert problem_counts(store.reader())["issues"] == len(issues)
    assert dismiss_issues(store, [i["id"] for i in issues]) == len(issues)
    assert import_problems(store.reader()) == []
    assert problem_counts(store.reader())["issues"] == 0


def test_today_buttons_answer_the_selected_follow_up(qtbot, window, ctx, store, imported):
    today = window.views["today"]
    today._today = TODAY
    with qtbot.waitSignal(today.loaded, timeout=5000):
        window.show_view("today")
        today.refresh()
    assert today.followups.rowCount() == 2
    assert not today.done_button.isEnabled()  # nothing selected
    assert "90" in today.age_label.text()
    today.followups_view.selectRow(0)
    assert today.done_button.isEnabled()
    with qtbot.waitSignal(today.loaded, timeout=5000):
        today.done_button.click()
        wait_idle(qtbot, ctx)
    assert today.followups.rowCount() == 1
    assert today.stat_followups.number.text() == "1"
    today.followups_view.selectRow(0)
    with qtbot.waitSignal(today.loaded, timeout=5000):
        today.snooze_selected(7)
        wait_idle(qtbot, ctx)
    assert today.followups.rowCount() == 0
    assert today.stat_followups.number.text() == "0"


def test_today_marks_a_file_that_gave_nothing(qtbot, window, ctx, store, tmp_path):
    from importers.pipeline import ReportImporter

    bomb = tmp_path / "日報_壊れ.xlsx"
    bomb.write_bytes(b"PK\x03\x04 not a workbook")
    empty = tmp_path / "日報_空.csv"
    empty.write_text("日付,訪問先,内容\n", "utf-8")
    for path in (bomb, empty):
        ReportImporter(store, rep="山本").import_file(path)
    today = window.views["today"]
    with qtbot.waitSignal(today.loaded, timeout=5000):
        window.show_view("today")
        today.refresh()
    items = {
        today.imported_files.index(i, 0).data(): today.imported_files.index(i, 1).data()
        for i in range(today.imported_files.rowCount())
    }
    assert items["日報_壊れ.xlsx"] == "読み込めません"
    assert items["日報_空.csv"] == "訪問なし・「問題」を確認"
