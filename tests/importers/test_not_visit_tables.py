"""Tables that are not visits are refused with what Genba saw; a header with no visits is a problem."""

import datetime as dt

import pytest

from tests.importers.conftest import activities
from tests.importers.test_heading_variants import write_table

D = dt.date(2025, 4, 2)

TABLES = {
    "invoice": (
        ["日付", "品名", "数量", "単価", "金額", "備考"],
        [[D, "シャフト φ20", 10, 1200, 12000, None], [D, "治具 A型", 2, 35000, 70000, "特急"]],
        "請求書・見積書",
    ),
    "price_list": (
        ["品番", "品名", "仕様", "定価", "備考"],
        [["SH-20", "シャフト", "φ20", 1200, None], ["JG-A", "治具", "A型", 35000, "受注生産"]],
        "価格表・商品一覧",
    ),
    "contacts": (
        ["会社名", "部署", "役職", "氏名", "メールアドレス", "電話番号"],
        [["株式会社サンプル精工", "購買部", "課長", "青木", "aoki@example.jp", "03-1234-5678"]],
        "連絡先の一覧",
    ),
    "pivot": (
        ["行ラベル", "合計 / 金額", "内容"],
        [["株式会社サンプル精工", 1200000, None], ["総計", 1200000, None]],
        "集計表（ピボット）",
    ),
}


@pytest.mark.parametrize("kind", sorted(TABLES))
def test_a_table_that_is_not_visits_is_refused_saying_what_it_saw(kind, tmp_path, store, importer):
    header, rows, said = TABLES[kind]
    out = importer.import_file(write_table(tmp_path / f"{kind}.xlsx", header, rows))
    assert out.status == "failed"
    (problem,) = out.issues
    assert problem.code == "not_visits"
    assert said in problem.message and header[1] in problem.message
    assert "日付の列と訪問先（顧客）の列が必要です" in problem.message
    assert activities(store) == []
    row = store.query("SELECT status, message FROM sources")[0]
    assert row["status"] == "error" and said in row["message"]


def test_refusal_in_english(tmp_path, store):
    from importers.pipeline import ReportImporter

    header, rows, _ = TABLES["invoice"]
    out = ReportImporter(store, lang="en").import_file(
        write_table(tmp_path / "i.xlsx", header, rows)
    )
    assert "an invoice" in out.issues[0].message and "a date column" in out.issues[0].message


def test_a_visit_table_with_contact_columns_is_still_visits(tmp_path, store, importer):
    path = write_table(
        tmp_path / "日報_2025.xlsx",
        ["日付", "訪問先", "面談者", "役職", "電話番号", "内容"],
        [[D, "株式会社サンプル精工", "青木", "課長", "03-1234-5678", "治具の提案"]],
    )
    out = importer.import_file(path)
    assert out.status == "imported" and out.added == 1


def test_a_visit_table_with_product_columns_is_still_visits(tmp_path, store, importer):
    path = write_table(
        tmp_path / "日報_2025.xlsx",
        ["日付", "訪問先", "品名", "数量", "金額", "内容"],
        [[D, "株式会社サンプル精工", "シャフト", 10, 12000, "見積提示"]],
    )
    out = importer.import_file(path)
    assert out.status == "imported" and out.added == 1
    (a,) = activities(store)
    assert a["amount_jpy"] == 12000 and "シャフト" in a["extras"]


def test_a_card_export_with_a_date_column_is_refused_as_contacts(tmp_path, store, importer):
    header = [
        "会社名",
        "部署名",
        "役職",
        "姓",
        "名",
        "e-mail",
        "郵便番号",
        "住所",
        "TEL会社",
        "名刺交換日",
    ]
    row = ["株式会社サンプル精工", "購買部", "課長", "青木", "一郎", "a@example.jp", "100-0001"]
    out = importer.import_file(
        write_table(tmp_path / "eight.xlsx", header, [[*row, "東京", "03", D]])
    )
    assert out.status == "failed" and "連絡先の一覧" in out.issues[0].message


def test_a_header_with_no_visits_is_a_visible_problem(tmp_path, store, importer):
    out = importer.import_file(
        write_table(tmp_path / "日報_2025.xlsx", ["日付", "訪問先", "内容", "金額"], [])
    )
    assert out.status == "imported" and out.added == 0
    (problem,) = [i for i in out.issues if i.code == "header_no_rows"]
    assert problem.severity == "warning" and "4月" in problem.message and "3行目" in problem.message
    # it is shown: Today and Problems list every issue that is not 'info'
    assert store.query("SELECT count(*) FROM import_issues WHERE severity != 'info'")[0][0] == 1


def test_an_empty_month_sheet_beside_written_ones_is_not_a_problem(tmp_path, store, importer):
    import openpyxl

    wb = openpyxl.Workbook()
    april = wb.active
    april.title = "4月"
    may = wb.create_sheet("5月")
    for ws in (april, may):
        for c, h in enumerate(["日付", "訪問先", "内容"]):
            ws.cell(row=1, column=c + 1, value=h)
    for c, v in enumerate([D, "A社", "提案"]):
        april.cell(row=2, column=c + 1, value=v)
    wb.save(tmp_path / "日報_2025.xlsx")
    out = importer.import_file(tmp_path / "日報_2025.xlsx")
    assert out.added == 1
    assert all(i.severity == "info" for i in out.issues if i.code == "header_no_rows")


def test_no_header_message_names_the_headings_it_did_see(tmp_path, store, importer):
    # 日付 is there; nothing else on its row names a field Genba knows.
    path = write_table(
        tmp_path / "日報_2025.xlsx", ["日付", "天気", "気温"], [[D, "晴れ", 21], [D, "雨", 18]]
    )
    out = importer.import_file(path)
    assert out.status == "failed"
    message = out.issues[0].message
    assert "日付（4月!A3）" in message, message
    assert "日付・訪問先（顧客）・内容" in message
