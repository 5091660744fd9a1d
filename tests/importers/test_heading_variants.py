"""Headings as reps really write them, one variant per case, each asserting the field read.

The variants come from real 営業日報 / 訪問報告書 / 商談記録 templates (SFA vendors' and template
sites' item lists: 起票者名, 業務日時, 訪問先, 面談相手, 商談名, 取引先名, 総額, 完了予定日, 次のステップ,
確度, 相手先担当者, 所感・考察, 今後のアクション …) and from the ways reps decorate them (■ ◆ 【】 ≪≫,
colons, honorifics, units in brackets, compound and bilingual headings).
"""

import datetime as dt

import openpyxl
import pytest

from tests.importers.conftest import activities

BASE = {"occurred_on": "日付", "company": "訪問先", "summary": "内容"}
BASE_VALUES = {
    "occurred_on": dt.date(2025, 4, 2),
    "company": "株式会社サンプル精工",
    "summary": "治具の改善提案",
}

# (field the heading names, heading as written, value written, activity column, value read)
VARIANTS = [
    # the customer
    ("company", "お客様名（社名）", "見本化成株式会社", "company_name_raw", "見本化成株式会社"),
    ("company", "■ 訪問先", "見本化成株式会社", "company_name_raw", "見本化成株式会社"),
    ("company", "【訪問先】", "見本化成株式会社", "company_name_raw", "見本化成株式会社"),
    ("company", "≪訪問先≫", "見本化成株式会社", "company_name_raw", "見本化成株式会社"),
    ("company", "訪問先 :", "見本化成株式会社", "company_name_raw", "見本化成株式会社"),
    ("company", "Customer Name / 顧客名", "見本化成(株)", "company_name_raw", "見本化成(株)"),
    ("company", "取引先名", "㈱テスト工業", "company_name_raw", "㈱テスト工業"),
    ("company", "訪問先企業名", "㈱テスト工業", "company_name_raw", "㈱テスト工業"),
    ("company", "相手先", "㈱テスト工業", "company_name_raw", "㈱テスト工業"),
    ("company", "ＣＵＳＴＯＭＥＲ", "㈱テスト工業", "company_name_raw", "㈱テスト工業"),
    # the visit date
    ("occurred_on", "◆日付", dt.date(2025, 4, 3), "occurred_on", "2025-04-03"),
    ("occurred_on", "訪 問 日", dt.date(2025, 4, 3), "occurred_on", "2025-04-03"),
    ("occurred_on", "業務日時", dt.date(2025, 4, 3), "occurred_on", "2025-04-03"),
    ("occurred_on", "Visit Date", dt.date(2025, 4, 3), "occurred_on", "2025-04-03"),
    ("occurred_on", "［日付］", dt.date(2025, 4, 3), "occurred_on", "2025-04-03"),
    ("occurred_on", "訪問年月日", "2025/4/3(木)", "occurred_on", "2025-04-03"),
    ("occurred_on", "実施日：", "令和7年4月3日", "occurred_on", "2025-04-03"),
    # the customer's person
    ("contact", "先方ご出席者", "青木課長", "contact_name", "青木"),
    ("contact", "面会相手・役職", "青木課長", "contact_title", "課長"),
    ("contact", "◎面談者", "青木課長", "contact_name", "青木"),
    ("contact", "面談者（役職）", "青木課長", "contact_name", "青木"),
    ("contact", "Contact / 面談者", "青木課長", "contact_name", "青木"),
    ("contact", "先方担当者様", "青木課長", "contact_name", "青木"),
    ("contact", "お客様ご担当者", "青木課長", "contact_name", "青木"),
    ("contact", "相手先担当者", "青木課長", "contact_name", "青木"),
    # what happened
    ("summary", "提案・商談の概要", "新型治具の提案", "summary", "新型治具の提案"),
    ("summary", "活動内容（詳細）", "新型治具の提案", "summary", "新型治具の提案"),
    ("summary", "Comments", "新型治具の提案", "summary", "新型治具の提案"),
    ("summary", "打ち合わせ内容", "新型治具の提案", "summary", "新型治具の提案"),
    ("summary", "議事・決定事項", "新型治具の提案", "summary", "新型治具の提案"),
    ("purpose", "訪問目的", "定期訪問", "purpose", "定期訪問"),
    ("purpose", "目的・区分", "定期訪問", "purpose", "定期訪問"),
    ("result", "商談結果", "見積依頼あり", "result", "見積依頼あり"),
    ("result", "成果／結果", "見積依頼あり", "result", "見積依頼あり"),
    # money, in the heading's unit
    ("amount", "受注見込み金額（税抜）", 1_200_000, "amount_jpy", 1_200_000),
    ("amount", "想定売上（百万円）", 1.5, "amount_jpy", 1_500_000),
    ("amount", "金額（千円）", 350, "amount_jpy", 350_000),
    ("amount", "Opportunity amount", "¥1,200,000", "amount_jpy", 1_200_000),
    ("amount", "見積額（万円）", 120, "amount_jpy", 1_200_000),
    ("amount", "売上(億円)", 0.12, "amount_jpy", 12_000_000),
    ("amount", "総額", "120万円", "amount_jpy", 1_200_000),
    # how likely
    ("probability", "確度ランク", "A", "probability", 80),
    ("probability", "受注確度（％）", "80%", "probability", 80),
    ("probability", "Probability", "60%", "probability", 60),
    ("probability", "ヨミ（確度）", "◎", "probability", 90),
    # what the rep learnt
    ("insight", "気付いた点・学んだこと", "納期を重視している", "insight", "納期を重視している"),
    ("insight", "所感・考察", "納期を重視している", "insight", "納期を重視している"),
    ("insight", "学び／気づき", "納期を重視している", "insight", "納期を重視している"),
    ("insight", "Learnings", "納期を重視している", "insight", "納期を重視している"),
    # what comes next
    ("next_action", "次回のアクション", "見積を提出する", "next_action", "見積を提出する"),
    ("next_action", "今後のアクション", "見積を提出する", "next_action", "見積を提出する"),
    ("next_action", "Next Step", "見積を提出する", "next_action", "見積を提出する"),
    ("next_action_due", "次回訪問日", dt.date(2025, 4, 20), "next_action_due", "2025-04-20"),
    ("next_action_due", "完了予定日", dt.date(2025, 4, 20), "next_action_due", "2025-04-20"),
    ("next_action_due", "対応期限", "4/20", "next_action_due", "2025-04-20"),
    # the deal
    ("deal_title", "商談名", "シャフト更新", "deal_title", "シャフト更新"),
    ("deal_title", "Opportunity", "シャフト更新", "deal_title", "シャフト更新"),
    ("deal_title", "案件名称", "シャフト更新", "deal_title", "シャフト更新"),
    # who wrote it
    ("rep", "起票者名", "佐藤", "rep", "佐藤"),
    ("rep", "営業担当者", "佐藤", "rep", "佐藤"),
]


def write_table(path, header, rows, *, merges=(), top=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月"
    ws["A1"] = "営業日報 2025年"
    r = 3
    for line in top or []:
        for c, v in enumerate(line):
            if v is not None:
                ws.cell(row=r, column=c + 1, value=v)
        r += 1
    for c, h in enumerate(header):
        if h is not None:
            ws.cell(row=r, column=c + 1, value=h)
    for row in rows:
        r += 1
        for c, v in enumerate(row):
            if v is not None:
                ws.cell(row=r, column=c + 1, value=v)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def variant_table(field, heading, value):
    fields = dict(BASE)
    values = dict(BASE_VALUES)
    fields[field] = heading
    values[field] = value
    order = list(fields)
    return [fields[f] for f in order], [values[f] for f in order]


def test_the_corpus_has_forty_variants_or_more():
    assert len(VARIANTS) >= 40
    assert len({v[1] for v in VARIANTS}) == len(VARIANTS)


@pytest.mark.parametrize(
    ("field", "heading", "value", "column", "expected"), VARIANTS, ids=[v[1] for v in VARIANTS]
)
def test_heading_variant_is_read(
    field, heading, value, column, expected, tmp_path, store, importer
):
    header, row = variant_table(field, heading, value)
    out = importer.import_file(write_table(tmp_path / "日報_2025.xlsx", header, [row]))
    assert out.status == "imported" and out.added == 1, [i.message for i in out.issues]
    (a,) = activities(store)
    assert a[column] == expected, (heading, {k: v for k, v in a.items() if v is not None})
    # nothing else in the row was lost or misplaced
    if field != "company":
        assert a["company_name_raw"] == "株式会社サンプル精工"
    if field != "summary":
        assert a["summary"] == "治具の改善提案"
    assert not [i for i in out.issues if i.code == "unmapped_columns"], heading
