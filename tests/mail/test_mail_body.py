"""The mail's own words: quoted history and signatures as Japanese and English mailers write them."""

from __future__ import annotations

import pytest

from importers.mail.body import split_body
from importers.mail.html_text import html_to_text
from importers.mail.signature import signature_card

OWN = "田村様\n\n図面を確認しました。来週お伺いします。"


@pytest.mark.parametrize(
    "history",
    [
        "-----Original Message-----\nFrom: 田村\nSent: Monday\n本文",
        "----- 元のメッセージ -----\n差出人: 田村\n本文",
        "On Mon, 13 May 2024 at 09:00, Tamura Ichiro <tamura@yamada-ss.co.jp>\nwrote:\n> 本文",
        "On Mon, 13 May 2024, Tamura <tamura@yamada-ss.co.jp> wrote:\n> 本文",
        "田村 一郎 さんは書きました:\n> 本文",
        "2024年5月13日(月) 9:00 田村 一郎 <tamura@yamada-ss.co.jp>:\n> 本文",
        "差出人: 田村 一郎 <tamura@yamada-ss.co.jp>\n送信日時: 2024年5月13日 9:00\n宛先: 佐藤\n本文",
        "From: Tamura <tamura@yamada-ss.co.jp>\nSent: Monday, May 13, 2024 9:00 AM\nTo: Sato\n本文",
        "> 本文\n> 二行目",
    ],
)
def test_the_quoted_history_is_cut(history):
    body = split_body(f"{OWN}\n\n{history}\n")
    assert body.text == OWN and body.quoted


def test_inline_quotes_are_dropped_and_own_words_between_them_kept():
    body = split_body("> 納期は？\n6月10日です。\n> 数量は？\n500個です。")
    assert body.text == "6月10日です。\n500個です。"


@pytest.mark.parametrize(
    "signature",
    [
        "-- \n株式会社ゲンバ機工\n佐藤 健\nTEL 03-1111-2222",
        "━━━━━━━━━━━━\n株式会社ゲンバ機工 営業部\n佐藤 健\nsato@genba-kiko.co.jp\n━━━━━━━━━━━━",
        "**************************\n株式会社ゲンバ機工\nTEL:03-1111-2222\n**************************",
        "株式会社ゲンバ機工 営業部 佐藤 健\nTEL: 03-1111-2222 / sato@genba-kiko.co.jp",  # no rule
    ],
)
def test_the_signature_is_split_off(signature):
    body = split_body(f"{OWN}\n\n{signature}")
    assert body.text == OWN
    assert "ゲンバ機工" in body.signature and "━" not in body.signature


def test_a_body_without_signature_keeps_everything():
    text = "佐藤様\n\n見積の件、社内で検討します。\n結果は来週ご連絡します。"
    body = split_body(text)
    assert body.text == text and body.signature == "" and not body.quoted


def test_a_one_line_signature_card():
    card = signature_card(
        "株式会社山田製作所 品質保証部 部長 鈴木 花子\n携帯 090-9999-8888", "m.eml"
    )
    assert card.company == "株式会社山田製作所" and card.full_name == "鈴木 花子"
    assert (
        card.title == "部長" and card.department == "品質保証部" and card.mobile == "090-9999-8888"
    )
    assert card.needs_review


def test_html_outlook_reply_header_block_is_history():
    html = (
        "<div>承知しました。</div><div>よろしくお願いします。</div>"
        '<div id="divRplyFwdMsg"><b>差出人:</b> 田村</div><div>古い本文</div>'
    )
    assert html_to_text(html) == "承知しました。\nよろしくお願いします。"


def test_html_entities_scripts_and_line_breaks():
    html = "<p>A&amp;B社&nbsp;様<br>納期&lt;6月&gt;</p><script>alert(1)</script><style>p{}</style>"
    assert html_to_text(html) == "A&B社 様\n納期<6月>"
