import datetime as dt

from importers.cards.csv_contacts import parse_contact_csv

BOM = b"\xef\xbb\xbf"


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8", bom: bool = False) -> bytes:
    text = "\r\n".join(",".join(f'"{c}"' if "," in c else c for c in r) for r in rows) + "\r\n"
    return (BOM if bom else b"") + text.encode(encoding)


EIGHT_HEADER = [
    "会社名",
    "部署名",
    "役職",
    "姓",
    "名",
    "e-mail",
    "郵便番号",
    "住所",
    "TEL会社",
    "TEL部門",
    "TEL直通",
    "Fax",
    "携帯電話",
    "URL",
    "名刺交換日",
    "展示会2025",
    "重要顧客",
]


def test_eight_bom_with_tag_columns():
    data = csv_bytes(
        [
            EIGHT_HEADER,
            [
                "株式会社サンプル精工",
                "製造部",
                "課長",
                "青木",
                "一郎",
                "aoki@sample-seiko.example.jp",
                "4600001",
                "愛知県名古屋市中区1-2-3",
                "052-111-2222",
                "",
                "",
                "052-111-2223",
                "090-1111-2222",
                "https://sample-seiko.example.jp",
                "2025/03/12",
                "1",
                "",
            ],
            [
                "見本化成株式会社",
                "資材部",
                "主任",
                "石井",
                "花子",
                "ishii@mihon-kasei.example.jp",
                "530-0001",
                "大阪府大阪市北区4-5-6",
                "06-3333-4444",
                "",
                "",
                "",
                "",
                "",
                "2025/04/02",
                "",
                "1",
            ],
        ],
        bom=True,
    )
    r = parse_contact_csv(data, "eight.csv")
    assert r.issues == []
    a, b = r.contacts
    assert (a.full_name, a.company, a.department, a.title) == (
        "青木 一郎",
        "株式会社サンプル精工",
        "製造部",
        "課長",
    )
    assert (a.phone, a.fax, a.mobile) == ("052-111-2222", "052-111-2223", "090-1111-2222")
    assert (a.postal_code, a.address) == ("460-0001", "愛知県名古屋市中区1-2-3")
    assert a.exchanged_on == dt.date(2025, 3, 12)
    assert a.tags == ["展示会2025"] and b.tags == ["重要顧客"]
    assert a.source_ref == "eight.csv!row 2" and b.source_ref == "eight.csv!row 3"
    assert a.raw["TEL会社"] == "052-111-2222"


def test_sansan():
    data = csv_bytes(
        [
            [
                "会社名",
                "部署名",
                "役職",
                "氏名",
                "氏名（カナ）",
                "メールアドレス",
                "郵便番号",
                "住所",
                "電話番号",
                "FAX",
                "携帯電話",
                "名刺交換日",
            ],
            [
                "見本化成株式会社",
                "資材部",
                "主任",
                "石井 花子",
                "イシイ ハナコ",
                "ishii@mihon-kasei.example.jp",
                "〒530-0001",
                "大阪府大阪市北区4-5-6",
                "06-3333-4444",
                "06-3333-4445",
                "",
                "2025-04-02",
            ],
        ]
    )
    r = parse_contact_csv(data, "sansan.csv")
    (c,) = r.contacts
    assert (c.full_name, c.full_name_kana) == ("石井 花子", "イシイ ハナコ")
    assert (c.phone, c.fax, c.postal_code) == ("06-3333-4444", "06-3333-4445", "530-0001")
    assert c.exchanged_on == dt.date(2025, 4, 2)


def test_camcard_japanese_and_english():
    ja = csv_bytes(
        [
            ["名前", "会社", "部署", "役職", "携帯", "電話", "メール", "住所"],
            [
                "田中 太郎",
                "株式会社テスト",
                "営業部",
                "部長",
                "080-1234-5678",
                "03-1234-5678",
                "tanaka@test.example.jp",
                "東京都千代田区1-1",
            ],
        ]
    )
    en = csv_bytes(
        [
            ["Name", "Company", "Department", "Title", "Mobile", "Work Phone", "Email", "Address"],
            [
                "Taro Tanaka",
                "Test Co., Ltd.",
                "Sales",
                "Manager",
                "080-1234-5678",
                "03-1234-5678",
                "tanaka@test.example.jp",
                "1-1 Chiyoda",
            ],
        ]
    )
    (a,) = parse_contact_csv(ja, "camcard.csv").contacts
    (b,) = parse_contact_csv(en, "camcard_en.csv").contacts
    assert (a.full_name, a.company, a.title, a.mobile, a.phone) == (
        "田中 太郎",
        "株式会社テスト",
        "部長",
        "080-1234-5678",
        "03-1234-5678",
    )
    assert (b.full_name, b.company, b.title, b.department) == (
        "Taro Tanaka",
        "Test Co., Ltd.",
        "Manager",
        "Sales",
    )


def test_outlook_english_title_is_honorific():
    header = [
        "Title",
        "First Name",
        "Middle Name",
        "Last Name",
        "Company",
        "Department",
        "Job Title",
        "Business Street",
        "Business City",
        "Business State",
        "Business Postal Code",
        "Business Fax",
        "Business Phone",
        "Mobile Phone",
        "E-mail Address",
        "Home Phone",
    ]
    row = [
        "Mr.",
        "Ichiro",
        "",
        "Aoki",
        "Sample Seiko",
        "Production",
        "Manager",
        "1-2-3 Naka-ku",
        "Nagoya",
        "Aichi",
        "460-0001",
        "052-111-2223",
        "052-111-2222",
        "090-1111-2222",
        "aoki@sample-seiko.example.jp",
        "",
    ]
    r = parse_contact_csv(csv_bytes([header, row]), "outlook.csv")
    (c,) = r.contacts
    assert (c.full_name, c.title, c.department) == ("Ichiro Aoki", "Manager", "Production")
    assert (c.phone, c.fax, c.mobile, c.postal_code) == (
        "052-111-2222",
        "052-111-2223",
        "090-1111-2222",
        "460-0001",
    )
    assert c.address == "1-2-3 Naka-ku, Nagoya, Aichi"
    assert [i.code for i in r.issues] == ["unknown_columns"]
    assert "Home Phone" in r.issues[0].message


def test_outlook_japanese_cp932():
    header = ["名", "姓", "会社名", "部署", "役職", "電子メール アドレス", "会社電話", "携帯電話"]
    row = [
        "一郎",
        "青木",
        "株式会社サンプル精工",
        "製造部",
        "課長",
        "aoki@sample-seiko.example.jp",
        "０５２−１１１−２２２２",
        "090-1111-2222",
    ]
    r = parse_contact_csv(csv_bytes([header, row], encoding="cp932"), "outlook_ja.csv")
    (c,) = r.contacts
    assert (c.full_name, c.company, c.email) == (
        "青木 一郎",
        "株式会社サンプル精工",
        "aoki@sample-seiko.example.jp",
    )
    assert c.phone == "052-111-2222"  # full-width digits and minus normalised


def test_google_contacts():
    header = [
        "Name",
        "Given Name",
        "Family Name",
        "Phonetic First Name",
        "Phonetic Last Name",
        "Organization 1 - Name",
        "Organization 1 - Title",
        "E-mail 1 - Type",
        "E-mail 1 - Value",
        "Phone 1 - Type",
        "Phone 1 - Value",
        "Phone 2 - Type",
        "Phone 2 - Value",
        "Labels",
    ]
    row = [
        "",
        "花子",
        "石井",
        "ハナコ",
        "イシイ",
        "見本化成株式会社",
        "主任",
        "* Work",
        "ishii@mihon-kasei.example.jp",
        "Mobile",
        "090-3333-4444",
        "Work",
        "06-3333-4444 ::: 06-3333-4446",
        "* myContacts ::: 展示会",
    ]
    r = parse_contact_csv(csv_bytes([header, row]), "google.csv")
    assert r.issues == []
    (c,) = r.contacts
    assert (c.full_name, c.full_name_kana, c.company, c.title) == (
        "石井 花子",
        "イシイ ハナコ",
        "見本化成株式会社",
        "主任",
    )
    assert (c.email, c.mobile, c.phone) == (
        "ishii@mihon-kasei.example.jp",
        "090-3333-4444",
        "06-3333-4444",
    )
    assert c.tags == ["展示会"]


def test_unknown_columns_listed_once_and_invalid_values_kept():
    data = csv_bytes(
        [
            ["氏名", "会社名", "メールアドレス", "電話番号", "好きな食べ物", "血液型"],
            ["青木 一郎", "サンプル精工", "aoki@@bad", "052-111-2222", "寿司", "A"],
            ["石井 花子", "見本化成", "ishii@mihon-kasei.example.jp", "123", "", ""],
        ]
    )
    r = parse_contact_csv(data, "x.csv")
    assert len(r.contacts) == 2
    infos = [i for i in r.issues if i.severity == "info"]
    assert len(infos) == 1 and "好きな食べ物" in infos[0].message and "血液型" in infos[0].message
    warnings = {(i.location, i.code) for i in r.issues if i.severity == "warning"}
    assert warnings == {("x.csv!row 2", "invalid_email"), ("x.csv!row 3", "invalid_phone")}
    assert r.contacts[0].email == "aoki@@bad" and r.contacts[0].needs_review


def test_no_usable_columns_is_one_error():
    data = csv_bytes([["日付", "金額", "メモ"], ["2025/03/12", "1000", "x"]])
    r = parse_contact_csv(data, "sales.csv", lang="en")
    assert r.contacts == []
    (issue,) = r.issues
    assert issue.severity == "error" and issue.code == "no_usable_columns"
    assert "日付, 金額, メモ" in issue.message and "会社名" in issue.message
    (ja,) = parse_contact_csv(data, "sales.csv", lang="ja").issues
    assert "見つかった列: 日付、金額、メモ" in ja.message and "会社名" in ja.message


def test_bad_date_and_empty_rows():
    data = csv_bytes(
        [
            EIGHT_HEADER[:15],
            ["A社", "", "", "青木", "一郎", "", "", "", "", "", "", "", "", "", "昨日"],
            [""] * 15,
        ]
    )
    r = parse_contact_csv(data, "e.csv")
    (c,) = r.contacts
    assert c.exchanged_on is None
    assert [i.code for i in r.issues] == ["bad_date"]


def test_empty_file():
    assert parse_contact_csv(b"", "e.csv").issues[0].code == "empty_file"


def test_single_name_column_with_honorific_or_title():
    data = csv_bytes(
        [["氏名", "会社名"], ["青木 一郎 様", "サンプル精工"], ["石井課長", "見本化成"]]
    )
    a, b = parse_contact_csv(data, "n.csv").contacts
    assert (a.full_name, a.title) == ("青木 一郎", "")
    assert (b.full_name, b.title) == ("石井", "課長")
