"""vCards as real programs write them: UTF-16 files, escaped characters, cards with 8-bit bytes
and no CHARSET, vCard 4.0 ALTID/LANGUAGE variants, readings of the company, public samples."""

import codecs
from pathlib import Path

import pytest

from importers.cards.vcard import parse_vcards

HERE = Path(__file__).parent
V30 = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山田 太郎\r\nN:山田;太郎;;;\r\n"
    "ORG:株式会社山田製作所;営業部\r\nTEL;TYPE=WORK:052-123-4567\r\n"
    "URL:http\\://www.example.com/yamada\r\nNOTE:納期厳守\\, 図面は\\;PDFで\r\n"
    "EMAIL:taro@yamada-ss.example.jp\r\nEND:VCARD\r\n"
)


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + V30.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + V30.encode("utf-16-be"),
        V30.encode("utf-16-le"),  # no BOM: recognised by its NUL bytes
        V30.encode("utf-8"),
    ],
    ids=["utf16le-bom", "utf16be-bom", "utf16le", "utf8"],
)
def test_utf16_and_utf8_files_read_the_same(data):
    r = parse_vcards(data, "contacts.vcf")
    assert not r.errors
    (c,) = r.contacts
    assert (c.full_name, c.company, c.department) == ("山田 太郎", "株式会社山田製作所", "営業部")
    assert c.url == "http://www.example.com/yamada"  # 'http\://' unescaped


def test_escapes_unescaped_in_the_21_reader_too():
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jane\r\nURL:http\\://www.example.com\r\n"
    data += b"ORG:Doe\\, Smith & Co.\r\nEND:VCARD\r\n"
    (c,) = parse_vcards(data, "x.vcf").contacts
    assert (c.url, c.company) == ("http://www.example.com", "Doe, Smith & Co.")


def test_8bit_latin1_card_without_charset_is_guessed_and_said():
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jürgen Ménard\r\nN:Ménard;Jürgen;;;\r\n"
    card += "ORG:Müller Präzision GmbH\r\nEND:VCARD\r\n"
    r = parse_vcards(card.encode("cp1252"), "de.vcf")
    (c,) = r.contacts
    assert (c.full_name, c.company) == ("Jürgen Ménard", "Müller Präzision GmbH")
    (issue,) = r.issues
    assert (issue.code, issue.severity) == ("charset_guessed", "warning")
    assert "cp1252" in issue.message and "CHARSET" in issue.message


def test_8bit_shift_jis_card_without_charset_is_read_as_cp932():
    card = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:青木;一郎\r\nORG:ABC精工株式会社\r\n"
    card += "SOUND;X-IRMC-N:ｱｵｷ;ｲﾁﾛｳ\r\nEND:VCARD\r\n"
    r = parse_vcards(card.encode("cp932"), "phone.vcf", lang="en")
    (c,) = r.contacts
    assert (c.full_name, c.company, c.full_name_kana) == (
        "青木 一郎",
        "ABC精工株式会社",
        "アオキ イチロウ",
    )
    assert [i.code for i in r.issues] == ["charset_guessed"]
    assert "Shift_JIS (cp932)" in r.issues[0].message


def test_utf8_card_without_charset_needs_no_guess():
    card = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:青木;一郎\r\nEND:VCARD\r\n"
    r = parse_vcards(card.encode("utf-8"), "x.vcf")
    assert r.issues == [] and r.contacts[0].full_name == "青木 一郎"


V40_ALTID = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\n"
    "FN;ALTID=1;LANGUAGE=en:Taro Yamada\r\n"
    "FN;ALTID=1;LANGUAGE=ja:山田太郎\r\n"
    "N;ALTID=1;LANGUAGE=en:Yamada;Taro;;;\r\n"
    "N;ALTID=1;LANGUAGE=ja:山田;太郎;;;\r\n"
    "N;ALTID=1;LANGUAGE=ja-Kana:ヤマダ;タロウ;;;\r\n"
    "ORG;ALTID=2;LANGUAGE=en:Yamada Works\r\n"
    "ORG;ALTID=2;LANGUAGE=ja:株式会社山田製作所\r\n"
    "ORG;ALTID=2;LANGUAGE=ja-Hira:やまだせいさくしょ\r\n"
    "EMAIL:taro@yamada-ss.example.jp\r\nEND:VCARD\r\n"
)


def test_v40_altid_keeps_the_japanese_name_and_takes_kana_as_reading():
    (c,) = parse_vcards(V40_ALTID.encode("utf-8"), "v4.vcf").contacts
    assert c.full_name == "山田太郎"
    assert c.company == "株式会社山田製作所"
    assert c.full_name_kana == "ヤマダ タロウ"
    assert c.company_kana == "やまだせいさくしょ"
    assert "Taro Yamada" in c.raw.values()  # the romanised variant is kept with the card


def test_company_readings_from_apple_and_sort_as():
    apple = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:佐藤;健一;;;\r\nORG:港工業株式会社\r\n"
    apple += "X-PHONETIC-ORG:ミナトコウギョウ\r\nEND:VCARD\r\n"
    v4 = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:佐藤 健一\r\nORG;SORT-AS="みなとこうぎょう":港工業\r\n'
    v4 += "END:VCARD\r\n"
    for data in (apple, v4):
        (c,) = parse_vcards(data.encode("utf-8"), "x.vcf").contacts
        assert c.company_kana in ("ミナトコウギョウ", "みなとこうぎょう")


def test_shared_samples():
    (c,) = parse_vcards((HERE / "samples/phone_export_v21_sjis.vcf").read_bytes(), "p.vcf").contacts
    assert (c.full_name, c.full_name_kana, c.company) == (
        "青木 一郎",
        "アオキ イチロウ",
        "株式会社サンプル精工",
    )
    (c,) = parse_vcards((HERE / "samples/contacts_v30.vcf").read_bytes(), "c.vcf").contacts
    assert (c.full_name, c.full_name_kana, c.department) == ("石井 花子", "イシイ ハナコ", "資材部")


def test_vobject_public_file():
    r = parse_vcards((HERE / "public/vobject_radicale-1587.vcf").read_bytes(), "r.vcf")
    (c,) = r.contacts
    assert c.full_name == "Given Family" and not r.errors


def test_foreign_numbers_on_a_card_are_valid():
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nTEL;TYPE=WORK:+1-919-555-0123\r\n"
    card += "TEL;TYPE=CELL:+49 151 23456789\r\nTEL;TYPE=FAX:(919) 555-0199\r\n"
    card += "ADR;TYPE=WORK:;;100 Main St;Raleigh;NC;27613-3502;USA\r\nEND:VCARD\r\n"
    r = parse_vcards(card.encode("utf-8"), "us.vcf")
    (c,) = r.contacts
    assert (c.phone, c.mobile, c.postal_code) == (
        "+1 919-555-0123",
        "+49 1512 3456789",
        "27613-3502",
    )
    assert c.fax == "+1 919-555-0199"  # no country code: read as the address's country's
    assert c.address == "100 Main St, Raleigh, NC, USA"
    assert not c.needs_review and r.issues == []


def test_hostile_vcards_never_crash():
    for data in (
        codecs.BOM_UTF16_LE + "BEGIN:VCARD\r\nFN:青木".encode("utf-16-le")[:-1],  # cut mid-char
        b"\x00" * 64,
        b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN;ALTID=1;LANGUAGE=ja:\r\nFN;ALTID=1:\r\nEND:VCARD\r\n",
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:\xff\xfe\xfd;\xfc\r\nEND:VCARD\r\n",
    ):
        r = parse_vcards(data, "bad.vcf")
        assert r.contacts or r.issues  # either something read or a message, never an exception


def qp_utf8(text: str) -> str:
    return "".join(f"={b:02X}" for b in text.encode("utf-8"))


def test_android_export_utf8_quoted_printable_with_phonetic_names():
    card = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp_utf8('田中')};{qp_utf8('美咲')};;;\r\n"
        f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp_utf8('田中 美咲')}\r\n"
        f"X-PHONETIC-FIRST-NAME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp_utf8('みさき')}\r\n"
        f"X-PHONETIC-LAST-NAME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp_utf8('たなか')}\r\n"
        "TEL;CELL:090-2222-3333\r\nTEL;WORK:+1-919-555-0123\r\n"
        f"ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp_utf8('田中化成株式会社')}\r\n"
        "END:VCARD\r\n"
    )
    r = parse_vcards(card.encode("ascii"), "android.vcf")
    (c,) = r.contacts
    assert (c.full_name, c.full_name_kana, c.company) == (
        "田中 美咲",
        "たなか みさき",
        "田中化成株式会社",
    )
    assert (c.mobile, c.phone) == ("090-2222-3333", "+1 919-555-0123")
    assert r.issues == []


def test_icloud_export_with_item_groups_and_phonetic_org():
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.0//EN\r\n"
        "N:佐藤;健一;;;\r\nFN:佐藤 健一\r\nX-PHONETIC-FIRST-NAME:けんいち\r\n"
        "X-PHONETIC-LAST-NAME:さとう\r\nORG:港工業株式会社;技術部;\r\n"
        "X-PHONETIC-ORG:みなとこうぎょう\r\nTITLE:主任\r\n"
        "item1.EMAIL;type=INTERNET;type=pref:sato@minato.example.jp\r\n"
        "item1.X-ABLabel:_$!<Work>!$_\r\n"
        "TEL;type=CELL;type=VOICE;type=pref:090-9876-5432\r\n"
        "item2.ADR;type=WORK;type=pref:;;芝公園4-2-8;港区;東京都;105-0011;日本\r\n"
        "item2.X-ABADR:jp\r\nEND:VCARD\r\n"
    )
    (c,) = parse_vcards(card.encode("utf-8"), "icloud.vcf").contacts
    assert (c.full_name, c.full_name_kana, c.company, c.company_kana, c.department) == (
        "佐藤 健一",
        "さとう けんいち",
        "港工業株式会社",
        "みなとこうぎょう",
        "技術部",
    )
    assert (c.email, c.mobile, c.postal_code, c.address) == (
        "sato@minato.example.jp",
        "090-9876-5432",
        "105-0011",
        "東京都港区芝公園4-2-8",
    )
