import datetime as dt

import openpyxl

from tests.importers.conftest import activities


def form_workbook(path, days):
    """A sheet per day: 日付/氏名 on top, repeated 訪問先 blocks, a merged 所感 box."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, (date, visits, insight) in days.items():
        ws = wb.create_sheet(sheet)
        ws["A1"] = "業務日報"
        ws.merge_cells("A1:E1")
        ws["A2"], ws["B2"], ws["D2"], ws["E2"] = "日付", date, "氏名", "山本"
        r = 3
        for company, person, content, nxt in visits:
            for label, value in (
                ("訪問先", company),
                ("面談者", person),
                ("内容", content),
                ("次回予定", nxt),
            ):
                ws.cell(row=r, column=1, value=label)
                ws.cell(row=r, column=2, value=value)
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
                r += 1
        ws.cell(row=r, column=1, value="所感")
        ws.cell(row=r, column=2, value=insight)
        ws.merge_cells(start_row=r, start_column=2, end_row=r + 2, end_column=5)
        ws.cell(row=r + 3, column=1, value="上司コメント")
    wb.save(path)
    return path


def test_form_sheets_with_repeated_visit_blocks(tmp_path, store, importer):
    path = form_workbook(
        tmp_path / "業務日報_2025年3月.xlsx",
        {
            "3月3日": (
                dt.date(2025, 3, 3),
                [
                    ("株式会社サンプル精工", "青木課長", "治具の改善提案。", "3/10 再訪"),
                    ("見本化成株式会社", "石井主任", "値上げ説明。", "見積提示"),
                    (None, None, None, None),
                ],
                "価格より納期を重視している。",
            ),
            "3月4日": (None, [("サンプル精工㈱", "青木課長", "試作品の評価。", None)], None),
        },
    )
    out = importer.import_file(path)
    assert out.added == 3, out.issues
    got = [
        (a["occurred_on"], a["company_name_raw"], a["contact_name"], a["next_action_due"], a["rep"])
        for a in activities(store)
    ]
    assert got == [
        ("2025-03-03", "株式会社サンプル精工", "青木", "2025-03-10", "山本"),
        ("2025-03-03", "見本化成株式会社", "石井", None, "山本"),
        ("2025-03-04", "サンプル精工㈱", "青木", None, "山本"),  # date from the sheet name
    ]
    insights = [a["insight"] for a in activities(store)]
    assert insights[1] == "価格より納期を重視している。"
    assert store.query("SELECT count(*) FROM companies")[0][0] == 2


def test_label_with_value_below(tmp_path, store, importer):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "5月7日"
    ws["A1"], ws["A2"] = "日付", "2025/5/7"
    ws["C1"], ws["C2"] = "訪問先", "テスト工業"
    ws["D1"], ws["D2"] = "内容", "ライン見学"
    wb.save(tmp_path / "below.xlsx")
    importer.import_file(tmp_path / "below.xlsx")
    (a,) = activities(store)
    assert (a["occurred_on"], a["company_name_raw"], a["summary"]) == (
        "2025-05-07",
        "テスト工業",
        "ライン見学",
    )


def _own_words_form(path):
    """A form in a rep's own words: none of its labels is in the shipped synonyms."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "11月20日"
    ws["A1"], ws["B1"] = "訪問した日", dt.date(2025, 11, 20)
    r = 3
    for company, talk in (
        ("株式会社サンプル精工", "治具の改善提案。"),
        ("見本化成(株)", "値上げの説明。"),
    ):
        ws.cell(row=r, column=1, value="お伺い先")
        ws.cell(row=r, column=2, value=company)
        ws.cell(row=r + 1, column=1, value="打合せの中身")
        ws.cell(row=r + 1, column=2, value=talk)
        r += 3
    wb.save(path)
    return path


def test_a_profile_names_a_forms_own_labels(tmp_path, store):
    from importers.pipeline import ReportImporter
    from importers.profiles import Profile, load_profile, save_profile

    path = _own_words_form(tmp_path / "訪問メモ.xlsx")
    first = ReportImporter(store, rep="山本").import_file(path)
    assert first.status == "failed" and first.issues[0].code == "no_header"

    profile = Profile(
        name="訪問メモ",
        match=["訪問メモ*.xlsx"],
        layout="form",
        labels={"訪問した日": "occurred_on", "お伺い先": "company", "打合せの中身": "summary"},
    )
    saved = save_profile(profile, store.data_dir / "profiles")
    assert load_profile(saved).labels["お伺い先"] == "company"  # round trip through TOML
    out = ReportImporter(store, rep="山本").import_file(path, force=True)
    assert out.added == 2, out.issues
    got = [(a["occurred_on"], a["company_name_raw"], a["summary"]) for a in activities(store)]
    assert got == [
        ("2025-11-20", "株式会社サンプル精工", "治具の改善提案。"),
        ("2025-11-20", "見本化成(株)", "値上げの説明。"),
    ]


def test_a_profile_label_mapped_to_an_unknown_field_is_refused(tmp_path):
    import pytest

    from importers.profiles import ProfileError, load_profile

    path = tmp_path / "bad.toml"
    path.write_text('name = "x"\n[labels]\n"お伺い先" = "customer"\n', "utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile(path, lang="ja")
    assert "customer" in str(err.value) and "company" in str(err.value)
