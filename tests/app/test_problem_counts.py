"""Every count of problems the app shows is the number of rows Problems lists (#17 「問題 9 next
to 8」): Today's figure and its card's lines, the Problems tabs, a file's 「問題を確認」 on Today,
the first-run summary and `genba problems`, through the states a rep's week goes through — bad
cells, stray rows, a workbook that cannot be read, a card with a field that fits no pattern, a
voice memo waiting for a model, info-level notes, a problem marked as dealt with, a re-import, a
copy, a move and a deletion of the workbook, a card checked.

Everything is built with the real importers into the real store and read by the real views
(offscreen); nothing is counted by hand except by reading what the views list."""

from __future__ import annotations

import json
import re
import shutil
import wave
from pathlib import Path

import pytest

from desktop.app.data.problems import dismiss_issues, import_problems
from desktop.commands.listing import list_problems
from importers.pipeline import ReportImporter
from tests.app.conftest import VISITS, wait_idle
from tests.helpers.workbooks import table_workbook

BAD_ROW = ["2025/13/45", "株式会社テスト", "田中", "内容", None, "未定", None]
STRAY_ROW = [None, None, None, None, None, "30万円", None]  # an amount alone under a visit
VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山田 太郎\r\nN:山田;太郎;;;\r\nORG:株式会社山田製作所\r\n"
    "EMAIL:yamada@@example\r\nTEL;TYPE=WORK:03-1234-5678\r\nEND:VCARD\r\n"
)


def _number(text: str) -> int:
    (found,) = re.findall(r"\d+", text)
    return int(found)


def _shown(qtbot, window, ctx) -> dict:
    """What the rep reads on Today and Problems, both views read afresh."""
    today, problems = window.views["today"], window.views["problems"]
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        window.show_view("today")
        today.refresh()
    with qtbot.waitSignal(problems.loaded, timeout=10_000):
        window.show_view("problems")
        problems.refresh()
    wait_idle(qtbot, ctx)
    lines = today.problems_text.text().splitlines()
    issues = [problems.issues.row(i) for i in range(problems.issues.rowCount())]
    return {
        "figure": int(today.stat_problems.number.text().replace(",", "")),
        "card_lines": lines,
        "tabs": [_number(problems.tabs.tabText(i)) for i in range(2)],
        "issues": issues,
        "cards": problems.cards.rowCount(),
        "files": {
            today.imported_files.index(i, 0).data(): today.imported_files.index(i, 1).data()
            for i in range(today.imported_files.rowCount())
        },
    }


def _assert_agree(qtbot, window, ctx, store) -> dict:
    s = _shown(qtbot, window, ctx)
    issues, cards = len(s["issues"]), s["cards"]
    assert s["tabs"] == [issues, cards]
    assert s["figure"] == issues + cards
    if issues + cards == 0:
        assert s["card_lines"] == ["対応が必要な問題はありません。"]
    else:
        assert _number(s["card_lines"][0]) == issues
        assert _number(s["card_lines"][1]) == cards
        failed = {r["source_id"] for r in s["issues"] if r["status"] == "error"}
        if failed:
            assert _number(s["card_lines"][2]) == len(failed)
        else:
            assert len(s["card_lines"]) == 2  # no 「読み込めなかったファイル」 for none listed
    # the same issue is never listed twice (a re-import replaces a file's problems)
    keys = [(r["path"], r["location"], r["code"]) for r in s["issues"]]
    assert len(keys) == len(set(keys))
    # a file Today sends to Problems has rows there
    listed = {Path(r["path"]).name for r in s["issues"]}
    for name, said in s["files"].items():
        if "「問題」を確認" in said:
            assert name in listed, (name, said)
    # `genba problems` lists the same import problems (sync has none here)
    out: list[str] = []
    list_problems(store, as_json=True, out=out.append)
    cli = json.loads(out[0])
    assert sorted((r["path"], r["location"] or "", r["code"]) for r in cli) == sorted(
        (r["path"], r["location"] or "", r["code"]) for r in s["issues"]
    )
    return s


def _silent_wav(path: Path) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16_000)
        w.writeframes(b"\x00\x00" * 16_000)
    return path


@pytest.fixture
def week(tmp_path, store):
    """A rep's folders after a few days: what each kind of problem looks like in the store."""
    reports = tmp_path / "reports"
    reports.mkdir()
    importer = ReportImporter(store, rep="山本")
    workbook = table_workbook(
        reports / "2025年度_営業日報_山本.xlsx",
        {"4月": [VISITS[0], STRAY_ROW, BAD_ROW, *VISITS[1:]], "メモ": []},
    )
    assert importer.import_file(workbook).status == "imported"
    broken = reports / "日報_壊れ.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    assert importer.import_file(broken).status == "failed"
    empty = reports / "日報_空.csv"
    empty.write_text("日付,訪問先,内容\n", "utf-8")
    importer.import_file(empty)
    cards = tmp_path / "名刺"
    cards.mkdir()
    (cards / "山田.vcf").write_text(VCARD, "utf-8")
    assert importer.import_source(cards / "山田.vcf", "cards").status == "imported"
    voice = tmp_path / "voice"
    voice.mkdir()
    importer.import_source(_silent_wav(voice / "2025-04-05 訪問.wav"), "voice")
    return {"importer": importer, "workbook": workbook, "broken": broken, "empty": empty}


def test_every_count_is_the_rows_problems_lists_through_a_week(
    qtbot, window, ctx, store, week, tmp_path
):
    codes = {r["code"] for r in store.query("SELECT code FROM import_issues")}
    # the kinds this test is about are really there
    assert {"row_stray", "bad_date", "truncated", "invalid_email", "voice_no_model"} <= codes
    assert store.query("SELECT count(*) FROM import_issues WHERE severity = 'info'")[0][0]

    s = _assert_agree(qtbot, window, ctx, store)
    # the card's own problem is listed once, with the card (not again as an import problem)
    assert s["cards"] == 1
    assert "invalid_email" not in {r["code"] for r in s["issues"]}
    assert all(r["severity"] != "info" for r in s["issues"])
    assert len(s["card_lines"]) == 3  # the broken workbook: one file that could not be read
    # named as the tab is: a card file's or a voice memo's problems are not 「日報の」
    assert s["card_lines"][0] == f"取り込みの問題 {len(s['issues'])}件"

    # the broken workbook's problem is dealt with: no file "could not be read" is left counted
    broken = [r["id"] for r in import_problems(store.reader()) if r["status"] == "error"]
    dismiss_issues(store, broken)
    s = _assert_agree(qtbot, window, ctx, store)
    assert len(s["card_lines"]) == 2

    # the empty CSV's problem dealt with: Today no longer sends the rep to Problems for it
    empty = [r["id"] for r in import_problems(store.reader()) if r["path"] == str(week["empty"])]
    dismiss_issues(store, empty)
    s = _assert_agree(qtbot, window, ctx, store)
    assert s["files"]["日報_空.csv"] == "訪問なし"

    # the same workbook read again (saved once more): its problems are not doubled
    week["importer"].import_file(week["workbook"], force=True)
    before = _assert_agree(qtbot, window, ctx, store)

    # a copy beside it adds nothing; the workbook moved keeps its problems, once
    workbook = week["workbook"]
    copy = workbook.with_name("コピー - " + workbook.name)
    shutil.copy(workbook, copy)
    week["importer"].import_file(copy)
    assert len(_assert_agree(qtbot, window, ctx, store)["issues"]) == len(before["issues"])
    moved = workbook.with_name("2025年度_営業日報_山本_4月.xlsx")
    copy.unlink()
    workbook.rename(moved)
    assert week["importer"].import_file(moved).status == "moved"
    assert len(_assert_agree(qtbot, window, ctx, store)["issues"]) == len(before["issues"])

    # the workbook deleted: what it brought stays, and so do its problems, counted the same
    moved.unlink()
    assert week["importer"].mark_missing(moved)
    assert len(_assert_agree(qtbot, window, ctx, store)["issues"]) == len(before["issues"])

    # the card checked in the app: it leaves both tabs and the figure, its problem with it
    problems = window.views["problems"]
    problems.cards_view.selectRow(0)
    with qtbot.waitSignal(problems.loaded, timeout=10_000):
        problems.reviewed_button.click()
    s = _assert_agree(qtbot, window, ctx, store)
    assert s["cards"] == 0

    # every problem dealt with: every count says zero
    dismiss_issues(store, [r["id"] for r in import_problems(store.reader())])
    s = _assert_agree(qtbot, window, ctx, store)
    assert s["figure"] == 0 and s["tabs"] == [0, 0]


def test_today_and_problems_agree_after_each_change_they_are_told(qtbot, window, ctx, store, week):
    """Neither view is read again by hand: a dismissal in Problems and an import the app is told
    of reach both, so the figure and the list never stand at 9 and 8."""
    from desktop.app.data.changes import of_outcome

    today, problems = window.views["today"], window.views["problems"]
    _assert_agree(qtbot, window, ctx, store)
    window.show_view("problems")
    problems.issues_view.selectRow(0)
    with qtbot.waitSignals([today.loaded, problems.loaded], timeout=10_000):
        window.show_view("today")  # Today shown: it re-reads as soon as it is told
        problems.dismiss_selected()
    listed = problems.issues.rowCount() + problems.cards.rowCount()
    assert int(today.stat_problems.number.text()) == listed

    bad = table_workbook(week["workbook"].with_name("日報_5月.xlsx"), {"5月": [BAD_ROW]})
    outcome = week["importer"].import_file(bad)
    with qtbot.waitSignals([today.loaded, problems.loaded], timeout=10_000):
        window.data_changed_soon(of_outcome(outcome))
    wait_idle(qtbot, ctx)
    listed_after = problems.issues.rowCount() + problems.cards.rowCount()
    assert listed_after > listed
    assert int(today.stat_problems.number.text()) == listed_after


def test_first_run_counts_the_files_problems_lists(qtbot, data_dir, tmp_path):
    from PySide6.QtWidgets import QWizard

    from desktop.app.application import GenbaApp

    reports = tmp_path / "reports"
    reports.mkdir()
    table_workbook(reports / "日報_4月.xlsx", {"4月": [VISITS[0], BAD_ROW]})
    table_workbook(reports / "日報_5月.xlsx", {"5月": VISITS[1:]})
    (reports / "日報_壊れ.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    genba = GenbaApp(data_dir, tray=False)
    try:
        genba.start(services=False)
        wizard = genba.wizard
        qtbot.addWidget(wizard)
        wizard.welcome.name_edit.setText("山本 太郎")
        wizard.next()
        wizard.folders.reports.edit.setText(str(reports))
        wizard.next()
        wizard.next()
        page = wizard.import_page
        qtbot.waitUntil(lambda: page.done, timeout=30_000)
        wait_idle(qtbot, genba.ctx)
        listed = {r["path"] for r in import_problems(genba.ctx.store.reader())}
        assert len(listed) == 2  # the bad cell's workbook and the broken one
        assert "2ファイルは「問題」で確認が必要です" in page.status.text(), page.status.text()
        assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    finally:
        genba.dispose()
