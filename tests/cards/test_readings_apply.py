"""Readings in the store: taken from cards, derived otherwise and marked so, never replacing one
set by hand; report companies get one too; cross-script duplicates suggested with the reason."""

import sqlite3

from desktop.app.data.edits import correct_card, rename_company
from importers.cards.apply import import_card_file
from importers.cards.merge import find_duplicate_companies, find_duplicate_contacts
from importers.cards.readings import fill_readings
from sync.store import Store
from sync.store.ids import natural_id
from tests.cards.test_apply import eight_csv, report, rows

YAMADA = natural_id("companies", "山田製作所")


def vcard(path, *, org_kana: str = "", n_kana: str = "", email: str = "taro@yamada.example.jp"):
    lines = ["BEGIN:VCARD", "VERSION:3.0", "FN:山田 太郎", "N:山田;太郎;;;",
             "ORG:株式会社山田製作所;営業部", f"EMAIL:{email}"]  # fmt: skip
    if org_kana:
        lines.append(f"X-PHONETIC-ORG:{org_kana}")
    if n_kana:
        family, given = n_kana.split()
        lines += [f"X-PHONETIC-LAST-NAME:{family}", f"X-PHONETIC-FIRST-NAME:{given}"]
    path.write_text("\r\n".join([*lines, "END:VCARD", ""]), "utf-8")
    return path


def company(store, company_id=YAMADA):
    return rows(store, "companies", f"id = '{company_id}'")[0]


def contact(store):
    return rows(store, "contacts", "email = 'taro@yamada.example.jp'")[0]


def test_derived_readings_are_marked_and_a_card_replaces_them(store, tmp_path):
    out = import_card_file(store, vcard(tmp_path / "a.vcf"))
    assert out.status == "imported", out.issues
    assert (company(store)["name_kana"], company(store)["name_kana_source"]) == (
        "やまだせいさくしょ",
        "derived",
    )
    assert (contact(store)["full_name_kana"], contact(store)["full_name_kana_source"]) == (
        "やまだ たろう",
        "derived",
    )
    # a card that gives the readings: they replace the derived ones and are marked 'card'
    import_card_file(
        store, vcard(tmp_path / "b.vcf", org_kana="ヤマダセイサクショ", n_kana="ヤマダ タロウ")
    )
    assert (company(store)["name_kana"], company(store)["name_kana_source"]) == (
        "ヤマダセイサクショ",
        "card",
    )
    assert (contact(store)["full_name_kana"], contact(store)["full_name_kana_source"]) == (
        "ヤマダ タロウ",
        "card",
    )
    changes = {
        r["field"] for r in store.query("SELECT field FROM changes WHERE entity = 'companies'")
    }
    assert {"name_kana", "name_kana_source"} <= changes  # the source syncs with the reading


def test_a_hand_set_reading_is_kept(store, tmp_path):
    import_card_file(store, vcard(tmp_path / "a.vcf"))
    rename_company(store, YAMADA, "株式会社山田製作所", "やまだせいさくじょ")  # the rep knows best
    contact_id = contact(store)["id"]
    correct_card(store, contact_id, {"full_name_kana": "やまだ たろ"})
    assert company(store)["name_kana_source"] == "manual"
    assert contact(store)["full_name_kana_source"] == "manual"
    import_card_file(store, vcard(tmp_path / "b.vcf", org_kana="ヤマダセイサクショ"))
    with store.write() as w:
        fill_readings(w)
    assert company(store)["name_kana"] == "やまだせいさくじょ"  # neither a card nor derivation
    assert contact(store)["full_name_kana"] == "やまだ たろ"


def test_report_companies_get_a_derived_reading(store, tmp_path):
    report(store, tmp_path)
    sample = company(store, natural_id("companies", "サンプル精工"))
    assert (sample["name_kana"], sample["name_kana_source"]) == ("さんぷるせいこう", "derived")


def test_fill_readings_backfills_rows_of_older_versions(store):
    with store.write() as w:
        w.insert("companies", {"id": "c1", "name": "港工業株式会社", "name_normalized": "港工業"})
        w.insert("contacts", {"id": "p1", "full_name": "佐藤 健一", "company_id": "c1"})
        assert fill_readings(w) == 2
        assert fill_readings(w) == 0
    assert rows(store, "companies")[0]["name_kana"] == "みなとこうぎょう"
    assert rows(store, "contacts")[0]["full_name_kana_source"] == "derived"


def test_csv_company_reading_column_is_the_card_reading(store, tmp_path):
    header = "会社名,会社名(フリガナ),姓,名,e-mail"
    path = eight_csv(
        tmp_path / "s.csv",
        ["株式会社山田製作所,ヤマダセイサクショ,山田,太郎,t@y.example.jp"],
        header,
    )
    import_card_file(store, path)
    assert (company(store)["name_kana"], company(store)["name_kana_source"]) == (
        "ヤマダセイサクショ",
        "card",
    )


def test_cross_script_company_duplicates_are_suggested_with_the_reason(store, tmp_path):
    header = "会社名,氏名,e-mail"
    path = eight_csv(
        tmp_path / "c.csv",
        [
            "Minato Kogyo Co.\\, Ltd.,Ken Sato,ken@minato.example.com".replace("\\,", ""),
            "ミナト工業株式会社,佐藤 健一,k.sato@minato.example.jp",
            "港工業株式会社,佐藤 健一,sato@minato-kogyo.example.jp",
            "山田製作所,山田 太郎,t@y.example.jp",
        ],
        header,
    )
    import_card_file(store, path)
    names = {r["id"]: r["name"] for r in rows(store, "companies")}
    pairs = find_duplicate_companies(store)
    suggested = [({names[k], names[o]}, reason) for k, o, reason in pairs]
    minato = {"Minato Kogyo Co. Ltd.", "ミナト工業株式会社", "港工業株式会社"}
    assert len(suggested) == 2 and all(p <= minato for p, _ in suggested)
    assert set().union(*(p for p, _ in suggested)) == minato
    reason = suggested[0][1]
    assert "読みが同じ" in reason and "みなとこうぎょう" in reason and "minatokogyo" in reason


def test_cross_script_contact_duplicates_at_one_company(store, tmp_path):
    header = "会社名,氏名,e-mail"
    path = eight_csv(
        tmp_path / "p.csv",
        [
            "港工業株式会社,佐藤 健一,k.sato@minato.example.jp",
            "港工業株式会社,Kenichi Sato,kenichi@minato.example.com",
            "港工業株式会社,サトウ ケンイチ,",
        ],
        header,
    )
    import_card_file(store, path)
    pairs = find_duplicate_contacts(store)
    assert len(pairs) == 2
    assert all("読みが同じ" in reason and "kenichi sato" in reason for _k, _o, reason in pairs)


def test_english_reasons_with_language_en(tmp_path, monkeypatch):
    monkeypatch.setenv("GENBA_LANG", "en")
    with Store(tmp_path / "d") as store:
        with store.write() as w:
            w.insert("companies", {"name": "Minato Kogyo", "name_normalized": "minatokogyo"})
            w.insert("companies", {"name": "港工業", "name_normalized": "港工業"})
            fill_readings(w)  # what an import does for the rows it creates
        ((_k, _o, reason),) = find_duplicate_companies(store)
    assert reason.startswith("same reading (みなとこうぎょう / minatokogyo)")


def test_migration_adds_the_reading_source_columns(store):
    conn = sqlite3.connect(store.path)
    assert "name_kana_source" in {r[1] for r in conn.execute("PRAGMA table_info(companies)")}
    assert "full_name_kana_source" in {r[1] for r in conn.execute("PRAGMA table_info(contacts)")}
    assert conn.execute(
        "SELECT count(*) FROM _migrations WHERE name = '0005_reading_source'"
    ).fetchone() == (1,)


def test_customer_list_and_cli_in_gojuon_order_and_search_by_reading(store, tmp_path):
    from desktop.app.data.customers import customer_ids
    from desktop.commands.listing import list_companies

    header = "会社名,会社名(フリガナ),氏名,e-mail"
    path = eight_csv(
        tmp_path / "l.csv",
        [
            "株式会社山田製作所,,山田 太郎,t@y.example.jp",
            "㈱アオキ精工,アオキセイコウ,青木 一郎,a@a.example.jp",
            "港工業株式会社,,佐藤 健一,s@m.example.jp",
            "Minato Kogyo Co. Ltd.,,Ken Sato,k@m.example.com",
            "有限会社かもめ物流,,鈴木 花子,h@k.example.jp",
        ],
        header,
    )
    import_card_file(store, path)
    conn = store.reader()
    names = {r[0]: r[1] for r in conn.execute("SELECT id, name FROM companies")}
    assert [names[i] for i in customer_ids(conn)] == [
        "(株)アオキ精工",  # あおき: the legal form does not count (㈱ stored as (株))
        "有限会社かもめ物流",  # かもめ
        "港工業株式会社",  # みなと
        "株式会社山田製作所",  # やまだ
        "Minato Kogyo Co. Ltd.",  # no reading: after the Japanese names
    ]
    for typed in ("やまだ", "ヤマダ", "ﾔﾏﾀﾞ"):
        assert [names[i] for i in customer_ids(conn, typed)] == ["株式会社山田製作所"]
    conn.close()
    printed = []
    list_companies(store, as_json=False, out=printed.append)
    text = "\n".join(printed)
    assert (
        text.index("アオキ精工")
        < text.index("かもめ物流")
        < text.index("港工業")
        < text.index("山田製作所")
    )


def test_a_derived_reading_follows_a_name_the_file_changes(store, tmp_path):
    header = "会社名,氏名,e-mail"
    path = eight_csv(tmp_path / "n.csv", ["港工業株式会社,佐藤 健一,k@m.example.jp"], header)
    import_card_file(store, path)
    eight_csv(path, ["港工業株式会社,佐藤 健太,k@m.example.jp"], header)  # the export corrected
    import_card_file(store, path)
    (row,) = rows(store, "contacts")
    assert (row["full_name"], row["full_name_kana"], row["full_name_kana_source"]) == (
        "佐藤 健太",
        "さとう けんた",
        "derived",
    )


def test_the_first_import_after_an_upgrade_backfills_readings_once(store, tmp_path):
    """Customers stored by an older Genba (no よみ) get a derived reading with the next import;
    a reading a rep set by hand is not touched, and later imports do not scan again."""
    from importers.ingest import READINGS_BACKFILLED, Importer

    with store.write() as w:
        w.insert(
            "companies",
            {"id": "old", "name": "株式会社山田製作所", "name_normalized": "山田製作所"},
        )
        w.insert("companies", {"id": "mine", "name": "港工業", "name_kana": "みなとこうぎょう"})
    card = tmp_path / "card.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:田村 一郎\r\nN:田村;一郎;;;\r\nORG:サンプル精工\r\n"
        "EMAIL:tamura@example.co.jp\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    Importer(store).import_source(card)
    rows = dict(store.query("SELECT id, name_kana FROM companies WHERE id IN ('old', 'mine')"))
    assert rows == {"old": "やまだせいさくしょ", "mine": "みなとこうぎょう"}
    source = store.query("SELECT name_kana_source FROM companies WHERE id = 'old'")[0][0]
    assert source == "derived"
    assert store.get_meta(READINGS_BACKFILLED) == "1"
