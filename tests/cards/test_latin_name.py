"""The romanised name a card gives beside the Japanese one (a vCard 4.0 ALTID variant, an
English-name column) is stored on the contact (``full_name_latin``), syncs, and is found and
shown by the app's people search."""

from __future__ import annotations

from desktop.app.data.search_results import people_hits
from importers.cards.apply import import_card_file
from importers.cards.csv_contacts import parse_contact_csv
from sync.schema_contract import CONTACT_DETAILS, SYNCED_FIELDS
from tests.cards.test_vcard_real import V40_ALTID


def _contact(store):
    (row,) = store.query("SELECT * FROM contacts WHERE deleted = 0")
    return row


def test_the_romanised_altid_name_is_stored_beside_the_japanese_one(tmp_path, store):
    f = tmp_path / "yamada.vcf"
    f.write_bytes(V40_ALTID.encode("utf-8"))
    out = import_card_file(store, f, lang="ja")
    assert out.added == 1, out.issues
    c = _contact(store)
    assert (c["full_name"], c["full_name_latin"]) == ("山田太郎", "Taro Yamada")
    assert c["full_name_kana"] == "ヤマダ タロウ"
    assert "full_name_latin" in SYNCED_FIELDS["contacts"] and "full_name_latin" in CONTACT_DETAILS
    # a rep's own spelling is kept when the same card is read again
    with store.write() as w:
        w.update("contacts", c["id"], {"full_name_latin": "Taro YAMADA"})
    import_card_file(store, f, lang="ja", force=True)
    assert _contact(store)["full_name_latin"] == "Taro YAMADA"


def test_the_app_search_finds_a_contact_by_the_romanised_name_and_shows_it(tmp_path, store):
    f = tmp_path / "yamada.vcf"
    f.write_bytes(V40_ALTID.encode("utf-8"))
    import_card_file(store, f, lang="ja")
    (hit,) = people_hits(store.reader(), "taro yamada")
    assert hit["kind"] == "contact" and hit["snippet"].startswith("山田太郎 (Taro Yamada)")
    assert people_hits(store.reader(), "山田太郎")[0]["id"] == hit["id"]


def test_only_n_in_latin_letters_and_no_romanised_variant():
    v = V40_ALTID.replace("FN;ALTID=1;LANGUAGE=en:Taro Yamada\r\n", "")
    from importers.cards.vcard import parse_vcards

    (c,) = parse_vcards(v.encode("utf-8"), "v.vcf").contacts
    assert (c.full_name, c.full_name_latin) == ("山田太郎", "Taro Yamada")  # from N: given family
    plain = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:John Smith\r\nN:Smith;John;;;\r\nEND:VCARD\r\n"
    (c,) = parse_vcards(plain.encode("utf-8"), "x.vcf").contacts
    assert (c.full_name, c.full_name_latin) == ("John Smith", "")  # a Latin name is the name


def test_an_english_name_column_in_a_contact_csv():
    data = "氏名,氏名(英語),会社名\r\n佐藤 健一,Kenichi Sato,港工業株式会社\r\n".encode()
    (c,) = parse_contact_csv(data, "cards.csv").contacts
    assert (c.full_name, c.full_name_latin) == ("佐藤 健一", "Kenichi Sato")


def test_a_card_in_latin_letters_is_suggested_as_the_same_person(store):
    from importers.cards.duplicates import find_duplicate_contacts

    with store.write() as w:
        w.insert(
            "companies",
            {"id": "c-y", "name": "株式会社山田製作所", "name_normalized": "山田製作所"},
        )
        w.insert(
            "contacts",
            {
                "id": "k-ja",
                "company_id": "c-y",
                "full_name": "山田 太郎",
                "name_normalized": "山田太郎",
                "full_name_latin": "Taro Yamada",
            },
        )
        w.insert(
            "contacts",
            {
                "id": "k-en",
                "company_id": "c-y",
                "full_name": "Taro Yamada",
                "name_normalized": "taroyamada",
            },
        )
    ((keep, other, reason),) = find_duplicate_contacts(store)
    assert {keep, other} == {"k-ja", "k-en"} and "taro yamada" in reason.lower()
