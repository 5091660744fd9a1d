"""Bounded import transactions (importers.staging), with real processes.

A large workbook imports in a child process while this process edits the same database and a
reader watches the activities table: every edit commits quickly, and the reader only ever sees
none or all of the file. A child killed mid-way leaves nothing visible and nothing in the outbox,
and the next import completes the file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import openpyxl
import pytest

from importers.ingest import Importer
from sync.store import Store
from sync.store.failures import is_busy

ROOT = Path(__file__).resolve().parents[2]
ROWS = 12_000
IMPORT = (
    "import sys; from sync.store import Store; from importers.ingest import Importer; "
    "import importers.staging as s; s.CHUNK_ROWS = int(sys.argv[3]); "
    "o = Importer(Store(sys.argv[1]), rep='試験').import_source(sys.argv[2]); print(o.status, o.added)"
)


def write_book(path: Path, rows: int) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("4月")
    ws.append(["日付", "訪問先", "面談者", "内容", "金額", "所感"])
    for i in range(rows):
        ws.append(
            [
                dt.date(2024, 4, i % 28 + 1),
                f"株式会社試験工業{i % 50:02d}",
                "青木課長",
                f"治具の改善提案 {i}",
                f"{i % 9 + 1}0万円",
                "価格より納期を重視している" if i % 10 == 0 else None,
            ]
        )
    wb.save(path)


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("book") / "2024年度_日報.xlsx"
    write_book(path, ROWS)
    return path


def start_import(data: Path, book: Path, chunk: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(data), str(book), str(chunk)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


class Watcher(threading.Thread):
    """A reader on its own connection, counting live activities as fast as it can."""

    def __init__(self, store: Store):
        super().__init__(daemon=True)
        self.store, self.seen, self.stop = store, set(), threading.Event()

    def run(self):
        conn = self.store.reader()
        while not self.stop.is_set():
            self.seen.add(
                conn.execute("SELECT count(*) FROM activities WHERE deleted = 0").fetchone()[0]
            )
            time.sleep(0.005)
        conn.close()


def edit(store: Store, company_id: str, n: int) -> float:
    t0 = time.perf_counter()
    while True:
        try:
            with store.write() as w:
                w.update("companies", company_id, {"name_kana": f"しけん{n}"})
            return time.perf_counter() - t0
        except Exception as exc:
            if not is_busy(exc):
                raise
            time.sleep(0.02)


def test_edits_commit_while_a_large_file_imports_and_readers_see_all_or_nothing(tmp_path, book):
    data = tmp_path / "data"
    with Store(data) as store:
        with store.write() as w:
            company = w.insert("companies", {"name": "編集精工", "name_normalized": "編集精工"})
        watcher = Watcher(store)
        watcher.start()
        child = start_import(data, book, 500)
        waits, during_run = [], 0
        while child.poll() is None:
            waits.append(edit(store, company, len(waits)))
            if store.query("SELECT 1 FROM import_runs"):
                during_run += 1
            time.sleep(0.05)
        watcher.stop.set()
        watcher.join()
        out, err = child.communicate()
        assert child.returncode == 0, err
        assert out.split() == ["imported", str(ROWS)]
        # edits went in while the file was being written, not only before and after it
        assert during_run >= 3, (during_run, waits)
        assert max(waits) < 2.0, waits  # generous: a chunk or the publish, never the whole file
        assert watcher.seen <= {0, ROWS}, sorted(watcher.seen)
        assert store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0] == ROWS
        assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0
        assert store.query("SELECT count(*) FROM import_staged")[0][0] == 0
        # the edits are in the outbox with the whole file, now that the import has ended
        pushed = {(c["entity"], c["field"]) for c in store.outbox(10**7)}
        assert ("companies", "name_kana") in pushed and ("activities", "summary") in pushed


def _kill_when(data: Path, book: Path, sql: str) -> None:
    child = start_import(data, book, 300)
    with Store(data) as store:
        deadline = time.monotonic() + 120
        while not store.query(sql):
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait()


def test_an_import_killed_while_staging_shows_nothing_and_the_next_import_completes_it(
    tmp_path, book
):
    data = tmp_path / "data"
    Store(data).close()
    _kill_when(data, book, "SELECT 1 FROM import_staged LIMIT 1 OFFSET 1000")
    with Store(data) as store:
        # the half-written file: invisible to readers, held back from sync
        assert store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0] == 0
        assert store.query("SELECT count(*) FROM activities WHERE deleted = 1")[0][0] > 1000
        assert store.query("SELECT count(*) FROM companies")[0][0] == 0
        assert store.outbox(10**7) == []
        assert not store.query("SELECT 1 FROM sources WHERE sha256 IS NOT NULL")
        # no view, folder list or rescan sees the file as imported (or at all) yet
        assert not store.query("SELECT 1 FROM sources WHERE path LIKE ?", (f"%{book.name}",))
        outcome = Importer(store, rep="試験").import_source(book)
        assert (outcome.status, outcome.added) == ("imported", ROWS)
        assert store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0] == ROWS
        assert store.query("SELECT count(*) FROM activities WHERE deleted = 1")[0][0] == 0
        # the dead run's rows and their changes are gone: each activity was logged once
        logged = store.query(
            "SELECT count(DISTINCT row_id) FROM changes WHERE entity = 'activities'"
        )[0][0]
        assert logged == ROWS
        assert (
            len({c["row_id"] for c in store.outbox(10**7) if c["entity"] == "activities"}) == ROWS
        )
        assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0
        assert store.query("SELECT count(*) FROM sources")[0][0] == 1
        # and re-importing the same bytes is a no-op
        assert Importer(store, rep="試験").import_source(book).status == "unchanged"


def test_an_import_killed_after_publishing_is_completed_by_the_next_import(tmp_path, book):
    data = tmp_path / "data"
    Store(data).close()
    _kill_when(data, book, "SELECT 1 FROM import_runs WHERE phase = 'completing'")
    with Store(data) as store:
        assert store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0] == ROWS
        # published, not completed: its run still holds the whole file back from sync
        assert store.query("SELECT 1 FROM import_runs")
        assert store.outbox(10**7) == []
        other = book.parent / "別の日報.xlsx"
        if not other.exists():
            write_book(other, 3)
        Importer(store, rep="試験").import_source(other)  # any import recovers the dead run
        assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0
        insights = store.query(
            "SELECT count(*) FROM notes WHERE deleted = 0 AND activity_id IN "
            "(SELECT id FROM activities WHERE insight IS NOT NULL)"
        )[0][0]
        assert insights == ROWS // 10 + 1  # every 所感 became its note (one in the 3-row file)
        assert store.query("SELECT count(*) FROM deals WHERE deleted = 0")[0][0] >= 50
        assert Importer(store, rep="試験").import_source(book).status == "unchanged"


def test_a_failure_mid_import_is_undone_in_process_and_a_reimport_keeps_ids(tmp_path, monkeypatch):
    """A bug or a full disk in the third chunk: the import fails, nothing of it stays visible
    or queued for sync, and the next import of the file (in the same process) applies it."""
    from importers import staging

    book = tmp_path / "日報.xlsx"
    write_book(book, 900)
    monkeypatch.setattr(staging, "CHUNK_ROWS", 200)
    real_stage, calls = staging.stage, []

    def failing_stage(w, run, rows):
        calls.append(len(rows))
        if len(calls) == 3:
            raise OSError("disk full")
        return real_stage(w, run, rows)

    with Store(tmp_path / "data") as store:
        importer = Importer(store, rep="試験")
        monkeypatch.setattr(staging, "stage", failing_stage)
        with pytest.raises(OSError):
            importer.import_source(book)
        assert store.query("SELECT count(*) FROM activities")[0][0] == 0
        assert store.query("SELECT count(*) FROM sources")[0][0] == 0
        assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0
        assert store.outbox(10**6) == []
        monkeypatch.setattr(staging, "stage", real_stage)
        assert importer.import_source(book).added == 900
        before = {r[0]: r[1] for r in store.query("SELECT source_ref, id FROM activities")}
        # re-import with a row inserted at the top: every row moves down one, keeps its id
        wb = openpyxl.load_workbook(book)
        wb["4月"].insert_rows(2)
        wb["4月"]["B2"], wb["4月"]["D2"] = "株式会社新規", "新しい訪問"
        wb.save(book)
        out = importer.import_source(book)
        assert (out.added, out.updated, out.deleted) == (1, 0, 0)
        after = {r[0]: r[1] for r in store.query("SELECT source_ref, id FROM activities")}
        assert len(after) == 901
        assert all(after[_below(ref)] == aid for ref, aid in before.items())
        assert store.query("SELECT count(*) FROM source_rows")[0][0] == 901  # one generation


def _below(ref: str) -> str:
    """The reference of the cell one row down ('4月!A7' -> '4月!A8')."""
    head, digits = re.fullmatch(r"(.*?)(\d+)", ref).groups()
    return f"{head}{int(digits) + 1}"


def test_a_run_records_its_process_start_as_psutil_tells_it():
    """``_alive`` compares a run's recorded start with psutil's create_time of that pid: the
    start an import records of itself (read from /proc, without loading psutil) must agree."""
    import psutil

    from importers import staging

    pid, started = staging._me()
    assert pid == os.getpid()
    assert abs(started - psutil.Process().create_time()) < 0.05
    assert staging._alive(pid, started)
