import datetime as dt

import openpyxl

from tests.helpers.workbooks import table_workbook
from tests.importers.conftest import activities


def test_header_under_title_and_name_block_anywhere(tmp_path, store, importer):
    path = table_workbook(
        tmp_path / "日報_2025.xlsx",
        {
            "4月": [
                [
                    dt.date(2025, 4, 2),
                    "株式会社サンプル精工",
                    "青木課長",
                    "治具の提案",
                    "見積提示",
                    "120万円",
                    "80%",
                ]
            ]
        },
        header_col=3,
    )
    out = importer.import_file(path)
    assert out.status == "imported" and out.added == 1, out.issues
    (a,) = activities(store)
    assert a["occurred_on"] == "2025-04-02"
    assert a["rep"] == "山本"  # the 氏名 block above the header names the rep
    assert a["contact_name"] == "青木" and a["contact_title"] == "課長"
    assert a["amount_jpy"] == 1_200_000 and a["amount_raw"] == "120万円"
    assert a["probability"] == 80
    assert a["source_ref"] == "4月!D6"
    assert a["company_name_raw"] == "株式会社サンプル精工"


def test_configured_rep_unless_a_rep_column(tmp_path, store, importer):
    path = table_workbook(
        tmp_path / "a.xlsx", {"4月": [[dt.date(2025, 4, 2), "A社", None, "x"]]}, rep_block=None
    )
    importer.import_file(path)
    assert activities(store)[0]["rep"] == "設定の担当"
    path2 = table_workbook(
        tmp_path / "b.xlsx",
        {"S": [[dt.date(2025, 4, 2), "佐藤", "B社", "y"]]},
        header=["日付", "担当者", "訪問先", "内容"],
        rep_block=None,
    )
    importer.import_file(path2)
    assert {a["rep"] for a in activities(store)} == {"設定の担当", "佐藤"}


def test_same_company_written_many_ways_is_one_company(tmp_path, store, importer):
    names = [
        "株式会社サンプル精工",
        "(株)サンプル精工",
        "㈱サンプル精工",
        "サンプル精工㈱",
        "サンプル精工 株式会社",
        "（株）サンプル精工 御中",
        "ｻﾝﾌﾟﾙ精工(株)",
    ]
    rows = [[dt.date(2025, 4, i + 1), n, None, f"訪問{i}"] for i, n in enumerate(names)]
    importer.import_file(table_workbook(tmp_path / "r.xlsx", {"4月": rows}))
    assert store.query("SELECT count(*) FROM companies")[0][0] == 1
    written = {a["company_name_raw"] for a in activities(store)}
    assert written == set(names)  # the written form stays in the activity


def test_merged_date_fills_down_totals_and_blank_rows_skipped(tmp_path, store, importer):
    path = table_workbook(
        tmp_path / "m.xlsx",
        {
            "4月": [
                [dt.date(2025, 4, 3), "A社", None, "一件目", None, 100000],
                [None, "B社", None, "二件目", None, 200000],
                [None, None, None, None, None, None],
                [dt.date(2025, 4, 4), None, None, None, None, None],  # pre-printed date only
                [None, "合計", None, None, None, "=SUM(F6:F7)"],
            ]
        },
    )
    wb = openpyxl.load_workbook(path)
    wb["4月"].merge_cells("A6:A7")
    wb.save(path)
    out = importer.import_file(path)
    got = [(a["occurred_on"], a["company_name_raw"], a["amount_jpy"]) for a in activities(store)]
    assert got == [("2025-04-03", "A社", 100000), ("2025-04-03", "B社", 200000)], out.issues


def test_month_sheets_of_a_fiscal_year_workbook(tmp_path, store, importer):
    path = table_workbook(
        tmp_path / "2024年度_営業日報.xlsx",
        {
            "4月": [["4/2", "A社", None, "年度初め"]],
            "12月": [["12月5日", "B社", None, "年末"]],
            "1月": [["1/15", "C社", None, "新年"]],
            "3月": [["3/31(月)", "D社", None, "期末"]],
        },
    )
    importer.import_file(path)
    assert [
        a["occurred_on"] for a in sorted(activities(store), key=lambda a: a["occurred_on"])
    ] == ["2024-04-02", "2024-12-05", "2025-01-15", "2025-03-31"]


def test_year_from_the_file_name_and_day_numbers_under_a_month_sheet(tmp_path, store, importer):
    path = table_workbook(
        tmp_path / "営業日報_2025年.xlsx",
        {"6月": [[3, "A社", None, "x"], ["6/4", "B社", None, "y"]]},
    )
    importer.import_file(path)
    assert sorted(a["occurred_on"] for a in activities(store)) == ["2025-06-03", "2025-06-04"]


def test_wareki_serials_and_fullwidth(tmp_path, store, importer):
    rows = [
        ["令和7年1月25日", "A社", None, "a"],
        ["R7.1.26", "A社", None, "b"],
        ["２０２５/１/２７(月)", "A社", None, "c"],
        [45685, "A社", None, "d"],
        ["H31.4.30", "A社", None, "e"],
        ["令和元年5月1日", "A社", None, "f"],
    ]
    importer.import_file(table_workbook(tmp_path / "w.xlsx", {"一覧": rows}))
    assert [a["occurred_on"] for a in sorted(activities(store), key=lambda a: a["summary"])] == [
        "2025-01-25",
        "2025-01-26",
        "2025-01-27",
        "2025-01-28",
        "2019-04-30",
        "2019-05-01",
    ]


def test_amount_units_and_probability_forms(tmp_path, store, importer):
    rows = [
        ["2025/4/1", "A社", None, "a", None, 350, "A"],
        ["2025/4/2", "A社", None, "b", None, "1.2億円", 0.5],
        ["2025/4/3", "A社", None, "c", None, "３５０千円", "９０％"],
        ["2025/4/4", "A社", None, "d", None, "¥3,500,000", "80%"],
    ]
    header = ["日付", "訪問先", "面談者", "内容", "次回予定", "金額(千円)", "確度"]
    importer.import_file(table_workbook(tmp_path / "u.xlsx", {"S": rows}, header=header))
    got = [
        (a["amount_jpy"], a["probability"])
        for a in sorted(activities(store), key=lambda a: a["summary"])
    ]
    assert got == [(350_000, 80), (120_000_000, 50), (350_000, 90), (3_500_000, 80)]


def test_deal_per_customer_carries_latest_amount_and_probability(tmp_path, store, importer):
    rows = [
        ["2025/4/1", "A社", None, "初回", None, "100万円", "20%"],
        ["2025/4/9", "A社", None, "二回目", None, "150万円", "60%"],
        ["2025/4/5", "B社", None, "b", None, None, None],
    ]
    importer.import_file(table_workbook(tmp_path / "d.xlsx", {"S": rows}))
    deals = [dict(r) for r in store.query("SELECT * FROM deals")]
    assert len(deals) == 1
    assert (deals[0]["amount_jpy"], deals[0]["probability"], deals[0]["stage"]) == (
        1_500_000,
        60,
        "open",
    )


def test_deal_title_column_makes_one_deal_per_title(tmp_path, store, importer):
    rows = [
        ["2025/4/1", "A社", "治具更新", "a", "50万円"],
        ["2025/4/2", "A社", "新ライン", "b", "300万円"],
        ["2025/4/3", "A社", "治具更新", "c", "60万円"],
    ]
    importer.import_file(
        table_workbook(
            tmp_path / "t.xlsx", {"S": rows}, header=["日付", "訪問先", "案件名", "内容", "金額"]
        )
    )
    got = sorted((r["title"], r["amount_jpy"]) for r in store.query("SELECT * FROM deals"))
    assert got == [("新ライン", 3_000_000), ("治具更新", 600_000)]


def test_csv_in_utf8_bom_and_cp932(tmp_path, store, importer):
    text = "日付,訪問先,内容\n2025/5/1,株式会社サンプル精工,打合せ\n"
    (tmp_path / "utf8.csv").write_bytes(text.encode("utf-8"))
    (tmp_path / "bom.csv").write_bytes(
        b"\xef\xbb\xbf" + text.replace("打合せ", "納期確認").encode()
    )
    (tmp_path / "sjis.csv").write_bytes(text.replace("打合せ", "価格交渉").encode("cp932"))
    for name in ("utf8.csv", "bom.csv", "sjis.csv"):
        assert importer.import_file(tmp_path / name).added == 1
    assert sorted(a["summary"] for a in activities(store)) == [
        "打合せ",
        "納期確認",
        "価格交渉",
    ] or sorted(a["summary"] for a in activities(store)) == sorted(
        ["打合せ", "納期確認", "価格交渉"]
    )
    assert store.query("SELECT count(*) FROM companies")[0][0] == 1


def test_unmapped_columns_are_reported_not_silently_dropped(tmp_path, store, importer):
    path = table_workbook(
        tmp_path / "x.xlsx",
        {"S": [["2025/4/1", "A社", "a", "メモ"]]},
        header=["日付", "訪問先", "内容", "社内備考"],
    )
    out = importer.import_file(path)
    assert any(i.code == "unmapped_columns" and "社内備考" in i.message for i in out.issues)
