"""`genba activities --include-deleted` lists tombstones, never the rows an import is still
writing (stored hidden, deleted = 1, until it publishes them): here those of a killed child."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from importers.ingest import Importer
from sync.store import Store
from tests.importers.test_bounded_import import ROOT, _kill_when, write_book
from tests.importers.test_dead_run_sync import ROWS

CLI = "import sys; from desktop.cli import main; sys.exit(main())"


def activities(data, *args) -> list[dict]:
    listed = subprocess.run(
        [
            sys.executable,
            "-c",
            CLI,
            "--data-dir",
            str(data),
            "activities",
            "--json",
            "--limit",
            "100000",
            *args,
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    return json.loads(listed.stdout)


def test_include_deleted_lists_tombstones_not_the_hidden_rows_of_an_open_import(tmp_path):
    small, book = tmp_path / "先月.xlsx", tmp_path / "2024年度_日報.xlsx"
    write_book(small, 3)
    write_book(book, ROWS)
    data = tmp_path / "data"
    with Store(data) as store:
        Importer(store, rep="試験").import_source(small)
        gone = store.query("SELECT id FROM activities ORDER BY source_ref LIMIT 1")[0][0]
        with store.write() as w:
            w.delete("activities", gone)  # a visit the rep deleted: a tombstone
    _kill_when(data, book, "SELECT 1 FROM import_staged LIMIT 1 OFFSET 600")
    with Store(data) as store:
        hidden = store.query("SELECT count(*) FROM import_staged")[0][0]
        assert hidden > 600
        assert store.query("SELECT count(*) FROM activities WHERE deleted = 1")[0][0] == hidden + 1

    listed = activities(data, "--include-deleted")
    assert len(listed) == 3
    assert {r["id"] for r in listed if r["deleted"]} == {gone}
    assert len(activities(data)) == 2
