"""Headings settled by their columns' values, two-row headers, decorated form labels."""

import datetime as dt

import openpyxl

from tests.importers.conftest import activities
from tests.importers.test_heading_variants import write_table

D = dt.date(2025, 4, 2)


def test_tanto_holding_titled_people_is_the_customers_person(tmp_path, store, importer):
    path = write_table(
        tmp_path / "日報_2025.xlsx",
        ["日付", "訪問先", "担当者", "内容"],
        [
            [D, "株式会社サンプル精工", "青木課長", "治具の提案"],
            [D, "見本化成(株)", "石井様", "値上げの説明"],
            [D, "㈱テスト工業", "田中部長", "試作品の評価"],
        ],
    )
    out = importer.import_file(path)
    assert out.added == 3, [i.message for i in out.issues]
    got = [(a["contact_name"], a["contact_title"], a["rep"]) for a in activities(store)]
    # the rep is the configured one; 担当者 held the customer's people
    assert got == [
        ("青木", "課長", "設定の担当"),
        ("石井", None, "設定の担当"),
        ("田中", "部長", "設定の担当"),
    ]


def test_tanto_holding_the_rep_and_teammates_is_the_rep(tmp_path, store, importer):
    (store.data_dir / "team.toml").write_text('[members]\n"佐藤" = "営業1課"\n', "utf-8")
    path = write_table(
        tmp_path / "日報_2025.xlsx",
        ["日付", "担当", "訪問先", "面談者", "内容"],
        [
            [D, "設定の担当", "株式会社サンプル精工", "青木課長", "治具の提案"],
            [D, "佐藤", "見本化成(株)", "石井様", "値上げの説明"],
        ],
    )
    out = importer.import_file(path)
    assert out.added == 2
    got = [(a["rep"], a["contact_name"]) for a in activities(store)]
    assert got == [("設定の担当", "青木"), ("佐藤", "石井")]


def test_next_with_dates_is_the_due_date_and_with_text_the_action(tmp_path, store, importer):
    path = write_table(
        tmp_path / "日報_2025.xlsx",
        ["日付", "訪問先", "内容", "次回", "次回の対応"],
        [
            [D, "A社", "提案", dt.date(2025, 4, 20), "見積提出"],
            [D, "B社", "説明", dt.date(2025, 4, 22), "試作品を持参"],
        ],
    )
    importer.import_file(path)
    got = [(a["next_action_due"], a["next_action"]) for a in activities(store)]
    assert got == [("2025-04-20", "見積提出"), ("2025-04-22", "試作品を持参")]


def test_two_columns_claiming_one_field_never_fight_silently(tmp_path, store, importer):
    path = write_table(
        tmp_path / "日報_2025.xlsx",
        ["日付", "訪問先", "内容", "金額", "金額"],
        [[D, "A社", "提案", 100000, 200000]],
    )
    out = importer.import_file(path)
    (a,) = activities(store)
    assert a["amount_jpy"] == 100000  # the left one
    (tie,) = [i for i in out.issues if i.code == "ambiguous_columns"]
    assert "D" in tie.message and "E" in tie.message and tie.severity == "warning"


def test_two_row_header_with_a_merged_group_heading(tmp_path, store, importer):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月"
    ws["A1"] = "営業日報"
    top = ["日付", "訪問先", "面談者", "案件", None, None, "所感"]
    sub = [None, None, None, "名称", "金額（千円）", "確度"]
    for c, v in enumerate(top):
        ws.cell(row=3, column=c + 1, value=v)
    for c, v in enumerate(sub):
        ws.cell(row=4, column=c + 1, value=v)
    for col in "ABCG":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("D3:F3")
    rows = [
        [D, "株式会社サンプル精工", "青木課長", "シャフト更新", 1200, "A", "納期重視"],
        [D, "見本化成(株)", "石井主任", "治具の改善", 350, "60%", None],
    ]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            ws.cell(row=5 + r, column=c + 1, value=v)
    wb.save(tmp_path / "日報_2025.xlsx")
    out = importer.import_file(tmp_path / "日報_2025.xlsx")
    assert out.added == 2, [i.message for i in out.issues]
    got = [
        (a["deal_title"], a["amount_jpy"], a["probability"], a["insight"], a["source_ref"])
        for a in activities(store)
    ]
    assert got == [
        ("シャフト更新", 1_200_000, 80, "納期重視", "4月!B5"),
        ("治具の改善", 350_000, 60, None, "4月!B6"),
    ]


def test_header_starting_far_right_and_low(tmp_path, store, importer):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月"
    for c, h in enumerate(["■日付", "■お客様名", "■ご面談者", "■商談の概要"]):
        ws.cell(row=12, column=6 + c, value=h)
    for c, v in enumerate([D, "株式会社サンプル精工", "青木課長", "治具の提案"]):
        ws.cell(row=13, column=6 + c, value=v)
    wb.save(tmp_path / "日報_2025.xlsx")
    importer.import_file(tmp_path / "日報_2025.xlsx")
    (a,) = activities(store)
    assert (a["occurred_on"], a["company_name_raw"], a["contact_name"], a["summary"]) == (
        "2025-04-02",
        "株式会社サンプル精工",
        "青木",
        "治具の提案",
    )
    assert a["source_ref"] == "4月!G13"


def test_decorated_form_labels_with_values_right_or_below(tmp_path, store, importer):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月2日"
    ws["A1"] = "訪問報告書"
    ws["A2"], ws["B2"] = "◆訪問日：", D
    ws["D2"], ws["E2"] = "【報告者】", "山本"
    ws["A4"], ws["B4"] = "≪訪問先≫", "株式会社サンプル精工"
    ws["A5"], ws["B5"] = "◎面談者", "青木課長"
    ws["A6"], ws["B6"] = "■訪問目的 :", "定期訪問"
    ws["A7"] = "【商談内容】"
    ws["A8"] = "新型治具の提案。試作は来月。"  # the value below its label
    ws["A10"], ws["B10"] = "次回予定：", "4/20 見積提出"
    ws["A11"] = "＜所感・気づき＞"
    ws["A12"] = "価格より納期を重視している。"
    wb.save(tmp_path / "訪問報告_2025.xlsx")
    out = importer.import_file(tmp_path / "訪問報告_2025.xlsx")
    assert out.added == 1, [i.message for i in out.issues]
    (a,) = activities(store)
    assert a["occurred_on"] == "2025-04-02" and a["rep"] == "山本"
    assert a["company_name_raw"] == "株式会社サンプル精工"
    assert (a["contact_name"], a["contact_title"]) == ("青木", "課長")
    assert a["purpose"] == "定期訪問"
    assert a["summary"] == "新型治具の提案。試作は来月。"
    assert a["next_action"] == "4/20 見積提出" and a["next_action_due"] == "2025-04-20"
    assert a["insight"] == "価格より納期を重視している。"


def test_the_wizard_starts_from_genbas_reading_with_its_reasons():
    from importers.layout.header import suggest_columns
    from importers.layout.synonyms import load_synonyms
    from importers.workbook.sheet import Sheet

    sheet = Sheet(
        "4月",
        [
            ["お客様名（社名）", "ご面談者", "提示価格（千円）", "競合"],
            ["株式会社サンプル精工", "青木課長", 1200, "A社"],
        ],
    )
    got = suggest_columns(sheet, 0, load_synonyms(), lang="ja")
    assert {c: f for c, (f, _why) in got.items()} == {0: "company", 1: "contact", 2: "amount"}
    assert got[0][1] == "「お客様名（社名）」は訪問先の見出しとして登録されています。"
    assert got[2][1].startswith("「提示価格（千円）」に「価格」が含まれ")


def test_a_profile_matches_next_months_file_by_its_heading_row(tmp_path, store):
    from importers.pipeline import ReportImporter
    from importers.profiles import Profile, save_profile

    header = ["いつ", "どこへ", "はなしたこと"]
    profile = Profile(
        name="訪問記録",
        match=["訪問記録_2025年4月.xlsx"],
        header_row=3,
        columns={"いつ": "occurred_on", "どこへ": "company", "はなしたこと": "summary"},
        headings=header,
    )
    save_profile(profile, store.data_dir / "profiles")
    importer = ReportImporter(store, rep="山本")
    may = write_table(tmp_path / "訪問記録_2025年5月.xlsx", header, [[D, "A社", "提案"]])
    out = importer.import_file(may)
    assert out.status == "imported" and out.added == 1, [i.message for i in out.issues]
    (src,) = store.query("SELECT profile FROM sources")
    assert src["profile"] == "訪問記録"
    other = write_table(tmp_path / "別の表_2025.xlsx", ["いつ", "なに"], [[D, "x"]])
    assert importer.import_file(other).status == "failed"


def test_a_forms_unknown_labels_are_kept_as_extra_fields(tmp_path, store, importer):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月2日"
    ws["A1"], ws["B1"] = "日付", D
    ws["A3"], ws["B3"] = "訪問先", "株式会社サンプル精工"
    ws["A4"], ws["B4"] = "内容", "【至急】見積依頼"  # a decorated value, not a label
    ws["A5"], ws["B5"] = "【同行者】", "鈴木部長（自社）"
    ws["A6"], ws["B6"] = "■持参資料：", "カタログ2025年版"
    wb.save(tmp_path / "訪問報告_2025.xlsx")
    out = importer.import_file(tmp_path / "訪問報告_2025.xlsx")
    (a,) = activities(store)
    assert a["summary"] == "【至急】見積依頼"
    from importers.extras import parse_extras

    assert parse_extras(a["extras"]) == [
        {"heading": "【同行者】", "value": "鈴木部長（自社）", "column": "B5"},
        {"heading": "■持参資料：", "value": "カタログ2025年版", "column": "B6"},
    ]
    (problem,) = [i for i in out.issues if i.code == "unmapped_labels"]
    assert problem.severity == "warning" and "2項目" in problem.message


def test_a_bilingual_second_heading_row_and_repeated_page_headers_are_not_visits(
    tmp_path, store, importer
):
    header = ["日付", "訪問先", "面談者", "内容"]
    rows = [
        ["Date", "Customer", "Contact", "Notes"],
        [D, "株式会社サンプル精工", "青木課長", "治具の提案"],
        header,  # printed on every page
        [D, "見本化成(株)", "石井様", "値上げの説明"],
    ]
    importer.import_file(write_table(tmp_path / "日報_2025.xlsx", header, rows))
    assert [a["company_name_raw"] for a in activities(store)] == [
        "株式会社サンプル精工",
        "見本化成(株)",
    ]


def test_a_forms_tanto_with_a_titled_person_is_the_contact(tmp_path, store, importer):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月2日"
    ws["A1"], ws["B1"], ws["D1"], ws["E1"] = "日付", D, "氏名", "山本"
    ws["A3"], ws["B3"] = "訪問先", "株式会社サンプル精工"
    ws["A4"], ws["B4"] = "担当者", "青木課長"
    ws["A5"], ws["B5"] = "内容", "治具の提案"
    wb.save(tmp_path / "訪問報告_2025.xlsx")
    importer.import_file(tmp_path / "訪問報告_2025.xlsx")
    (a,) = activities(store)
    assert (a["rep"], a["contact_name"], a["contact_title"]) == ("山本", "青木", "課長")
