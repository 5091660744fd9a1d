"""The knowledge index's tables come from the migration ``0012_knowledge_index``: a new store has
them before anything searches, searching creates nothing, and a store whose index an older build
made on its first search (another shape, another version) is upgraded and searched as before."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

from desktop.knowledge import index
from desktop.knowledge.brief import build_brief
from desktop.knowledge.search import search
from importers.insights.notes import add_note
from sync.store import Store
from sync.store.schema import KNOWLEDGE_INDEX_TRIGGERS, MIGRATIONS
from tests.knowledge.conftest import KnowledgeImporter, visit, write_report

INDEX_TABLES = {"knowledge_docs", "knowledge_fts", "knowledge_dirty"}


def _objects(conn, kind: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def test_a_new_store_has_the_index_tables_and_triggers_from_the_migration(store):
    assert "0012_knowledge_index" in [name for name, _ in MIGRATIONS]
    applied = {r[0] for r in store.query("SELECT name FROM _migrations")}
    assert "0012_knowledge_index" in applied
    assert _objects(store._conn, "table") >= INDEX_TABLES
    assert set(KNOWLEDGE_INDEX_TRIGGERS) <= _objects(store._conn, "trigger")
    assert not index.built(store)  # made, not yet filled: the first refresh fills it


def test_searching_and_rebuilding_create_no_table(store):
    created: list[str] = []
    store._conn.set_trace_callback(
        lambda sql: created.append(sql) if re.match(r"\s*(CREATE|DROP)\s", sql, re.I) else None
    )
    nid = add_note(store, None, "納期遅延の相談", author="山本")
    assert [h.id for h in search(store, "納期")] == [nid]
    assert index.rebuild(store) == 1
    assert [h.id for h in search(store, "遅延")] == [nid]
    assert created == []


def test_a_changed_index_format_rebuilds_its_content(store):
    """The version in meta is how the index knows its content was made another way (a new
    segmenter): the next refresh empties it and indexes every row again."""
    nid = add_note(store, None, "価格より品質を重視", author="山本")
    assert [h.id for h in search(store, "品質")] == [nid]
    with store.write() as w:
        w.set_meta(index.META_KEY, "0:older")
        w.conn.execute("DELETE FROM knowledge_dirty")
    assert index.pending(store)
    assert index.refresh(store) == 1
    assert index.built(store)
    assert store.query("SELECT count(*) FROM knowledge_docs")[0][0] == 1
    assert [h.id for h in search(store, "品質")] == [nid]


# What a build before 0012 made on its first search: the index at another shape (here one
# FTS column, a trigram tokenizer) with a trigger of its own, and its version in meta.
OLD_INDEX = [
    "CREATE TABLE knowledge_docs (rowid INTEGER PRIMARY KEY, kind TEXT, ref_id TEXT, text TEXT)",
    "CREATE VIRTUAL TABLE knowledge_fts USING fts5(body, content='', tokenize='trigram')",
    "CREATE TABLE knowledge_dirty (kind TEXT, ref_id TEXT, PRIMARY KEY (kind, ref_id))",
    """CREATE TRIGGER knowledge_notes_ins AFTER INSERT ON notes BEGIN
      INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id) VALUES ('note', new.id);
    END""",
    "INSERT INTO knowledge_docs (rowid, kind, ref_id, text) VALUES (1, 'note', 'gone', '古い')",
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('knowledge_index_version', '1:10:extras')",
]


def _as_before_0012(path) -> None:
    """Turn a store back into what a build before 0012 left, its lazily made index included."""
    conn = sqlite3.connect(path)
    for name in KNOWLEDGE_INDEX_TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")
    for table in INDEX_TABLES:
        conn.execute(f"DROP TABLE {table}")
    for sql in OLD_INDEX:
        conn.execute(sql)
    conn.execute("DELETE FROM _migrations WHERE name = '0012_knowledge_index'")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    conn.commit()
    conn.close()


def test_a_store_with_an_index_made_by_an_older_build_migrates_and_searches(tmp_path):
    data = tmp_path / "d"
    with Store(data) as store:
        rows = [
            visit(2, "山本", "株式会社サンプル精工", "青木課長", "新型治具の提案", "納期を重視"),
            visit(3, "佐藤", "見本化成(株)", "石井主任", "定期訪問", "紙の資料が好み"),
        ]
        KnowledgeImporter(store, rep="山本").import_file(write_report(tmp_path / "日報.xlsx", rows))
        cid = store.query("SELECT id FROM companies WHERE name_normalized = 'サンプル精工'")[0][0]
        nid = add_note(store, cid, "決裁は工場長、見積は早めに", author="佐藤")
        path = store.path
    _as_before_0012(path)

    with Store(data) as store:
        conn = store._conn
        assert _objects(conn, "table") >= INDEX_TABLES
        assert set(KNOWLEDGE_INDEX_TRIGGERS) <= _objects(conn, "trigger")
        cols = [r[1] for r in conn.execute("PRAGMA table_info(knowledge_fts)")]
        assert cols == ["bi", "uni", "cbi", "cuni"]  # the old shape is gone
        assert not index.built(store)  # its old version was forgotten: rebuilt on next refresh
        assert [h.id for h in search(store, "工場長")] == [nid]
        assert {h.kind for h in search(store, "サンプル精工")} >= {"note", "activity"}
        assert store.query("SELECT count(*) FROM knowledge_docs WHERE ref_id = 'gone'")[0][0] == 0
        # the migration's triggers queue what is written after the upgrade
        later = add_note(store, None, "朝一の訪問がコツ", author="山本")
        assert index.pending(store)
        assert [h.id for h in search(store, "朝一")] == [later]
        brief = build_brief(store, "サンプル精工", viewer="山本", today=dt.date(2025, 4, 20))
        assert brief.company == "株式会社サンプル精工"
        assert nid in {n["id"] for n in brief.knowledge}
