"""A Japanese Outlook's contact CSV, under the header line of a real export
(tests/cards/public/outlook_ja_header.csv, origin in tests/cards/public/README.md): cp932, CRLF,
95 columns, the empty cells quoted or not as Outlook writes them, its default values (00/0/0,
指定なし, 標準, False), and a メモ cell that spans two lines."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from importers.cards import parse_contact_csv

PUBLIC = Path(__file__).parent / "public"
HEADER_BYTES = (PUBLIC / "outlook_ja_header.csv").read_bytes()
HEADER = next(csv.reader(io.StringIO(HEADER_BYTES.decode("cp932"))))

# The values of one work contact, by Outlook's column name
CONTACT = {
    "肩書き": "Dr.",  # Outlook's Title (Mr./Dr.), not a job title
    "名": "正幸",
    "姓": "杉山",
    "会社名": "杉山精機株式会社",
    "部署": "生産技術部",
    "役職": "課長",
    "番地 (会社)": "錦2-3-4",
    "住所 2 (会社)": "錦ビル5F",
    "市町村 (会社)": "名古屋市中区",
    "都道府県 (会社)": "愛知県",
    "郵便番号 (会社)": "460-0003",
    "国 (会社)/地域": "日本",
    "番地 (自宅)": "自宅の番地1-1",
    "会社 FAX": "052-222-3334",
    "会社電話": "052-222-3333",
    "携帯電話": "090-1234-5678",
    "Web ページ": "https://sugiyama-seiki.example.jp",
    "メモ": "展示会で名刺交換\r\n治具の相談あり",
    "会社名フリガナ": "スギヤマセイキ",
    "姓フリガナ": "スギヤマ",
    "名前フリガナ": "マサユキ",
    "電子メール アドレス": "sugiyama@sugiyama-seiki.example.jp",
    "電子メールの種類": "SMTP",
    "電子メール表示名": "杉山 正幸 (sugiyama@sugiyama-seiki.example.jp)",
    "分類": "展示会2025",
    # Outlook's defaults for an unset field
    "記念日": "00/0/0",
    "誕生日": "00/0/0",
    "性別": "指定なし",
    "秘密度": "標準",
    "優先度": "標準",
    "プライベート": "False",
}


def outlook_export(rows: list[dict[str, str]]) -> bytes:
    """The header line as exported, then rows as Outlook writes them: text fields quoted even
    when empty, the others bare."""
    out = io.StringIO()
    quoted = {"肩書き", "名", "姓", "会社名", "部署", "役職", "メモ", "電子メール アドレス"}
    for row in rows:
        cells = []
        for name in HEADER:
            value = row.get(name, "")
            if value or name in quoted:
                cells.append('"' + value.replace('"', '""') + '"')
            else:
                cells.append("")
        out.write(",".join(cells) + "\r\n")
    return HEADER_BYTES + out.getvalue().encode("cp932")


def test_the_kept_header_is_outlooks_whole_line():
    assert len(HEADER) == 95 and HEADER[:4] == ["肩書き", "名", "ミドル ネーム", "姓"]
    assert HEADER_BYTES.endswith(b"\r\n")


def test_every_work_field_of_a_japanese_outlook_export_is_read():
    r = parse_contact_csv(outlook_export([CONTACT]), "連絡先.CSV")
    assert not r.errors
    (c,) = r.contacts
    assert (c.full_name, c.full_name_kana) == ("杉山 正幸", "スギヤマ マサユキ")
    assert (c.company, c.company_kana, c.department, c.title) == (
        "杉山精機株式会社",
        "スギヤマセイキ",
        "生産技術部",
        "課長",
    )
    assert (c.email, c.phone, c.fax, c.mobile) == (
        "sugiyama@sugiyama-seiki.example.jp",
        "052-222-3333",
        "052-222-3334",
        "090-1234-5678",
    )
    assert (c.postal_code, c.address) == ("460-0003", "愛知県名古屋市中区錦2-3-4錦ビル5F")
    assert c.url == "https://sugiyama-seiki.example.jp"
    assert c.tags == ["展示会2025"]
    # nothing is dropped: the home address and the two-line memo stay in the raw values
    assert c.raw["番地 (自宅)"] == "自宅の番地1-1"
    assert c.raw["メモ"] == "展示会で名刺交換 治具の相談あり"  # one line
    assert not c.needs_review


def test_outlooks_honorific_is_not_taken_for_a_job_title():
    row = {**CONTACT, "役職": ""}
    (c,) = parse_contact_csv(outlook_export([row]), "連絡先.CSV").contacts
    assert c.title == ""


def test_outlooks_bookkeeping_columns_are_not_listed_as_unknown():
    r = parse_contact_csv(outlook_export([CONTACT]), "連絡先.CSV")
    (info,) = [i for i in r.issues if i.code == "unknown_columns"]
    for name in ("電子メール 2 の種類", "秘密度", "優先度", "プライベート", "姓フリガナ"):
        assert name not in info.message
    # columns with data Genba does not use are named, so the rep knows
    assert "番地 (自宅)" in info.message


def test_a_given_name_only_reading_is_kept_alone():
    """名前フリガナ without 姓フリガナ: the reading of what there is."""
    row = {**CONTACT, "姓フリガナ": ""}
    (c,) = parse_contact_csv(outlook_export([row]), "連絡先.CSV").contacts
    assert c.full_name_kana == "マサユキ"
