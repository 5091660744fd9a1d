"""Empty-meaning 所感 are not knowledge; the same text on many visits is one note with sources."""

from __future__ import annotations

import datetime as dt

import pytest

from importers.insights.noise import is_empty_insight, merge_identical


@pytest.mark.parametrize(
    "text",
    [
        "本日の所感は特になし。",
        "特になし",
        "なし",
        "特記事項なし",
        "特にありません。",
        "所感：特になし",
        "特に無し",
        "－",
        "ー",
        "同上",
        "  ",
        "ﾄｸﾆﾅｼ".replace("ﾄｸﾆﾅｼ", "特になし"),
    ],
)
def test_empty_meaning_insights(text):
    assert is_empty_insight(text)


@pytest.mark.parametrize(
    "text",
    [
        "価格より納期を重視",
        "特になし。ただし来月から購買の担当が変わる予定とのこと",
        "なしのつぶて状態が続く",
        "無理な値引き要求あり",
    ],
)
def test_real_insights_stay(text):
    assert not is_empty_insight(text)


def test_identical_texts_are_one_note_with_their_sources():
    notes = [
        {"id": "a", "body": "決裁は月末の会議で決まる。", "author": "山本", "date": "2025-10-01"},
        {"id": "b", "body": "価格より納期。", "author": "山本", "date": "2025-09-01"},
        {"id": "c", "body": "決裁は月末の会議で決まる", "author": "佐藤", "date": "2025-08-07"},
    ]
    merged = merge_identical(notes)
    assert [n["id"] for n in merged] == ["a", "b"]
    assert merged[0]["same"] == 2
    assert [s["id"] for s in merged[0]["sources"]] == ["a", "c"]


def test_import_makes_no_note_of_an_empty_insight_and_one_brief_note_per_text(store, tmp_path):
    from desktop.knowledge.brief import build_brief
    from importers.pipeline import ReportImporter
    from tests.helpers.workbooks import HEADER, table_workbook

    header = [*HEADER, "所感"]
    rows = [
        [dt.date(2025, 4, d), "株式会社サンプル精工", "青木課長", "訪問", None, None, None, text]
        for d, text in (
            (1, "本日の所感は特になし。"),
            (2, "決裁は月末の会議で決まる。資料は前週までに。"),
            (3, "決裁は月末の会議で決まる。資料は前週までに。"),
            (4, "特になし"),
        )
    ]
    path = table_workbook(tmp_path / "日報.xlsx", {"4月": rows}, header=header)
    outcome = ReportImporter(store, rep="山本").import_file(path)
    assert outcome.status == "imported", outcome
    bodies = [r[0] for r in store.query("SELECT body FROM notes WHERE deleted = 0")]
    assert sorted(bodies) == ["決裁は月末の会議で決まる。資料は前週までに。"] * 2
    cid = store.query("SELECT id FROM companies")[0][0]
    brief = build_brief(store, cid, "佐藤", record=False)
    assert len(brief.knowledge) == 1
    assert brief.knowledge[0]["same"] == 2


def test_the_brief_pdf_has_the_mobile_number_too():
    from desktop.knowledge.brief import Brief, render_brief_html

    brief = Brief(company_id="c", company="山田製作所", generated_on="2025-10-20", viewer=None)
    brief.contacts = [
        {
            "full_name": "田村 一郎",
            "title": "課長",
            "department": "製造部",
            "phone": "052-111-2233",
            "mobile": "090-1234-5678",
            "email": None,
            "last_met": None,
        }
    ]
    html = render_brief_html(brief)
    assert "052-111-2233" in html and "090-1234-5678" in html
