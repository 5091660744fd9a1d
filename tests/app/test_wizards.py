"""The first-run wizard end to end, and the mapping wizard on a workbook with unknown headings."""

from __future__ import annotations

import datetime as dt
import os

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.app.conftest import VISITS, wait_idle


def test_first_run_wizard_imports_and_lands_on_today(qtbot, data_dir, report, monkeypatch):
    from desktop.app.application import GenbaApp
    from importers.settings import Settings

    genba = GenbaApp(data_dir, tray=False)
    try:
        assert genba.needs_first_run()
        genba.start(services=False)
        wizard = genba.wizard
        qtbot.addWidget(wizard)
        qtbot.waitExposed(wizard)
        qtbot.keyClicks(wizard.welcome.name_edit, "Yamamoto")  # keyClicks is ASCII only
        wizard.welcome.name_edit.setText("山本 太郎")  # as an IME commits it
        wizard.next()
        wizard.folders.reports.edit.setText(str(report.parent))
        wizard.next()
        wizard.next()  # no server: Genba works offline
        page = wizard.import_page
        qtbot.waitUntil(lambda: page.done, timeout=15_000)
        assert page.summary.added == 4
        assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
        today = genba.window.views["today"]
        with qtbot.waitSignal(today.loaded, timeout=5000):
            wizard.button(QWizard.WizardButton.FinishButton).click()
        assert genba.window.isVisible()
        assert genba.window.current_view_name() == "today"
        qtbot.waitUntil(lambda: today.stat_imported.number.text() == "4", timeout=5000)
        settings = Settings.load(data_dir)
        assert settings.user_name == "山本 太郎"
        assert settings.report_folders == [str(report.parent)]
        wait_idle(qtbot, genba.ctx)
    finally:
        genba.dispose()


def save_and_close(qtbot, wizard):
    """Finish saves and imports, and the page says so; Finish (now 閉じる) then closes."""
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    with qtbot.waitSignal(wizard.saved, timeout=10_000):
        finish.click()
    assert wizard.isVisible() and wizard.save_page.saved_label.isVisible()
    assert wizard.save_page.saved_label.text().startswith("設定「")
    assert finish.text() == "閉じる" and finish.isEnabled()
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        finish.click()


def _unknown_headings_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月"
    ws.append(["訪問記録"])
    ws.append([])
    ws.append(["いつ", "どこへ", "はなしたこと"])
    for v in VISITS:
        ws.append([v[0], v[1], v[3]])
    wb.save(path)
    return path


def test_mapping_wizard_saves_a_profile_and_reimports(qtbot, ctx, store, tmp_path):
    from desktop.app.dialogs.mapping import MappingWizard
    from importers.pipeline import ReportImporter
    from importers.profiles import load_profile

    path = _unknown_headings_workbook(tmp_path / "訪問記録_2025.xlsx")
    first = ReportImporter(store, rep="山本").import_file(path)
    assert first.status == "failed" and first.issues[0].code == "no_header"

    wizard = MappingWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.workbook is not None, timeout=5000)
    assert wizard.header_page.grid.index(2, 1).data() == "どこへ"
    wizard.header_page.select_row(2)
    assert wizard.header_page.isComplete()
    wizard.next()
    assert set(wizard.columns_page.combos) == {"A", "B", "C"}
    for letter, field in (("A", "occurred_on"), ("B", "company"), ("C", "summary")):
        wizard.columns_page.set_column(letter, field)
    wizard.run_preview()
    qtbot.waitUntil(lambda: (wizard.last_preview or {}).get("count") == 4, timeout=5000)
    # Read and previewed in the import process: parsing never holds this process's GIL.
    assert ctx.imports.last_pid not in (None, os.getpid())
    assert wizard.columns_page.preview.rowCount() == 4
    assert wizard.columns_page.preview.row(0)["company"] == "株式会社サンプル精工"
    wizard.next()
    save_and_close(qtbot, wizard)
    profile = load_profile(wizard.profile_path)
    assert profile.header_row == 3 and profile.columns["B"] == "company"
    assert wizard.save_page.outcome.added == 4
    assert store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0] == 4
    assert store.query("SELECT count(*) FROM import_issues WHERE code = 'no_header'")[0][0] == 0
    assert dt.date.fromisoformat(store.query("SELECT min(occurred_on) FROM activities")[0][0])


def test_mapping_wizard_on_an_unreadable_file_says_why(qtbot, ctx, tmp_path):
    from desktop.app.dialogs.mapping import MappingWizard

    path = tmp_path / "営業日報_壊れた.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    wizard = MappingWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.workbook is not None, timeout=30_000)
    page = wizard.header_page
    assert page.sheet_combo.count() == 0 and not page.isComplete()
    assert page.chosen.objectName() == "errorBadge"
    assert "ブックが壊れているか" in page.chosen.text()


def test_mapping_preview_without_columns_asks_for_one(qtbot, ctx, tmp_path):
    from desktop.app.dialogs.mapping import MappingWizard

    path = _unknown_headings_workbook(tmp_path / "訪問記録_2025.xlsx")
    wizard = MappingWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.workbook is not None, timeout=30_000)
    wizard.header_page.select_row(2)
    wizard.next()
    for letter in ("A", "B", "C"):
        wizard.columns_page.set_column(letter, None)
    wizard.run_preview()
    qtbot.waitUntil(lambda: wizard.last_preview is not None, timeout=5000)
    assert wizard.last_preview["count"] == 0
    assert wizard.columns_page.preview_label.text() == "少なくとも1つの列に項目を選んでください。"


def test_mapping_wizard_profile_keeps_every_month_sheet_and_skips_the_summary(
    qtbot, ctx, store, tmp_path
):
    """A fiscal-year workbook gains a month sheet every month: the profile names none, it skips
    only the sheets without the chosen headings (集計)."""
    from desktop.app.dialogs.mapping import MappingWizard

    path = tmp_path / "訪問記録_2025年度.xlsx"
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for month, visits in (("4月", VISITS[:2]), ("5月", VISITS[2:])):
        ws = wb.create_sheet(month)
        ws.append(["訪問記録"])
        ws.append([])
        ws.append(["いつ", "どこへ", "はなしたこと"])
        for v in visits:
            ws.append([v[0].replace(month=4 if month == "4月" else 5), v[1], v[3]])
    total = wb.create_sheet("集計")
    total.append(["月", "件数"])
    total.append(["4月", 2])
    wb.save(path)

    wizard = MappingWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.workbook is not None, timeout=30_000)
    wizard.header_page.select_row(2)
    wizard.next()
    for letter, field in (("A", "occurred_on"), ("B", "company"), ("C", "summary")):
        wizard.columns_page.set_column(letter, field)
    profile = wizard.profile()
    assert profile.sheets == [] and profile.skip_sheets == ["集計"]
    wizard.run_preview()
    qtbot.waitUntil(lambda: (wizard.last_preview or {}).get("count") == 4, timeout=10_000)
    wizard.next()
    save_and_close(qtbot, wizard)
    months = store.query("SELECT DISTINCT substr(occurred_on, 6, 2) FROM activities ORDER BY 1")
    assert [m[0] for m in months] == ["04", "05"]


def _own_words_form(path):
    """A form in a rep's own words: none of its labels is in the shipped synonyms."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for day, visits in (
        (
            "11月20日",
            [("株式会社サンプル精工", "治具の改善提案。"), ("見本化成(株)", "値上げの説明。")],
        ),
        ("11月21日", [("㈱テスト工業", "バリ不良の報告。")]),
    ):
        ws = wb.create_sheet(day)
        ws["A1"], ws["B1"] = "訪問した日", dt.date(2025, 11, int(day[3:5]))
        r = 3
        for company, talk in visits:
            ws.cell(row=r, column=1, value="お伺い先")
            ws.cell(row=r, column=2, value=company)
            ws.cell(row=r + 1, column=1, value="打合せの中身")
            ws.cell(row=r + 1, column=2, value=talk)
            r += 3
    wb.save(path)
    return path


def test_mapping_wizard_names_the_label_cells_of_a_form(qtbot, ctx, store, tmp_path):
    from desktop.app.dialogs.mapping import MappingWizard
    from desktop.app.dialogs.mapping_parts import KNOWN_LABEL, OWN_LABEL
    from importers.pipeline import ReportImporter
    from importers.profiles import load_profile

    path = _own_words_form(tmp_path / "訪問メモ_山本.xlsx")
    assert ReportImporter(store, rep="山本").import_file(path).status == "failed"

    wizard = MappingWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.workbook is not None, timeout=30_000)
    wizard.header_page.form_radio.setChecked(True)
    assert wizard.header_page.isComplete()
    wizard.next()
    page = wizard.labels_page
    assert wizard.currentPage() is page
    # Click B3's neighbour A3 「お伺い先」: the field chooser offers to name it.
    page.view.setCurrentIndex(page.grid.index(2, 0))
    assert "A3" in page.cell_label.text() and "お伺い先" in page.cell_label.text()
    page.field_combo.setCurrentIndex(page.field_combo.findData("company"))
    page.assign_current()
    page.set_label(3, 0, "summary")  # 打合せの中身
    page.set_label(0, 0, "occurred_on")  # 訪問した日
    assert page.labels() == {
        "お伺い先": "company",
        "打合せの中身": "summary",
        "訪問した日": "occurred_on",
    }
    assert page.grid.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) == OWN_LABEL
    assert page.grid.index(2, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "「お伺い先」→" in page.own_label.text()
    qtbot.waitUntil(lambda: (wizard.last_preview or {}).get("count") == 3, timeout=10_000)
    assert page.preview.rowCount() == 3 and page.preview.row(0)["company"] == "株式会社サンプル精工"
    # Un-naming a label takes it out again.
    page.set_label(3, 0, None)
    assert "打合せの中身" not in page.labels()
    page.set_label(3, 0, "summary")
    wizard.next()
    save_and_close(qtbot, wizard)
    profile = load_profile(wizard.profile_path)
    assert profile.layout == "form" and profile.labels["お伺い先"] == "company"
    assert profile.sheets == [] and profile.header_row is None
    got = store.query(
        "SELECT occurred_on, company_name_raw, summary FROM activities ORDER BY occurred_on, summary"
    )
    assert [tuple(r) for r in got] == [
        ("2025-11-20", "見本化成(株)", "値上げの説明。"),
        ("2025-11-20", "株式会社サンプル精工", "治具の改善提案。"),
        ("2025-11-21", "㈱テスト工業", "バリ不良の報告。"),
    ]
    assert KNOWN_LABEL != OWN_LABEL


def test_first_run_needs_a_report_folder_says_a_wrong_one_and_counts_visits_and_cards(
    qtbot, data_dir, report, tmp_path
):
    from PySide6.QtWidgets import QWizard

    from desktop.app.application import GenbaApp

    cards = tmp_path / "名刺"
    cards.mkdir()
    (cards / "card.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:田村 一郎\r\nN:田村;一郎;;;\r\nORG:山田製作所\r\n"
        "TEL;TYPE=WORK:052-111-2233\r\nEND:VCARD\r\n",
        "utf-8",
    )
    genba = GenbaApp(data_dir, tray=False)
    try:
        genba.start(services=False)
        wizard = genba.wizard
        qtbot.addWidget(wizard)
        wizard.welcome.name_edit.setText("山本 太郎")
        wizard.next()
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert not next_button.isEnabled()  # no report folder yet
        wizard.folders.reports.edit.setText(str(tmp_path / "ない"))
        assert next_button.isEnabled()
        wizard.next()
        assert wizard.currentPage() is wizard.folders  # not found: stays, and says so
        assert "見つかりません" in wizard.folders.error.text()
        assert wizard.folders.error.objectName() == "warnBadge"
        wizard.folders.reports.edit.setText(str(report.parent))
        wizard.folders.cards.edit.setText(str(cards))
        wizard.next()
        wizard.next()
        page = wizard.import_page
        qtbot.waitUntil(lambda: page.done, timeout=15_000)
        assert "訪問 4件" in page.status.text() and "名刺 1枚" in page.status.text()
        assert "読み込んでいます" not in page.title()
        wait_idle(qtbot, genba.ctx)
    finally:
        genba.dispose()
