"""A re-import that rewrites the content of rows the store already has (importers.staging):
their new values are staged in ``import_values`` in bounded chunks and swapped in by the publish,
one set-based UPDATE per field; nothing shows before it, a killed import leaves nothing, and an
edit made meanwhile keeps its later clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from importers import staging
from importers.ingest import Importer
from sync.store import Store
from tests.importers.test_bounded_import import _kill_when

ROWS = 3_000


def write_book(path: Path, rows: int, result: str) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("4月")
    ws.append(["日付", "訪問先", "面談者", "内容", "結果", "金額"])
    for i in range(rows):
        day = dt.date(2024, 4, i % 28 + 1)
        company = f"株式会社試験工業{i % 40:02d}"
        ws.append([day, company, "青木課長", f"治具の改善提案 {i}", result, f"{i % 9 + 1}0万円"])
    wb.save(path)


def results(store: Store) -> set:
    return {r[0] for r in store.query("SELECT result FROM activities WHERE deleted = 0")}


def test_the_content_of_every_row_changes_at_once_and_is_logged_once(tmp_path):
    book = tmp_path / "日報.xlsx"
    write_book(book, ROWS, "好感触")
    with Store(tmp_path / "data") as store:
        Importer(store, rep="試験").import_source(book)
        before = store.query("SELECT max(seq) FROM changes")[0][0]
        write_book(book, ROWS - 100, "見積依頼あり")  # every 結果 rewritten, 100 rows gone
        out = Importer(store, rep="試験").import_source(book)
        assert (out.status, out.added, out.updated, out.deleted) == (
            "imported",
            0,
            ROWS - 100,
            100,
        )
        assert results(store) == {"見積依頼あり"}
        assert store.query("SELECT count(*) FROM activities WHERE deleted = 1")[0][0] == 100
        # the views are told every row the re-import rewrote or tombstoned
        every = {r[0] for r in store.query("SELECT id FROM activities")}
        assert out.rows["activities"] == every
        # one change per row and field that changed, each with its field clock
        logged = store.query(
            "SELECT field, count(*) FROM changes WHERE seq > ? GROUP BY field", (before,)
        )
        assert dict(map(tuple, logged))["result"] == ROWS - 100
        assert dict(map(tuple, logged))["deleted"] == 100
        clocks = store.query(
            "SELECT count(*) FROM field_clocks f JOIN changes c ON c.row_id = f.row_id "
            "AND c.field = f.field AND c.hlc = f.hlc WHERE c.seq > ? AND f.field = 'result'",
            (before,),
        )[0][0]
        assert clocks == ROWS - 100
        assert store.query("SELECT count(*) FROM import_values")[0][0] == 0
        assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0
        # the same bytes again change nothing
        assert Importer(store, rep="試験").import_source(book).status == "unchanged"


def test_staged_values_are_invisible_and_held_until_the_publish(tmp_path):
    book = tmp_path / "日報.xlsx"
    write_book(book, 50, "好感触")
    with Store(tmp_path / "data") as store:
        Importer(store, rep="試験").import_source(book)
        with store.write() as w:
            w.conn.execute("UPDATE change_log SET acked = 1")  # all pushed
        (src,) = store.query("SELECT * FROM sources")
        ids = [r[0] for r in store.query("SELECT id FROM activities ORDER BY id")]
        run = staging.begin(store, src["id"], src, "report")
        with store.write(bulk=True) as w:
            changed = staging.stage_values(w, run, [(i, {"result": "失注"}) for i in ids])
            # a value equal to the current one is no change
            assert staging.stage_values(w, run, [(ids[0], {"rep": "試験"})]) == []
        assert changed == ids
        assert results(store) == {"好感触"}  # readers see the rows as they were
        assert store.outbox(10**6) == []  # logged, but held back with the run
        # an edit in the app meanwhile: its later clock wins over the staged value
        with store.write() as w:
            w.update("activities", ids[0], {"result": "担当者と再調整"})
        with store.write(bulk=True) as w:
            staging.publish(w, run)
        staging.finish(store, run.id, src["id"], run.old_base)
        got = dict(map(tuple, store.query("SELECT id, result FROM activities")))
        assert got[ids[0]] == "担当者と再調整"
        assert {got[i] for i in ids[1:]} == {"失注"}
        pushed = [c for c in store.outbox(10**6) if c["field"] == "result"]
        assert len(pushed) == len(ids) + 1  # every staged value and the edit go out


def test_a_discarded_run_leaves_no_value_and_no_change(tmp_path):
    book = tmp_path / "日報.xlsx"
    write_book(book, 50, "好感触")
    with Store(tmp_path / "data") as store:
        Importer(store, rep="試験").import_source(book)
        top = store.query("SELECT max(seq) FROM changes")[0][0]
        (src,) = store.query("SELECT * FROM sources")
        ids = [r[0] for r in store.query("SELECT id FROM activities")]
        run = staging.begin(store, src["id"], src, "report")
        with store.write(bulk=True) as w:
            staging.stage_values(w, run, [(i, {"result": "失注", "deleted": 1}) for i in ids])
        staging.discard(store, run.id)
        assert results(store) == {"好感触"}
        assert store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0] == 50
        assert store.query("SELECT count(*) FROM changes WHERE seq > ?", (top,))[0][0] == 0
        assert store.query("SELECT count(*) FROM import_values")[0][0] == 0
        assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0


def test_a_reimport_killed_while_staging_values_is_discarded_and_done_again(tmp_path):
    book = tmp_path / "日報.xlsx"
    write_book(book, ROWS * 4, "好感触")
    data = tmp_path / "data"
    with Store(data) as store:
        Importer(store, rep="試験").import_source(book)
        top = store.query("SELECT max(seq) FROM changes")[0][0]
    write_book(book, ROWS * 4, "見積依頼あり")
    _kill_when(data, book, "SELECT 1 FROM import_values LIMIT 1 OFFSET 900")
    with Store(data) as store:
        assert results(store) == {"好感触"}  # nothing of the half-staged re-import shows
        assert all(int(c["change_id"].rsplit(".", 1)[1]) <= top for c in store.outbox(10**7))
        out = Importer(store, rep="試験").import_source(book)  # recovers, then imports again
        assert (out.status, out.updated) == ("imported", ROWS * 4)
        assert results(store) == {"見積依頼あり"}
        logged = store.query(
            "SELECT count(*) FROM changes WHERE seq > ? AND field = 'result'", (top,)
        )[0][0]
        assert logged == ROWS * 4  # the dead run's changes went with it
        assert store.query("SELECT count(*) FROM import_values")[0][0] == 0
