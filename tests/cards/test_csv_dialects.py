"""Contact CSVs as real programs write them: Eight's own export (preamble before the header),
Sansan, CamCard, Outlook (en/ja), Google/Android, Thunderbird (en/ja), Apple via CSV; UTF-8,
UTF-8 BOM, UTF-16 LE/BE, cp932; and public files of other projects (tests/cards/public)."""

import codecs
import csv
import io
from pathlib import Path

import pytest

from importers.cards.csv_contacts import parse_contact_csv

PUBLIC = Path(__file__).parent / "public"


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


# Eight's export exactly as Eight writes it: a generation line, 合計 N 件, notes, blank lines,
# then the header; every value quoted; flag columns after 名刺交換日.
EIGHT_EXPORT = (
    '"02月08日23時00分 JST にEightで生成された名刺リストです。"\r\n'
    '"合計 2 件"\r\n'
    '"*データ化の際に認識できない文字が含まれていた場合は「?」で代替されます。'
    '対象データが含まれる名刺はQ列にて特定できます。"\r\n'
    '"*データ生成時に文字化けする恐れがある文字は「＊」として置き換えてあります。"\r\n'
    "\r\n"
    "\r\n"
    '"会社名","部署名","役職","氏名","e-mail","郵便番号","住所","TEL会社","TEL部門","TEL直通",'
    '"Fax","携帯電話","URL","名刺交換日","Eightでつながっている人","再データ化中の名刺",'
    '"\'?\'を含んだデータ","展示会2025"\r\n'
    '"株式会社エイト商事","営業部","部長","近藤 五郎","goro@eight-shoji.example.jp","1050001",'
    '"東京都港区1-2-3","03-0000-1111","","","","090-2222-3333","http://eight-shoji.example.jp",'
    '"2022/05/26","1","","","1"\r\n'
    '"テスト株式会社","","","山川 六実","mutsumi@test.example.jp","","","","","","","","",'
    '"2016/06/07","1","","",""\r\n'
)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932", "utf-8"])
def test_eight_export_with_its_preamble(encoding):
    r = parse_contact_csv(EIGHT_EXPORT.encode(encoding), "eight.csv")
    assert not r.errors
    first, second = r.contacts
    assert (first.company, first.department, first.title, first.full_name) == (
        "株式会社エイト商事",
        "営業部",
        "部長",
        "近藤 五郎",
    )
    assert (first.postal_code, first.phone, first.mobile) == (
        "105-0001",
        "03-0000-1111",
        "090-2222-3333",
    )
    assert first.tags == ["展示会2025"]  # Eight's flag columns are not tags
    assert first.source_ref == "eight.csv!row 8"  # rows counted as in the file
    assert (second.full_name, second.email) == ("山川 六実", "mutsumi@test.example.jp")
    assert not [i for i in r.issues if i.code == "unknown_columns"]


def test_sansan_export_with_readings():
    header = ["会社名", "会社名(カナ)", "部署名", "役職", "姓", "名", "姓(カナ)", "名(カナ)",
              "E-mail", "郵便番号", "都道府県", "住所1", "住所2", "TEL", "FAX", "携帯", "URL",
              "名刺交換日", "所有者"]  # fmt: skip
    row = ["株式会社山田製作所", "ヤマダセイサクショ", "購買部", "課長", "山田", "太郎", "ヤマダ",
           "タロウ", "taro@yamada-ss.example.jp", "460-0008", "愛知県", "名古屋市中区栄1-1",
           "山田ビル3F", "052-123-4567", "052-123-4568", "080-1234-5678", "", "2025/01/20",
           "青木 一郎"]  # fmt: skip
    r = parse_contact_csv(csv_text([header, row]).encode("cp932"), "sansan.csv")
    (c,) = r.contacts
    assert (c.full_name, c.full_name_kana, c.company_kana) == (
        "山田 太郎",
        "ヤマダ タロウ",
        "ヤマダセイサクショ",
    )
    assert c.address == "愛知県名古屋市中区栄1-1山田ビル3F"
    assert (c.phone, c.fax, c.mobile) == ("052-123-4567", "052-123-4568", "080-1234-5678")
    assert not r.issues


def test_camcard_export():
    header = ["名前", "ふりがな", "会社", "会社名(ふりがな)", "部署", "役職", "携帯電話",
              "電話(会社)", "FAX(会社)", "メール", "住所(会社)", "郵便番号", "URL", "メモ"]  # fmt: skip
    row = ["佐藤 健一", "さとう けんいち", "港工業株式会社", "みなとこうぎょう", "技術部", "主任",
           "090-9876-5432", "03-5555-1234", "03-5555-1235", "sato@minato.example.jp",
           "東京都港区芝公園4-2-8", "105-0011", "https://minato.example.jp", ""]  # fmt: skip
    r = parse_contact_csv(csv_text([header, row]).encode("utf-8-sig"), "camcard.csv")
    (c,) = r.contacts
    assert (c.full_name, c.full_name_kana, c.company, c.company_kana) == (
        "佐藤 健一",
        "さとう けんいち",
        "港工業株式会社",
        "みなとこうぎょう",
    )
    assert (c.email, c.phone, c.fax, c.mobile) == (
        "sato@minato.example.jp",
        "03-5555-1234",
        "03-5555-1235",
        "090-9876-5432",
    )


def test_thunderbird_english_public_file():
    """Roundcube's Thunderbird fixture: 'Primary Email', 'Work Phone', 'Work ZipCode' ..."""
    r = parse_contact_csv((PUBLIC / "roundcube_tb_plain.csv").read_bytes(), "tb.csv")
    (c,) = r.contacts
    assert (c.full_name, c.email, c.company, c.department, c.title) == (
        "Displayname",
        "test@domain.tld",
        "Organization",
        "department",
        "title",
    )
    assert c.url == "http://page.com"
    assert c.address == "Addr work, Wcity, Wstate, Poland"
    assert c.postal_code == "33-333"  # a Polish address, a Polish code: not called wrong


def test_primary_email_alone_is_a_contact_list():
    r = parse_contact_csv((PUBLIC / "roundcube_email.csv").read_bytes(), "email.csv")
    assert [c.email for c in r.contacts] == [f"test{i}@domain.tld" for i in range(1, 5)]
    assert not r.errors


def test_google_public_file():
    r = parse_contact_csv((PUBLIC / "roundcube_gmail.csv").read_bytes(), "google.csv")
    (c,) = r.contacts
    assert c.full_name.startswith("Prefix Firstname")


def test_thunderbird_japanese():
    header = ["名", "姓", "表示名", "ニックネーム", "電子メールアドレス", "第 2 電子メールアドレス",
              "勤務先電話番号", "FAX 番号", "携帯電話番号", "勤務先住所", "勤務先市区町村",
              "勤務先都道府県", "勤務先郵便番号", "勤務先国", "役職", "部署", "所属",
              "Web ページ 1", "メモ"]  # fmt: skip
    row = ["花子", "石井", "石井 花子", "", "ishii@mihon.example.jp", "", "06-3333-4444",
           "", "", "北区4-5-6", "大阪市", "大阪府", "530-0001", "日本", "主任", "資材部",
           "見本化成株式会社", "", ""]  # fmt: skip
    r = parse_contact_csv(csv_text([header, row]).encode("utf-8"), "tb_ja.csv")
    (c,) = r.contacts
    assert (c.full_name, c.company, c.department, c.title, c.email) == (
        "石井 花子",
        "見本化成株式会社",  # 所属 beside 部署 is the company in Thunderbird
        "資材部",
        "主任",
        "ishii@mihon.example.jp",
    )
    assert c.address == "大阪府大阪市北区4-5-6"


def test_outlook_unicode_text_utf16_tab_separated():
    """Outlook's 'Unicode text' export: UTF-16 LE with BOM, tab-separated, Japanese UI."""
    header = ["姓", "名", "姓 (ふりがな)", "名 (ふりがな)", "会社名", "会社名 (ふりがな)", "部署",
              "役職", "勤務先 郵便番号", "勤務先 都道府県", "勤務先 市区町村", "勤務先 番地",
              "会社電話", "勤務先 FAX", "携帯電話", "電子メール アドレス"]  # fmt: skip
    row = ["鈴木", "一郎", "すずき", "いちろう", "鈴木工業株式会社", "すずきこうぎょう", "営業部",
           "部長", "〒460-0001", "愛知県", "名古屋市中区", "三の丸1-1", "052-111-2222",
           "052-111-2223", "090-1111-2222", "suzuki@suzuki-kogyo.example.jp"]  # fmt: skip
    text = csv_text([header, row], delimiter="\t")
    for data in (codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
                 codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
                 text.encode("utf-16-le")):  # fmt: skip
        r = parse_contact_csv(data, "outlook.txt.csv")
        (c,) = r.contacts
        assert (c.full_name, c.full_name_kana, c.company_kana) == (
            "鈴木 一郎",
            "すずき いちろう",
            "すずきこうぎょう",
        )
        assert (c.postal_code, c.address) == ("460-0001", "愛知県名古屋市中区三の丸1-1")


def test_apple_and_android_phonetic_columns():
    header = ["First Name", "Last Name", "Phonetic First Name", "Phonetic Last Name",
              "Phonetic Company Name", "Company", "Job Title", "Email", "Mobile Phone",
              "Work Phone"]  # fmt: skip
    row = ["Taro", "Yamada", "", "", "", "Yamada Works Inc.", "Buyer", "t.yamada@example.com",
           "+1 (919) 555-0142", "+1-919-555-0100"]  # fmt: skip
    row_ja = ["健一", "佐藤", "けんいち", "さとう", "みなとこうぎょう", "港工業", "主任",
              "k.sato@minato.example.jp", "090-9876-5432", ""]  # fmt: skip
    r = parse_contact_csv(csv_text([header, row, row_ja]).encode("utf-8"), "apple.csv")
    us, ja = r.contacts
    assert (us.full_name, us.mobile, us.phone) == (
        "Taro Yamada",
        "+1 919-555-0142",
        "+1 919-555-0100",
    )
    assert not us.needs_review  # valid foreign numbers are not called wrong
    assert (ja.full_name_kana, ja.company_kana) == ("さとう けんいち", "みなとこうぎょう")


def test_foreign_numbers_and_postcodes_with_their_country():
    header = ["Name", "Company", "Business Street", "Business City", "Business State",
              "Business Postal Code", "Business Country/Region", "Business Phone",
              "Mobile Phone", "E-mail Address"]  # fmt: skip
    rows = [
        header,
        ["Jane Doe", "Acme Corp.", "100 Main St", "Raleigh", "NC", "27613-3502", "USA",
         "(919) 555-0123", "", "jane@acme.example.com"],
        ["Pierre Roy", "Maple Ltd.", "1 King St", "Newmarket", "ON", "L3Y 4A1", "Canada",
         "905-555-0188", "", "p.roy@maple.example.ca"],
        ["Hans Weber", "Weber GmbH", "Hauptstr. 1", "Berlin", "", "10115", "Germany",
         "+49 30 901820", "+49 151 23456789", "h.weber@weber.example.de"],
    ]  # fmt: skip
    r = parse_contact_csv(csv_text(rows).encode("utf-8"), "outlook_en.csv")
    us, ca, de = r.contacts
    assert (us.postal_code, us.phone) == ("27613-3502", "+1 919-555-0123")
    assert (ca.postal_code, ca.phone) == ("L3Y 4A1", "+1 905-555-0188")
    assert (de.postal_code, de.phone, de.mobile) == ("10115", "+49 30 901820", "+49 1512 3456789")
    assert not any(c.needs_review for c in r.contacts)
    assert not [i for i in r.issues if i.severity != "info"]


def test_japanese_address_with_a_foreign_looking_code_is_still_checked():
    header = ["氏名", "会社名", "郵便番号", "住所", "電話番号"]
    row = ["青木 一郎", "サンプル精工", "46000", "愛知県名古屋市中区1-2-3", "12345"]
    r = parse_contact_csv(csv_text([header, row]).encode("utf-8"), "x.csv")
    (c,) = r.contacts
    assert c.needs_review
    assert sorted(i.code for i in r.issues) == ["invalid_phone", "invalid_postal_code"]
    assert (c.postal_code, c.phone) == ("46000", "12345")  # kept as written


def test_a_preamble_with_no_header_anywhere_is_refused_in_words():
    text = "Eightで生成された名刺リストです。\r\n合計 0 件\r\n\r\nメモ,日付\r\nあ,い\r\n"
    r = parse_contact_csv(text.encode("utf-8"), "notes.csv")
    (err,) = r.errors
    assert err.code == "no_usable_columns" and "notes.csv" in err.message
    assert "メモ" in err.message  # the columns it did find are named
    assert r.contacts == []


def test_truncated_utf16_file_keeps_what_it_can_and_says_so():
    header = ["氏名", "会社名", "メールアドレス"]
    rows = [
        header,
        ["青木 一郎", "サンプル精工", "aoki@sample.example.jp"],
        ["石井 花子", "見本", "x"],
    ]
    data = codecs.BOM_UTF16_LE + csv_text(rows).encode("utf-16-le")
    r = parse_contact_csv(data[:-3], "cut.csv")  # an odd byte count: the last character is cut
    assert r.contacts[0].full_name == "青木 一郎"
    assert "bad_encoding" in [i.code for i in r.issues]


def test_outlook_japanese_comma_export_with_split_address():
    header = ["姓", "名", "会社名", "部署", "役職", "勤務先住所 番地", "勤務先住所 市区町村",
              "勤務先住所 都道府県", "勤務先住所 郵便番号", "勤務先電話", "電子メール アドレス"]  # fmt: skip
    row = ["田中", "美咲", "田中化成株式会社", "品質保証部", "係長", "錦2-3-4", "名古屋市中区",
           "愛知県", "460-0003", "052-222-3333", "misaki@tanaka-kasei.example.jp"]  # fmt: skip
    r = parse_contact_csv(csv_text([header, row]).encode("cp932"), "outlook_ja.csv")
    (c,) = r.contacts
    assert (c.full_name, c.address, c.postal_code, c.phone) == (
        "田中 美咲",
        "愛知県名古屋市中区錦2-3-4",
        "460-0003",
        "052-222-3333",
    )
    assert not r.issues


def test_google_contacts_2024_export_with_labels():
    """Google Contacts' current CSV (what Android phones sync to): '… - Label' columns."""
    header = ["First Name", "Middle Name", "Last Name", "Phonetic First Name",
              "Phonetic Middle Name", "Phonetic Last Name", "Name Prefix", "Name Suffix",
              "Nickname", "File As", "Organization Name", "Organization Title",
              "Organization Department", "Birthday", "Notes", "Photo", "Labels",
              "E-mail 1 - Label", "E-mail 1 - Value", "Phone 1 - Label", "Phone 1 - Value",
              "Phone 2 - Label", "Phone 2 - Value", "Address 1 - Label", "Address 1 - Formatted",
              "Address 1 - Postal Code"]  # fmt: skip
    row = ["一郎", "", "鈴木", "いちろう", "", "すずき", "", "", "", "", "鈴木工業株式会社", "部長",
           "営業部", "", "", "", "* myContacts ::: 展示会2025", "* Work", "suzuki@suzuki.example.jp",
           "Mobile", "090-1111-2222", "Work", "052-111-2222", "Work",
           "愛知県名古屋市中区三の丸1-1", "460-0001"]  # fmt: skip
    r = parse_contact_csv(csv_text([header, row]).encode("utf-8"), "contacts.csv")
    (c,) = r.contacts
    assert (c.full_name, c.full_name_kana, c.company, c.department, c.title) == (
        "鈴木 一郎",
        "すずき いちろう",
        "鈴木工業株式会社",
        "営業部",
        "部長",
    )
    assert (c.email, c.mobile, c.phone) == (
        "suzuki@suzuki.example.jp",
        "090-1111-2222",
        "052-111-2222",
    )
    assert c.tags == ["展示会2025"]
