"""The mapping wizard says which files a layout is for, says when it is saved, and shows values
as the rep reads them (offscreen Qt, the app's own import process, real workbooks)."""

from __future__ import annotations

import datetime as dt

import openpyxl
from PySide6.QtWidgets import QWizard

from tests.app.test_wizards import save_and_close

HEADINGS = ["いつ", "どこへ", "見込み（千円）", "ランク付け", "はなしたこと"]
ROWS = [
    [dt.date(2025, 6, 3), "株式会社サンプル精工", 1200, 0.8, "治具の提案"],
    [dt.date(2025, 6, 4), "見本化成(株)", 350, 0.5, "値上げの説明"],
]


def _workbook(path, headings=HEADINGS, rows=ROWS):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "6月"
    ws.append(["訪問記録"])
    ws.append([])
    ws.append(headings)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _to_columns_page(qtbot, ctx, path):
    from desktop.app.dialogs.mapping import MappingWizard

    wizard = MappingWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.workbook is not None, timeout=30_000)
    wizard.header_page.select_row(2)
    wizard.next()
    page = wizard.columns_page
    for letter, field in zip(
        "ABCDE", ("occurred_on", "company", "amount", "probability", "summary"), strict=True
    ):
        page.set_column(letter, field)
    return wizard


def test_the_columns_page_shows_yen_dates_and_percentages(qtbot, ctx, tmp_path):
    wizard = _to_columns_page(qtbot, ctx, _workbook(tmp_path / "訪問記録_2025年6月.xlsx"))
    # the sheet grid reads dates as a Japanese rep writes them
    assert wizard.header_page.grid.index(3, 0).data() == "2025/06/03"
    samples = wizard.columns_page.samples
    assert samples["A"].text() == "例: 2025/06/03、2025/06/04"
    # 千円 in the heading scales the figures: what Genba will store, in yen
    assert samples["C"].text() == "例: ¥1,200,000、¥350,000"
    assert samples["D"].text() == "例: 80%、50%"
    assert samples["B"].text() == "例: 株式会社サンプル精工、見本化成(株)"
    # the sample follows the field chosen: not imported, the cell reads as in Excel
    wizard.columns_page.set_column("C", None)
    assert samples["C"].text() == "例: 1200、350"
    wizard.columns_page.set_column("C", "amount")
    wizard.run_preview()
    qtbot.waitUntil(lambda: (wizard.last_preview or {}).get("count") == 2, timeout=10_000)
    preview = wizard.columns_page.preview
    assert [preview.index(0, c).data() for c in (0, 5, 6)] == [
        "2025/06/03(火)",
        "¥1,200,000",
        "80%",
    ]


def test_the_save_page_says_what_the_layout_is_used_for_and_confirms_it(
    qtbot, ctx, store, tmp_path
):
    from importers.pipeline import ReportImporter
    from importers.profiles import load_profile

    path = _workbook(tmp_path / "訪問記録_2025年6月.xlsx")
    _workbook(tmp_path / "訪問記録_2025年7月.xlsx", rows=ROWS[:1])
    _workbook(tmp_path / "別の表.xlsx")
    wizard = _to_columns_page(qtbot, ctx, path)
    wizard.next()
    page = wizard.save_page
    assert wizard.currentPage() is page
    # what profiles.py matches: the heading row (any name), and the file-name pattern
    assert page.subTitle().startswith(
        "最初のシートに同じ見出し行（いつ | どこへ | 見込み（千円） | ランク付け | はなしたこと）"
        "があるブックには、ファイル名に関係なくこの設定を使います"
    )
    assert page.match_edit.text() == "訪問記録_*.xlsx"  # next month's name, not only this one
    assert page.matching_label.text() == (
        "このフォルダで合うファイル: 訪問記録_2025年6月.xlsx、訪問記録_2025年7月.xlsx"
    )
    page.match_edit.setText("日報_*.xlsx")
    assert (
        page.matching_label.text() == "このフォルダには、まだパターンに合うファイルがありません。"
    )
    page.match_edit.setText("")  # a table's layout is still found by its heading row
    assert page.isComplete()
    assert page.matching_label.text() == (
        "ファイル名のパターンがありません。見出し行が同じブックにだけ使います。"
    )
    page.match_edit.setText("訪問記録_*.xlsx")
    assert not page.saved_label.isVisible()

    save_and_close(qtbot, wizard)
    text = page.saved_label.text()
    assert text.splitlines() == [
        f"設定「訪問記録_2025年6月」を保存しました（{wizard.profile_path.name}）。",
        "これからは、名前が 訪問記録_*.xlsx に合うファイルと、見出し行が「いつ | どこへ | "
        "見込み（千円） | ランク付け | はなしたこと」のブック（ファイル名は問いません）を"
        "この設定で読み込みます。",
        "取り込み完了: 新規 2件、更新 0件",
    ]
    profile = load_profile(wizard.profile_path)
    assert profile.match == ["訪問記録_*.xlsx"] and profile.headings == HEADINGS
    # next month's file is read with it
    out = ReportImporter(store, rep="山本").import_file(tmp_path / "訪問記録_2025年7月.xlsx")
    assert out.status == "imported" and out.added == 1
    amounts = store.query("SELECT amount_jpy FROM activities ORDER BY occurred_on")
    assert [r[0] for r in amounts] == [1_200_000, 1_200_000, 350_000]


def test_a_layout_that_cannot_be_saved_says_so_and_keeps_the_wizard_open(qtbot, ctx, tmp_path):
    path = _workbook(tmp_path / "訪問記録_2025年6月.xlsx")
    (ctx.data_dir / "profiles").write_text("a file where the profiles folder should be")
    wizard = _to_columns_page(qtbot, ctx, path)
    wizard.next()
    page = wizard.save_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    finish.click()
    qtbot.waitUntil(lambda: page.result_label.text().startswith("設定を保存できませんでした"))
    assert wizard.isVisible() and not page.done and not page.saved_label.isVisible()
    assert finish.isEnabled()


def test_a_forms_layout_is_matched_by_file_name_only(qtbot, ctx, tmp_path):
    from desktop.app.dialogs.mapping import MappingWizard
    from tests.app.test_wizards import _own_words_form

    wizard = MappingWizard(ctx, _own_words_form(tmp_path / "訪問メモ_山本_2025年11月.xlsx"))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.workbook is not None, timeout=30_000)
    wizard.header_page.form_radio.setChecked(True)
    wizard.next()
    wizard.labels_page.set_label(2, 0, "company")
    wizard.next()
    page = wizard.save_page
    assert page.subTitle() == (
        "下のパターンに名前が合うファイルにこの設定を使います。"
        "保存すると、このブックをもう一度取り込みます。"
    )
    assert page.match_edit.text() == "訪問メモ_山本_*.xlsx"
    # no heading row to match: without a pattern the layout would be used for no file
    page.match_edit.setText("")
    assert not page.isComplete()
    assert page.matching_label.text() == (
        "ファイル名のパターンを入力してください。この設定はファイル名で選ばれます。"
    )
    page.match_edit.setText("訪問メモ_*.xlsx")
    assert page.isComplete()


def test_a_forms_stray_cells_are_a_problem_with_the_wizard_one_click_away(
    qtbot, window, store, tmp_path
):
    from importers.pipeline import ReportImporter

    path = tmp_path / "訪問報告_2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月2日"
    for ref, value in {
        "A1": "日付",
        "B1": dt.date(2025, 4, 2),
        "A3": "訪問先",
        "B3": "株式会社サンプル精工",
        "A4": "内容",
        "B4": "見積依頼",
        "A6": "訪問先",
        "A7": "【同行者】",
        "B7": "鈴木部長（自社）",
    }.items():
        ws[ref] = value
    wb.save(path)
    ReportImporter(store, rep="山本").import_file(path)
    view = window.views["problems"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("problems")
    (row,) = [view.issues.row(i) for i in range(view.issues.rowCount())]
    assert row["code"] == "form_stray" and "【同行者】（B7）" in row["message"]
    view.issues_view.selectRow(0)
    assert view.map_button.isEnabled()
    view.map_button.click()
    wizard = window._mapping
    qtbot.waitUntil(lambda: wizard.workbook is not None, timeout=30_000)
    assert wizard.path == path
    wizard.reject()
