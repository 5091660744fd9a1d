"""A re-import that moves every row of a file down (rows inserted at the top) writes their new
cell references in bounded transactions before its publish, not inside it: the publish stays
short whatever the size of the file, and the rows' contents still change only at the publish."""

from __future__ import annotations

import re

import openpyxl

from importers import staging
from importers.ingest import Importer
from sync.store import Store
from tests.importers.test_bounded_import import _below, write_book

ROWS, CHUNK = 900, 200


def _transactions(statements: list[str]) -> list[list[str]]:
    """The statements of each write transaction, in order."""
    out: list[list[str]] = []
    for sql in statements:
        if sql.startswith("BEGIN IMMEDIATE"):
            out.append([])
        elif out:
            out[-1].append(sql)
    return out


def test_moved_references_are_written_in_chunks_before_a_short_publish(tmp_path, monkeypatch):
    book = tmp_path / "日報.xlsx"
    write_book(book, ROWS)
    monkeypatch.setattr(staging, "CHUNK_ROWS", CHUNK)
    with Store(tmp_path / "data") as store:
        importer = Importer(store, rep="試験")
        assert importer.import_source(book).added == ROWS
        before = {r[0]: r[1] for r in store.query("SELECT source_ref, id FROM activities")}
        summary = {r[0]: r[1] for r in store.query("SELECT id, summary FROM activities")}
        wb = openpyxl.load_workbook(book)
        wb["4月"].insert_rows(2)
        wb["4月"]["A2"], wb["4月"]["B2"], wb["4月"]["D2"] = (
            "2024-04-30",
            "株式会社新規",
            "新しい訪問",
        )
        wb.save(book)

        statements: list[str] = []
        store._conn.set_trace_callback(statements.append)
        out = importer.import_source(book)
        store._conn.set_trace_callback(None)

        assert (out.added, out.updated, out.deleted) == (1, 0, 0)
        after = {r[0]: r[1] for r in store.query("SELECT source_ref, id FROM activities")}
        assert all(after[_below(ref)] == aid for ref, aid in before.items())  # ids kept
        now = {r[0]: r[1] for r in store.query("SELECT id, summary FROM activities")}
        (new,) = set(now) - set(summary)
        assert now == {**summary, new: "新しい訪問"}  # contents unchanged but the new row's
        moves = [
            sum(1 for sql in t if re.match(r"UPDATE activities SET source_ref", sql))
            for t in _transactions(statements)
        ]
        assert sum(moves) == ROWS  # every row moved down, each reference written once
        assert max(moves) <= CHUNK  # never more than a chunk in one transaction
        publish = next(
            t for t in _transactions(statements) if any("SET deleted = 0" in sql for sql in t)
        )
        assert not [sql for sql in publish if "source_ref" in sql and sql.startswith("UPDATE")]
