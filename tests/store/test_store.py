import shutil
import sqlite3

import pytest

from resources.messages import in_language
from sync.store import Store, StoreError
from sync.store.migrations import schema_version
from sync.store.schema import ADDED_LATER, MIGRATIONS
from sync.store.store import BULK_INSERT_ROWS

CONTRACT = {
    "companies": {"id", "name", "name_normalized", "name_kana", "deleted"},
    "contacts": {
        "id",
        "company_id",
        "full_name",
        "full_name_kana",
        "title",
        "department",
        "email",
        "phone",
        "mobile",
        "fax",
        "postal_code",
        "address",
        "needs_review",
        "source_id",
        "deleted",
    },
    "activities": {
        "id",
        "occurred_on",
        "occurred_on_raw",
        "rep",
        "company_id",
        "contact_name",
        "purpose",
        "summary",
        "result",
        "next_action",
        "next_action_due",
        "amount_jpy",
        "probability",
        "insight",
        "source_id",
        "source_ref",
        "deleted",
    },
    "deals": {
        "id",
        "company_id",
        "title",
        "stage",
        "amount_jpy",
        "probability",
        "expected_close",
        "owner",
        "deleted",
    },
    "notes": {
        "id",
        "company_id",
        "contact_id",
        "activity_id",
        "category",
        "body",
        "author",
        "visibility",
        "deleted",
    },
    "attachments": {"id", "sha256", "filename", "mime", "size", "entity", "entity_id", "deleted"},
    "sources": {"id", "path", "kind", "sha256", "size", "mtime", "status", "imported_at"},
    "import_issues": {"id", "source_id", "location", "severity", "code", "message"},
    "changes": {"change_id", "entity", "row_id", "field", "value", "hlc", "site"},
}


def test_schema_contract_tables_and_columns(store):
    conn = sqlite3.connect(store.path)
    for table, columns in CONTRACT.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_xinfo({table})")}
        assert columns <= have, f"{table} lacks {columns - have}"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema_version(conn) >= 1


def test_one_change_per_changed_field_in_the_same_transaction(store):
    with store.write() as w:
        cid = w.insert(
            "companies", {"name": "株式会社サンプル精工", "name_normalized": "サンプル精工"}
        )
    assert len(cid) == 36
    changes = store.query(
        "SELECT field, value FROM changes WHERE row_id = ? ORDER BY field", (cid,)
    )
    assert [(c["field"], c["value"]) for c in changes] == [
        ("name", "株式会社サンプル精工"),
        ("name_normalized", "サンプル精工"),
    ]
    with store.write() as w:
        assert w.update(
            "companies", cid, {"name": "サンプル精工㈱", "name_normalized": "サンプル精工"}
        ) == ["name"]
        assert w.update("companies", cid, {"name": "サンプル精工㈱"}) == []
    assert store.query("SELECT count(*) FROM changes")[0][0] == 3
    hlcs = [r[0] for r in store.query("SELECT hlc FROM changes ORDER BY seq")]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == 2


def test_an_insert_logs_its_fields_row_by_row_in_field_order(store):
    """insert_many's change log is built by SQLite from the stored rows: one change per field
    that holds a value, numbered row by row in SYNCED_FIELDS order, with the row's clock."""
    rows = [
        {"full_name": "青木", "title": "課長", "needs_review": 0, "email": "a\x00@x.jp"},
        {"id": "given-id", "full_name": "石井", "needs_review": 1, "deleted": 0},
        {"full_name": "佐藤", "phone": 312, "address": None},
    ]
    with store.write() as w:
        first = w.next_seq
        ids = w.insert_many("contacts", rows)
        assert w.next_seq == first + 7
        w.update("contacts", ids[0], {"title": "部長"})  # numbered after the insert's changes
    assert ids[1] == "given-id"
    log = store.query("SELECT seq, row_id, field, value, hlc FROM changes ORDER BY seq")
    assert [r["seq"] for r in log] == list(range(first, first + 8))
    assert [(r["row_id"], r["field"], r["value"]) for r in log] == [
        (ids[0], "full_name", "青木"),
        (ids[0], "title", "課長"),
        (ids[0], "email", "a@x.jp"),
        (ids[1], "full_name", "石井"),
        (ids[1], "needs_review", 1),
        (ids[2], "full_name", "佐藤"),
        (ids[2], "phone", "312"),  # as stored: the column is TEXT
        (ids[0], "title", "部長"),
    ]
    clocks = {r[0]: r[1] for r in store.query("SELECT row_id, hlc FROM row_clocks")}
    assert all(r["hlc"] == clocks[r["row_id"]] for r in log[:7])
    assert len({clocks[i] for i in ids}) == 3


def test_a_bulk_insert_stores_and_logs_what_inserting_row_by_row_does(tmp_path):
    """From BULK_INSERT_ROWS rows an insert goes through a temporary table: the same rows (NUL
    stripped, 0 defaults, types as the columns keep them), the same changes, the knowledge
    queue told; a failed transaction leaves nothing behind, in the store or the table."""
    rows = [
        {
            "id": f"a-{i:04d}",
            "occurred_on": f"2025-05-{i % 28 + 1:02d}",
            "summary": f"訪問\x00{i}" if i % 50 == 0 else f"訪問 {i}",
            "amount_jpy": i * 1000 if i % 3 else None,
            "probability": "高い" if i == 7 else 40,
        }
        for i in range(BULK_INSERT_ROWS * 2 + 5)
    ]
    one, bulk = Store(tmp_path / "one"), Store(tmp_path / "bulk")
    with one.write() as w:
        for r in rows:
            w.insert("activities", dict(r))
    with pytest.raises(RuntimeError), bulk.write() as w:
        w.insert_many("activities", [dict(r) for r in rows])
        raise RuntimeError("boom")
    assert bulk.query("SELECT count(*) FROM activities")[0][0] == 0
    with bulk.write() as w:
        w.insert_many("activities", [dict(r) for r in rows])

    def content(store, sql):
        return [tuple(r) for r in store.query(sql)]

    table = "SELECT *, typeof(amount_jpy), typeof(probability) FROM activities ORDER BY id"
    assert content(bulk, table) == content(one, table)
    assert content(bulk, "SELECT summary FROM activities WHERE id = 'a-0050'") == [("訪問50",)]
    log = "SELECT seq, row_id, field, value, typeof(value) FROM changes ORDER BY seq"
    assert content(bulk, log) == content(one, log)
    queued = "SELECT kind, ref_id FROM knowledge_dirty ORDER BY 2"
    assert content(bulk, queued) == content(one, queued) and len(content(bulk, queued)) == len(rows)
    assert bulk.query("SELECT count(*) FROM temp.bulk_activities")[0][0] == 0
    one.close()
    bulk.close()


def test_an_older_databases_insert_logs_only_the_fields_it_has(tmp_path):
    """A database without a later migration's columns (an older Genba: the sync state machine
    runs one) logs its inserts from the columns it has; the copied change log once named them
    all and failed with "no such column"."""
    later = ADDED_LATER[("contacts", "full_name_latin")]
    old = Store(tmp_path, migrations=[m for m in MIGRATIONS if m[0] != later])
    assert "full_name_latin" not in old.fields_of("contacts")
    with old.write() as w:
        (cid,) = w.insert_many("contacts", [{"full_name": "山田太郎", "title": "課長"}])
    fields = [r[0] for r in old.query("SELECT field FROM changes WHERE row_id = ?", (cid,))]
    assert fields == ["full_name", "title"]
    old.close()


def test_failed_transaction_writes_nothing(store):
    with pytest.raises(RuntimeError), store.write() as w:
        w.insert("companies", {"name": "A"})
        raise RuntimeError("boom")
    assert store.query("SELECT count(*) FROM companies")[0][0] == 0
    assert store.query("SELECT count(*) FROM changes")[0][0] == 0


def test_delete_is_a_tombstone_and_restore_has_its_own_clock(store):
    with store.write() as w:
        cid = w.insert("companies", {"name": "A"})
        assert w.delete("companies", cid)
        assert not w.delete("companies", cid)
        assert w.restore("companies", cid)
    rows = store.query("SELECT value FROM changes WHERE field = 'deleted' ORDER BY hlc")
    assert [r[0] for r in rows] == [1, 0]
    assert store.query("SELECT deleted FROM companies")[0][0] == 0


def test_unknown_field_is_refused(store):
    with pytest.raises(ValueError), store.write() as w:
        w.insert("companies", {"name": "A", "evil": 1})


def test_remote_changes_apply_by_clock_and_are_not_echoed(store):
    with store.write() as w:
        cid = w.insert("companies", {"name": "local"})
    before = store.pending_count()
    older = {
        "entity": "companies",
        "row_id": cid,
        "field": "name",
        "value": "old",
        "hlc": "000000000000001.00000",
        "site": "zzz",
    }
    newer = {**older, "value": "remote", "hlc": "999999999999990.00000"}
    with store.write() as w:
        assert w.apply_remote([older]) == 0
        assert w.apply_remote([newer, newer]) == 1
        assert w.apply_remote([{**older, "entity": "evil", "field": "x"}]) == 0
    assert store.query("SELECT name FROM companies")[0][0] == "remote"
    assert store.pending_count() == before
    # The local clock moved past the remote one: a later local edit wins.
    with store.write() as w:
        w.update("companies", cid, {"name": "later local"})
    assert store.query("SELECT hlc FROM changes ORDER BY hlc DESC LIMIT 1")[0][0] > newer["hlc"]


def test_private_notes_never_reach_the_outbox(store):
    with store.write() as w:
        w.insert("notes", {"body": "秘密", "visibility": "private"})
        w.insert("notes", {"body": "共有", "visibility": "team"})
    bodies = [c["value"] for c in store.outbox() if c["field"] == "body"]
    assert bodies == ["共有"]


def test_replica_id_is_stored_in_the_database_not_derived_from_its_path(tmp_path):
    """A moved folder keeps its replica id (its unsent changes stay its own); a copy is told
    apart by the server (tests/sync/test_identity.py), which knows what each replica pushed."""
    a = Store(tmp_path / "a")
    site = a.site_id
    a.close()
    assert Store(tmp_path / "a").site_id == site
    shutil.move(tmp_path / "a", tmp_path / "b")
    assert Store(tmp_path / "b").site_id == site


def test_not_a_database_is_a_clear_error(tmp_path):
    (tmp_path / "genba.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="Genba のデータベースとして使えません") as err:
        Store(tmp_path)
    english = in_language(err.value.args[0], "en")
    assert "not a usable Genba database" in english and "restore a backup" in english


def test_readers_use_their_own_connection(store):
    with store.write() as w:
        w.insert("companies", {"name": "A"})
    reader = store.reader()
    assert reader.execute("SELECT count(*) FROM companies").fetchone()[0] == 1
    reader.close()


def test_change_ids_are_site_and_seq_and_select_star_shows_them(store):
    with store.write() as w:
        w.insert("companies", {"name": "A"})
    row = dict(store.query("SELECT * FROM changes")[0])
    assert row["change_id"] == f"{store.site_id}.{row['seq']}"
    assert [c["change_id"] for c in store.outbox()] == [row["change_id"]]
    store.ack([row["change_id"]])
    assert store.outbox() == []


def test_two_processes_on_one_file_never_stamp_backwards(tmp_path):
    """The app and a `genba import` share the site id of one genba.db: each write observes the
    last clock the other committed, even when this process's own clock lags far behind."""
    a = Store(tmp_path)
    b = Store(tmp_path, now_ms=lambda: 1_000)  # a process whose wall clock reads 1970
    with a.write() as w:
        cid = w.insert("companies", {"name": "A"})
    with b.write() as w:
        w.update("companies", cid, {"name": "B, later"})
    stamps = [r[0] for r in a.query("SELECT hlc FROM changes ORDER BY seq")]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    a.close()
    b.close()


def test_new_ids_are_uuid7_in_creation_order():
    import time
    import uuid

    from sync.store.ids import new_id

    ids = [new_id() for _ in range(3000)]  # many in one millisecond: each takes the next one
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for i in ids[:: len(ids) // 50]:
        u = uuid.UUID(i)
        assert str(u) == i and u.version == 7 and u.variant == uuid.RFC_4122
    ms = uuid.UUID(ids[0]).int >> 80
    assert abs(ms - time.time() * 1000) < 60_000
