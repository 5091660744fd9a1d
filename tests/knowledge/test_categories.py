"""Categories suggested by keyword rules, Japanese and English; department tags."""

from __future__ import annotations

import pytest

from importers.insights.categories import (
    category_label,
    department_tags,
    load_rules,
    rules_for,
    suggest_category,
)

CASES = [
    # buyer preferences
    ("青木課長は価格より納期を重視される。決裁は工場長。", "buyer_preference"),
    ("石井主任は資料は紙で持ってきてほしいというこだわりがある", "buyer_preference"),
    ("田中部長の好みは結論から話すスタイル。前置きを嫌う。", "buyer_preference"),
    ("最終決裁は本社の購買部長なので、次回は同席をお願いする", "buyer_preference"),
    ("Mr. Sato prefers short meetings and cares about delivery dates", "buyer_preference"),
    ("The decision maker is the plant manager, not purchasing", "buyer_preference"),
    # negotiation
    ("値引きではなく保守費込みで提案したのが受注の決め手になった", "negotiation"),
    ("支払条件を60日にする代わりに単価据え置きで交渉がまとまった", "negotiation"),
    ("We closed the deal by bundling training instead of a discount", "negotiation"),
    ("Negotiation went well once we offered a two-year contract", "negotiation"),
    # trouble lessons
    ("出荷検査の抜けで不良流出、クレームに。ダブルチェックを対策として導入", "trouble_lesson"),
    ("梱包不良で異物混入のクレーム。再発防止策として梱包手順を見直した", "trouble_lesson"),
    ("納期遅延のトラブル。原因は部材の手配漏れ、以後は発注時に確認する", "trouble_lesson"),
    ("Customer complaint about a defect in lot 42; root cause was a worn die", "trouble_lesson"),
    # failure stories
    ("見積提出が遅れて失注。次は初回訪問から3日以内に出す。反省。", "failure_story"),
    ("担当者だけに説明して決裁者に会えず、結局失注した。失敗だった", "failure_story"),
    ("We lost the deal because our quote was two weeks late", "failure_story"),
    # competitor
    ("Ａ社が2割安い見積を出している模様", "competitor"),
    ("競合のB社が営業を強化している。他社製品への切り替えを検討中とのこと", "competitor"),
    ("A competitor is offering free installation this quarter", "competitor"),
    # tips
    ("朝一の訪問は避けたほうが話を聞いてもらえるのがコツ", "tip"),
    ("サンプルは現物を持参するのがポイント。写真より反応が良い", "tip"),
    ("Tip: bring physical samples, it works well with engineers", "tip"),
    # nothing to suggest
    ("本日は挨拶のみ", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_suggested_category(text, expected):
    assert suggest_category(text) == expected


def test_enough_realistic_cases():
    assert len(CASES) >= 20
    assert {c for _t, c in CASES} >= {
        "buyer_preference",
        "negotiation",
        "trouble_lesson",
        "failure_story",
        "competitor",
        "tip",
    }


def test_lead_comment_is_never_suggested():
    assert suggest_category("上司コメント: よく頑張った") != "lead_comment"


def test_labels_are_japanese():
    assert category_label("buyer_preference") == "顧客の好み・重視点"
    assert category_label(None) == "その他"


@pytest.mark.parametrize(
    ("text", "departments"),
    [
        ("出荷検査の抜けで不良流出", {"品質"}),
        ("ラインの段取り替えに時間がかかり納期が厳しい", {"生産"}),
        ("材料の値上げで単価改定の相談", {"調達"}),
        ("設置後の定期点検と保守契約を希望", {"サービス"}),
        ("Quality audit next month; maintenance contract renewal", {"品質", "サービス"}),
        ("本日は挨拶のみ", set()),
    ],
)
def test_department_tags(text, departments):
    assert set(department_tags(text)) == departments


def test_data_dir_rules_extend_the_shipped_ones(tmp_path):
    (tmp_path / "knowledge_categories.toml").write_text(
        '[categories.tip]\nstrong = ["裏技"]\n', "utf-8"
    )
    rules = rules_for(tmp_path)
    assert suggest_category("これは裏技です", rules) == "tip"
    assert suggest_category("これは裏技です", load_rules()) is None
