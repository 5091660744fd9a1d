"""Duplicate detection and reversible merges of contacts and companies."""

import pytest

from importers.cards.apply import import_card_file
from importers.cards.merge import (
    MergeError,
    find_duplicate_companies,
    find_duplicate_contacts,
    merge_companies,
    merge_contacts,
    undo_merge,
)
from sync.store.ids import natural_id
from tests.cards.test_apply import eight_csv, report, rows, synced


def two_laptops_met_aoki(store, tmp_path):
    """One laptop knew 青木 by name only, the other by e-mail: two rows after sync."""
    report(store, tmp_path)
    company = natural_id("companies", "サンプル精工")
    by_name = natural_id("contacts", "name:サンプル精工:青木一郎")
    by_email = natural_id("contacts", "email:aoki@sample-seiko.example.jp")
    with store.write() as w:
        w.insert(
            "contacts",
            {
                "id": by_name,
                "company_id": company,
                "full_name": "青木 一郎",
                "name_normalized": "青木一郎",
                "title": "課長",
                "phone": "052-111-2222",
            },
        )
        w.insert(
            "contacts",
            {
                "id": by_email,
                "company_id": company,
                "full_name": "青木 一郎",
                "name_normalized": "青木一郎",
                "email": "Aoki@sample-seiko.example.jp",
                "mobile": "090-1111-2222",
                "needs_review": 1,
            },
        )
        (activity,) = w.conn.execute("SELECT id FROM activities").fetchall()
        w.update("activities", activity[0], {"contact_id": by_email})
        w.insert(
            "attachments",
            {"sha256": "ab" * 32, "filename": "card.jpg", "entity": "contacts",
             "entity_id": by_email},
        )  # fmt: skip
        w.insert(
            "notes",
            {
                "contact_id": by_email,
                "company_id": company,
                "body": "図面はPDFで",
                "visibility": "team",
            },
        )
    return by_name, by_email


def test_duplicate_contacts_found_with_a_reason(tmp_path, store):
    by_name, by_email = two_laptops_met_aoki(store, tmp_path)
    assert find_duplicate_contacts(store) == [(by_name, by_email, "same name at the same company")]
    with store.write() as w:
        w.update("contacts", by_name, {"email": "AOKI@sample-seiko.example.jp"})
    assert find_duplicate_contacts(store) == [(by_name, by_email, "same e-mail")]


def test_contact_merge_and_undo_restore_the_exact_state(tmp_path, store):
    by_name, by_email = two_laptops_met_aoki(store, tmp_path)
    before = synced(store)
    merge_id = merge_contacts(store, by_name, by_email)
    (keep,) = rows(store, "contacts", f"id = '{by_name}'")
    assert keep["email"] == "Aoki@sample-seiko.example.jp" and keep["mobile"] == "090-1111-2222"
    assert keep["title"] == "課長" and keep["phone"] == "052-111-2222"
    (other,) = rows(store, "contacts", f"id = '{by_email}'")
    assert (other["deleted"], other["merged_into"]) == (1, by_name)
    assert rows(store, "activities")[0]["contact_id"] == by_name
    assert rows(store, "attachments")[0]["entity_id"] == by_name
    assert rows(store, "notes")[0]["contact_id"] == by_name
    assert find_duplicate_contacts(store) == []
    changes = store.query("SELECT count(*) FROM changes")[0][0]
    undo_merge(store, merge_id)
    assert synced(store) == before
    assert store.query("SELECT count(*) FROM changes")[0][0] > changes  # the undo syncs too
    assert store.query("SELECT undone_at FROM merges")[0][0] is not None
    with pytest.raises(MergeError, match="already undone"):
        undo_merge(store, merge_id)


def test_undo_keeps_what_was_edited_after_the_merge(tmp_path, store):
    by_name, by_email = two_laptops_met_aoki(store, tmp_path)
    merge_id = merge_contacts(store, by_name, by_email)
    with store.write() as w:
        w.update("contacts", by_name, {"mobile": "090-9999-0000"})  # edited since
    undo_merge(store, merge_id)
    (keep,) = rows(store, "contacts", f"id = '{by_name}'")
    assert keep["mobile"] == "090-9999-0000" and keep["email"] is None


def test_merge_refuses_nonsense(tmp_path, store):
    by_name, by_email = two_laptops_met_aoki(store, tmp_path)
    with pytest.raises(MergeError):
        merge_contacts(store, by_name, by_name)
    with pytest.raises(MergeError):
        merge_contacts(store, by_name, "no-such-id")
    merge_contacts(store, by_name, by_email)
    with pytest.raises(MergeError, match="already merged"):
        merge_contacts(store, by_name, by_email)


def test_company_merge_and_undo(tmp_path, store):
    report(
        store,
        tmp_path,
        rows=[
            [None, "株式会社サンプル精工", "青木課長", "治具の提案"],
            [None, "サンプル精工 名古屋工場", "石井主任", "立会い"],
        ],
    )
    import_card_file(store, eight_csv(tmp_path / "eight.csv"))
    (tmp_path / "plant.csv").write_text(
        "氏名,会社名,電話番号\n石井 次郎,サンプル精工 名古屋工場,052-111-5555\n", encoding="utf-8"
    )
    import_card_file(store, tmp_path / "plant.csv")
    keep = natural_id("companies", "サンプル精工")
    other = natural_id("companies", "サンプル精工名古屋工場")
    assert (keep, other, "similar name and the same phone prefix") in find_duplicate_companies(
        store
    )
    with store.write() as w:
        w.update("companies", keep, {"name_kana": None})
        w.update("companies", other, {"name_kana": "サンプルセイコウ"})
        deal = w.insert("deals", {"company_id": other, "title": "治具更新", "stage": "提案"})
        note = w.insert(
            "notes", {"company_id": other, "body": "搬入口は北側", "visibility": "team"}
        )
        photo = w.insert(
            "attachments", {"sha256": "cd" * 32, "entity": "companies", "entity_id": other}
        )
    before = synced(store)
    merge_id = merge_companies(store, keep, other)
    assert rows(store, "companies", f"id = '{other}'")[0]["deleted"] == 1
    assert rows(store, "companies", f"id = '{keep}'")[0]["name_kana"] == "サンプルセイコウ"
    assert {a["company_id"] for a in rows(store, "activities")} == {keep}
    assert other not in {c["company_id"] for c in rows(store, "contacts")}
    assert rows(store, "deals", f"id = '{deal}'")[0]["company_id"] == keep
    assert rows(store, "notes", f"id = '{note}'")[0]["company_id"] == keep
    assert rows(store, "attachments", f"id = '{photo}'")[0]["entity_id"] == keep
    # a later card naming the merged-away company lands on the keeper
    (tmp_path / "again.csv").write_text(
        "氏名,会社名\n田中 三郎,サンプル精工名古屋工場\n", encoding="utf-8"
    )
    out = import_card_file(store, tmp_path / "again.csv")
    assert rows(store, "contacts", f"id = '{out.contact_ids[0]}'")[0]["company_id"] == keep
    with store.write() as w:
        w.delete("contacts", out.contact_ids[0])
    tanaka = out.contact_ids[0]
    undo_merge(store, merge_id)
    after = synced(store)
    after["contacts"] = [c for c in after["contacts"] if c["id"] != tanaka]
    assert after == before


def test_duplicate_companies_written_differently(store):
    with store.write() as w:
        a = w.insert(
            "companies", {"name": "株式会社サンプル精工", "name_normalized": "サンプル精工"}
        )
        b = w.insert("companies", {"name": "ｻﾝﾌﾟﾙ精工(株)", "name_normalized": "ｻﾝﾌﾟﾙ精工"})
        w.insert("companies", {"name": "見本化成", "name_normalized": "見本化成"})
    ((k, o, reason),) = find_duplicate_companies(store)
    assert {k, o} == {a, b} and reason == "same name after normalisation"
