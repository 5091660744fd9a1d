"""The pre-visit brief: buyer preferences and trouble lessons first; reuse recorded only for
others' notes, once per day; terminal text, printable HTML and a PDF."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.knowledge.brief import (
    CustomerNotFound,
    build_brief,
    render_brief_html,
    render_brief_text,
)
from importers.insights.notes import add_note
from tests.knowledge.conftest import visit, write_report


@pytest.fixture
def seeded(store, importer, tmp_path):
    rows = [
        visit(
            2,
            "山本",
            "株式会社サンプル精工",
            "青木課長",
            "新型治具の提案",
            "見積が遅れて失注した案件の反省",
            next_action="見積提出",
            due=dt.date(2099, 4, 30),
            amount="120万円",
            prob="60%",
        ),
        visit(
            3,
            "佐藤",
            "株式会社サンプル精工",
            "田中部長",
            "試作品評価",
            "出荷検査の抜けでクレーム。ダブルチェックを対策に",
            next_action="評価結果を回収",
        ),
        visit(4, "佐藤", "見本化成(株)", "石井主任", "定期訪問", "石井主任は紙の資料が好み"),
    ]
    importer.import_file(write_report(tmp_path / "日報.xlsx", rows))
    cid = store.query("SELECT id FROM companies WHERE name_normalized = 'サンプル精工'")[0][0]
    add_note(store, cid, "青木課長は価格より納期を重視。決裁は工場長", author="佐藤")
    add_note(store, cid, "朝一の訪問がコツ", author="山本")
    return cid


def test_order_and_contents(store, seeded):
    brief = build_brief(store, "サンプル精工", viewer="山本", today=dt.date(2025, 4, 20))
    assert brief.company == "株式会社サンプル精工"
    cats = [n["category"] for n in brief.knowledge]
    assert cats[:2] == ["buyer_preference", "trouble_lesson"]
    assert set(cats[2:]) == {"failure_story", "tip"}
    assert [a["occurred_on"] for a in brief.activities] == ["2025-04-03", "2025-04-02"]
    actions = {a["action"] for a in brief.next_actions}
    assert actions == {"見積提出", "評価結果を回収"}  # dated & not yet visited; latest undated
    assert {c["full_name"] for c in brief.contacts} == {"青木", "田中"}
    assert brief.deals and brief.deals[0]["amount_jpy"] == 1_200_000
    # written form, legal form, width: the same customer
    assert build_brief(store, "(株)サンプル精工", record=False).company_id == seeded
    with pytest.raises(CustomerNotFound):
        build_brief(store, "存在しない商事")


def test_reuse_only_for_others_once_per_day(store, seeded):
    day = dt.date(2025, 4, 20)
    brief = build_brief(store, "サンプル精工", viewer="山本", today=day)
    shown = {n["id"]: n["author"] for n in brief.knowledge}
    others = {nid for nid, a in shown.items() if a != "山本"}
    assert brief.reuse_recorded == len(others) == 2
    reuse = store.query("SELECT note_id, user, created_at FROM reactions WHERE kind = 'reuse'")
    assert {r["note_id"] for r in reuse} == others
    assert all(r["user"] == "山本" and r["created_at"].startswith("2025-04-20") for r in reuse)
    # opening it again the same day records nothing more; the next day does
    assert build_brief(store, "サンプル精工", viewer="山本", today=day).reuse_recorded == 0
    assert (
        build_brief(store, "サンプル精工", viewer="山本", today=day.replace(day=21)).reuse_recorded
        == 2
    )
    # reuse syncs
    assert store.query("SELECT count(*) FROM changes WHERE entity = 'reactions'")[0][0] > 0
    # no viewer, nothing recorded
    assert build_brief(store, "サンプル精工", today=day).reuse_recorded == 0


def test_renderings(store, seeded):
    brief = build_brief(store, "サンプル精工", viewer="山本", record=False)
    text = render_brief_text(brief)
    assert text.index("顧客の好み") < text.index("トラブル・教訓") < text.index("最近の活動")
    html = render_brief_html(brief)
    assert html.startswith("<!DOCTYPE html>") and 'charset="utf-8"' in html
    assert "青木課長は価格より納期を重視" in html
    brief.knowledge[0]["body"] = "<script>x</script>"
    assert "<script>" not in render_brief_html(brief)


def test_pdf_with_qt(store, seeded, tmp_path):
    pytest.importorskip("PySide6.QtGui")
    from desktop.commands.knowledge import write_pdf

    brief = build_brief(store, "サンプル精工", viewer="山本", record=False)
    out = write_pdf(render_brief_html(brief), tmp_path / "brief.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
