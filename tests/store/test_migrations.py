"""Every local table comes from a named migration; importing, linking, merging and the team
workbook never create one on the way."""

from __future__ import annotations

import re
import sqlite3

from importers.cards.apply import import_card_file
from importers.cards.merge import merge_companies
from importers.pipeline import ReportImporter
from sync.store import Store
from sync.store.schema import MIGRATIONS
from tests.helpers.workbooks import table_workbook, visit_rows

BOOKKEEPING = (
    "card_rows",
    "contact_links",
    "merges",
    "knowledge_note_sources",
    "knowledge_workbook_files",
)


def tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_new_store_has_every_bookkeeping_table_from_its_migrations(store):
    names = [name for name, _ in MIGRATIONS]
    assert "0002_card_bookkeeping" in names and "0004_knowledge_bookkeeping" in names
    assert set(BOOKKEEPING) <= {r[0] for r in store.query(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}  # fmt: skip
    applied = [r[0] for r in store.query("SELECT name FROM _migrations ORDER BY name")]
    assert applied == sorted(names)


def test_imports_and_merges_create_no_table(tmp_path, store):
    created: list[str] = []
    store._conn.set_trace_callback(
        lambda sql: created.append(sql) if re.match(r"\s*CREATE\s", sql, re.I) else None
    )
    rows = visit_rows(4)
    rows[0][6] = "80%"
    report = table_workbook(tmp_path / "日報.xlsx", {"4月": rows})
    assert ReportImporter(store, rep="山本").import_file(report).status == "imported"
    card = tmp_path / "a.vcf"
    card.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:青木 一郎\nORG:サンプル精工株式会社\nEND:VCARD\n",
        encoding="utf-8",
    )
    assert import_card_file(store, card).status == "imported"
    a, b = (r[0] for r in store.query("SELECT id FROM companies ORDER BY id LIMIT 2"))
    merge_companies(store, a, b)
    assert created == []


def test_a_store_whose_tables_were_made_lazily_by_an_older_build_migrates(tmp_path):
    with Store(tmp_path / "d") as store:
        path = store.path
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _migrations WHERE name = '0004_knowledge_bookkeeping'")
    conn.execute("DROP TABLE knowledge_workbook_files")
    conn.execute("INSERT INTO knowledge_note_sources (note_id, activity_id) VALUES ('n', 'a')")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    with Store(tmp_path / "d") as store:
        assert {"knowledge_workbook_files", "knowledge_note_sources"} <= tables(store._conn)
        assert store.query("SELECT note_id FROM knowledge_note_sources")[0][0] == "n"  # kept
