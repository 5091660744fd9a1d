import quopri

from importers.cards.vcard import logical_lines, parse_vcards, qp_decode


def qp(text: str, charset: str = "cp932") -> bytes:
    return quopri.encodestring(text.encode(charset)).replace(b"=\n", b"")


def sjis_card(name: tuple[str, str], kana: tuple[str, str], org: str, title: str) -> bytes:
    fam, giv = name
    return b"\r\n".join(
        [
            b"BEGIN:VCARD",
            b"VERSION:2.1",
            b"N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:" + qp(fam) + b";" + qp(giv) + b";;;",
            b"SOUND;X-IRMC-N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:"
            + qp(kana[0])
            + b";"
            + qp(kana[1])
            + b";;;",
            b"ORG;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:" + qp(org),
            b"TITLE;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:" + qp(title),
            b"TEL;WORK;VOICE:052-111-2222",
            b"TEL;CELL:090-1111-2222",
            b"TEL;FAX:052-111-2223",
            b"EMAIL;INTERNET:aoki@sample-seiko.example.jp",
            b"END:VCARD",
            b"",
        ]
    )


def test_v21_shift_jis_quoted_printable():
    data = sjis_card(
        ("青木", "一郎"), ("アオキ", "イチロウ"), "株式会社サンプル精工", "製造部 課長"
    )
    r = parse_vcards(data, "phone.vcf")
    assert r.issues == []
    (c,) = r.contacts
    assert c.full_name == "青木 一郎"
    assert c.full_name_kana == "アオキ イチロウ"
    assert c.company == "株式会社サンプル精工"
    assert (c.department, c.title) == ("製造部", "課長")
    assert (c.phone, c.mobile, c.fax) == ("052-111-2222", "090-1111-2222", "052-111-2223")
    assert c.email == "aoki@sample-seiko.example.jp"
    assert c.source_ref == "phone.vcf#1"
    assert c.raw["N"] == "青木;一郎;;;"
    assert not c.needs_review


def test_v21_soft_line_breaks_and_half_width_kana():
    org = qp("株式会社サンプル精工")
    folded = org[:12] + b"=\r\n" + org[12:30] + b"=\r\n" + org[30:]
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:" + qp("田中") + b";" + qp("太郎") + b"\r\n"
        b"SOUND;X-IRMC-N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:"
        + qp("ﾀﾅｶ")
        + b";"
        + qp("ﾀﾛｳ")
        + b"\r\n"
        b"ORG;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:" + folded + b"\r\n"
        b"END:VCARD\r\n"
    )
    (c,) = parse_vcards(data, "a.vcf").contacts
    assert c.company == "株式会社サンプル精工"
    assert c.full_name == "田中 太郎"
    assert c.full_name_kana == "タナカ タロウ"


def test_v21_raw_shift_jis_without_qp_and_bare_params():
    data = (
        "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=SHIFT_JIS:表;太郎\nTEL;CELL:09011112222\nEND:VCARD\n"
    )
    (c,) = parse_vcards(data.encode("cp932"), "raw.vcf").contacts
    assert c.full_name == "表 太郎"  # 表 has 0x5C as its second byte
    assert c.mobile == "090-1111-2222"


def test_v30_x_phonetic_org_department_and_folding():
    data = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:石井 花子\r\nN:石井;花子;;;\r\n"
        "X-PHONETIC-LAST-NAME:イシイ\r\nX-PHONETIC-FIRST-NAME:ハナコ\r\n"
        "ORG:見本化成株式会社;資材\r\n 部\r\nTITLE:主任\r\n"
        "TEL;TYPE=WORK:06-3333-4444\r\nitem1.EMAIL;TYPE=INTERNET:ishii@mihon-kasei.example.jp\r\n"
        "ADR;TYPE=WORK:;;北区4-5-6;大阪市;大阪府;530-0001;日本\r\n"
        "CATEGORIES:展示会,重要\r\nEND:VCARD\r\n"
    ).encode()
    r = parse_vcards(codecs_bom() + data, "c.vcf")
    (c,) = r.contacts
    assert (c.full_name, c.full_name_kana) == ("石井 花子", "イシイ ハナコ")
    assert (c.company, c.department, c.title) == ("見本化成株式会社", "資材部", "主任")
    assert c.email == "ishii@mihon-kasei.example.jp"
    assert (c.postal_code, c.address) == ("530-0001", "大阪府大阪市北区4-5-6")
    assert c.tags == ["展示会", "重要"]


def codecs_bom() -> bytes:
    return b"\xef\xbb\xbf"


def test_v30_sort_string_and_v40_sort_as_multiple_cards():
    data = (
        "BEGIN:VCARD\nVERSION:3.0\nN:山田;花子\nSORT-STRING:ヤマダ ハナコ\nEMAIL:h@yamada.example.jp\nEND:VCARD\n"
        'BEGIN:VCARD\nVERSION:4.0\nFN:田中 太郎\nN;SORT-AS="タナカ,タロウ":田中;太郎;;;\n'
        'ORG:株式会社テスト;営業部\nTEL;VALUE=uri;TYPE="work,voice":tel:+81-3-1234-5678\n'
        "TEL;TYPE=cell:tel:+81-90-1234-5678\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:Smith;John\nORG:Acme Inc.\nEND:VCARD\n"
    ).encode()
    r = parse_vcards(data, "m.vcf")
    a, b, c = r.contacts
    assert (a.full_name, a.full_name_kana) == ("山田 花子", "ヤマダ ハナコ")
    assert (b.full_name, b.full_name_kana) == ("田中 太郎", "タナカ タロウ")
    assert (b.company, b.department) == ("株式会社テスト", "営業部")
    assert (b.phone, b.mobile) == ("03-1234-5678", "090-1234-5678")
    assert c.full_name == "John Smith"
    assert [x.source_ref for x in r.contacts] == ["m.vcf#1", "m.vcf#2", "m.vcf#3"]


def test_broken_quoted_printable_does_not_crash():
    good = sjis_card(("青木", "一郎"), ("アオキ", "イチロウ"), "株式会社サンプル精工", "課長")
    bad = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:"
        + qp("石井")
        + b"=ZZ;"
        + qp("花子")
        + b"=8\r\n"
        b"ORG;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:" + qp("見本化成") + b"\r\n"
        b"EMAIL:ishii@mihon-kasei.example.jp\r\nEND:VCARD\r\n"
    )
    r = parse_vcards(good + bad, "broken.vcf", lang="en")
    assert len(r.contacts) == 2
    c = r.contacts[1]
    assert c.full_name == "石井 花子"
    assert c.company == "見本化成"
    assert c.needs_review and not r.contacts[0].needs_review
    (issue,) = r.issues
    assert issue.severity == "warning" and issue.code == "broken_qp"
    assert issue.location == "broken.vcf#2"
    assert "Card #2" in issue.message and "name (N)" in issue.message
    (ja,) = parse_vcards(good + bad, "broken.vcf", lang="ja").issues
    assert "broken.vcf の2枚目の名刺" in ja.message and "氏名（N）" in ja.message


def test_qp_decoder_edge_cases():
    assert qp_decode(b"=41=42C") == (b"ABC", False)
    assert qp_decode(b"=41=") == (b"A", False)  # trailing soft break
    assert qp_decode(b"=4") == (b"", True)
    assert qp_decode(b"A=ZZB") == (b"AB", True)
    assert qp_decode(b"=8G") == (b"", True)
    assert qp_decode(b"=8 x") == (b" x", True)


def test_logical_lines_unfolds_rfc_and_qp():
    data = b"A:1\r\n 2\r\nB;ENCODING=QUOTED-PRINTABLE:=41=\r\n=42\r\n\r\nC:3"
    assert logical_lines(data) == [b"A:12", b"B;ENCODING=QUOTED-PRINTABLE:=41=42", b"C:3"]


def test_invalid_values_are_kept_with_a_warning():
    data = b"BEGIN:VCARD\nVERSION:3.0\nFN:X Y\nEMAIL:not-an-email\nTEL:12345\nEND:VCARD\n"
    r = parse_vcards(data, "v.vcf")
    (c,) = r.contacts
    assert c.email == "not-an-email" and c.phone == "12345" and c.needs_review
    assert {i.code for i in r.issues} == {"invalid_email", "invalid_phone"}


def test_not_a_vcard():
    r = parse_vcards(b"hello world", "x.vcf")
    assert r.contacts == [] and r.issues[0].code == "no_vcards"
