"""The CSV a Japanese Windows Mail / Windows アドレス帳 writes, with the column names as the
help of a Japanese webmail that imports it lists them (the Active! mail help at
https://www.alpha-prm.jp/support/help_r/mail_p_riyou_0411_14.html: 表示名, 電子メールアドレス,
会社名, 部署名, 役職, 勤務先電話番号, 勤務先ファックス, 勤務先の国または地域, 勤務先の郵便番号,
勤務先の都道府県, 勤務先の市区町村, 勤務先の番地, ビジネス Web ページ, 携帯電話, メモ).
Not a real exported file: the names only, from that page."""

from __future__ import annotations

from importers.cards import parse_contact_csv

HEADER = [
    "表示名",
    "ニックネーム",
    "電子メールアドレス",
    "会社名",
    "部署名",
    "役職",
    "自宅電話番号",
    "携帯電話",
    "勤務先電話番号",
    "勤務先ファックス",
    "勤務先の国または地域",
    "勤務先の郵便番号",
    "勤務先の都道府県",
    "勤務先の市区町村",
    "勤務先の番地",
    "ビジネス Web ページ",
    "メモ",
]
ROW = [
    "鈴木 一郎",
    "",
    "suzuki@suzuki-kogyo.example.jp",
    "鈴木工業株式会社",
    "営業部",
    "部長",
    "",
    "090-1111-2222",
    "052-111-2222",
    "052-111-2223",
    "日本",
    "460-0001",
    "愛知県",
    "名古屋市中区",
    "三の丸1-1",
    "https://suzuki-kogyo.example.jp",
    "",
]


def test_every_work_field_of_a_windows_mail_export_is_read():
    data = ("\r\n".join(",".join(r) for r in (HEADER, ROW)) + "\r\n").encode("cp932")
    r = parse_contact_csv(data, "アドレス帳.csv")
    assert not r.errors
    (c,) = r.contacts
    assert (c.full_name, c.company, c.department, c.title) == (
        "鈴木 一郎",
        "鈴木工業株式会社",
        "営業部",
        "部長",
    )
    assert (c.phone, c.fax, c.mobile) == ("052-111-2222", "052-111-2223", "090-1111-2222")
    assert (c.postal_code, c.address) == ("460-0001", "愛知県名古屋市中区三の丸1-1")
    assert c.url == "https://suzuki-kogyo.example.jp"
