"""A form block that names no customer is not a visit, but what the rep wrote in it is never
dropped: it is kept as extra fields of the nearest visit and named in a visible problem."""

import datetime as dt

import openpyxl

from importers.extras import parse_extras
from importers.pipeline import ReportImporter
from tests.importers.conftest import activities

D = dt.date(2025, 4, 2)


def _form(path, cells):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月2日"
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(path)
    return path


def _shown(store):
    """What Today counts and Problems lists: every stored issue that is not 'info'."""
    return [
        (r["code"], r["message"])
        for r in store.query("SELECT code, message FROM import_issues WHERE severity != 'info'")
    ]


def test_an_unused_block_with_unknown_labels_is_kept_on_the_visit_before_it(
    tmp_path, store, importer
):
    path = _form(
        tmp_path / "訪問報告_2025.xlsx",
        {
            "A1": "日付",
            "B1": D,
            "A3": "訪問先",
            "B3": "株式会社サンプル精工",
            "A4": "内容",
            "B4": "見積依頼",
            "A6": "訪問先",  # the template's second block: the rep left the customer blank
            "A7": "【同行者】",
            "B7": "鈴木部長（自社）",
            "A8": "■持参資料：",
            "B8": "カタログ",
            "A9": "金額",
            "B9": 1200000,
        },
    )
    out = importer.import_file(path)
    (a,) = activities(store)
    assert a["company_name_raw"] == "株式会社サンプル精工" and a["summary"] == "見積依頼"
    assert parse_extras(a["extras"]) == [
        {"heading": "【同行者】", "value": "鈴木部長（自社）", "column": "B7"},
        {"heading": "■持参資料：", "value": "カタログ", "column": "B8"},
        {"heading": "金額", "value": "1200000", "column": "B9"},
    ]
    # the amount of a block with no customer is not the first visit's amount
    assert a["amount_jpy"] is None
    (problem,) = [i for i in out.issues if i.code == "form_stray"]
    assert problem.severity == "warning" and problem.location == "4月2日!B7"
    assert problem.message == (
        "シート「4月2日」で、訪問先が空欄の欄に3項目が書かれていました（【同行者】（B7）、"
        "■持参資料：（B8）、金額（B9））。消さずに「株式会社サンプル精工」の活動の「その他の項目」"
        "として残しています。別の訪問の内容なら訪問先を記入し、意味の分からない項目は"
        "マッピングウィザードで指定してください。"
    )
    # one problem for these cells, not a second "labels not understood" about the same cells
    assert [code for code, _m in _shown(store)] == ["form_stray"]


def test_a_block_above_the_first_visit_joins_the_visit_after_it(tmp_path, store, importer):
    path = _form(
        tmp_path / "訪問報告_2025.xlsx",
        {
            "A1": "日付",
            "B1": D,
            "A3": "訪問先",
            "A4": "≪競合≫",
            "B4": "A社が先行",
            "A6": "訪問先",
            "B6": "見本化成(株)",
            "A7": "内容",
            "B7": "値上げの説明",
        },
    )
    out = importer.import_file(path)
    (a,) = activities(store)
    assert a["company_name_raw"] == "見本化成(株)"
    assert parse_extras(a["extras"]) == [
        {"heading": "≪競合≫", "value": "A社が先行", "column": "B4"}
    ]
    assert [i.code for i in out.issues if i.severity != "info"] == ["form_stray"]


def test_a_later_insight_box_and_its_cells_join_the_last_visit(tmp_path, store, importer):
    path = _form(
        tmp_path / "訪問報告_2025.xlsx",
        {
            "A1": "日付",
            "B1": D,
            "A3": "訪問先",
            "B3": "㈱テスト工業",
            "A4": "内容",
            "B4": "バリ不良の報告",
            "A5": "所感",
            "B5": "品質の話が多い",
            "A7": "訪問先",
            "A8": "所感",
            "B8": "次は工場長に会う",
            "A9": "【駐車場】",
            "B9": "なし",
        },
    )
    importer.import_file(path)
    (a,) = activities(store)
    assert a["insight"] == "品質の話が多い\n次は工場長に会う"  # the second box is not dropped
    assert parse_extras(a["extras"]) == [{"heading": "【駐車場】", "value": "なし", "column": "B9"}]


def test_a_sheet_with_no_visit_names_what_it_did_not_import(tmp_path, store, importer):
    path = _form(
        tmp_path / "訪問報告_2025.xlsx",
        {
            "A1": "日付",
            "B1": D,
            "A3": "訪問先",
            "A4": "【同行者】",
            "B4": "鈴木部長（自社）",
        },
    )
    out = importer.import_file(path)
    assert activities(store) == []
    (problem,) = [i for i in out.issues if i.code == "form_stray"]
    assert problem.severity == "warning" and problem.location == "4月2日!B4"
    assert problem.message.startswith(
        "シート「4月2日」の1項目（【同行者】（B4））は、訪問先が書かれていないため"
    )
    assert "form_stray" in [code for code, _m in _shown(store)]


def test_the_problem_in_english(tmp_path, store):
    path = _form(
        tmp_path / "visit_report_2025.xlsx",
        {"A1": "日付", "B1": D, "A3": "訪問先", "B3": "A社", "A4": "内容", "B4": "x"}
        | {"A6": "訪問先", "A7": "【同行者】", "B7": "鈴木"},
    )
    out = ReportImporter(store, rep="山本", lang="en").import_file(path)
    (problem,) = [i for i in out.issues if i.code == "form_stray"]
    assert problem.message == (
        "Sheet 4月2日: 1 item(s) were written in a visit block with no customer (【同行者】 (B7)). "
        "They are kept as extra fields of the A社 activity; if they belong to another visit, fill "
        "in its customer, and name unknown labels in the mapping wizard."
    )
