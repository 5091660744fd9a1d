"""A large daily report read by a worker process while its rows are written (importers.parse_worker).

Every case is run through a real worker (forked, and started as a new interpreter the way
Windows and `genba watch` start it) and compared with the same file read in this process: the
store ends the same, a refused file says the same, and a worker that dies or fails is one clear
problem for that file, nothing of it is left half-written, and the next file still imports.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from importers import parse_worker
from importers.pipeline import ReportImporter
from tests.helpers.workbooks import table_workbook, visit_rows

ROOT = Path(__file__).resolve().parents[2]
IN_PROCESS = 10**12  # worker_min_bytes that no file reaches


@pytest.fixture(autouse=True)
def japanese(monkeypatch):
    monkeypatch.setenv("GENBA_LANG", "ja")


@pytest.fixture(params=["fork", "spawn"])
def start_method(request, monkeypatch):
    """The worker forked (Linux, one thread) and started anew (Windows, genba watch)."""
    monkeypatch.setattr(
        parse_worker, "_context", lambda: multiprocessing.get_context(request.param)
    )
    return request.param


def report(tmp_path, name="2025年度_日報.xlsx", months=("4月", "5月"), n=1_300):
    """Several sheets, more rows than a batch, 所感, amounts and probabilities."""
    sheets = {m: visit_rows(n, dt.date(2025, 4 + i, 1)) for i, m in enumerate(months)}
    for rows in sheets.values():
        for i, row in enumerate(rows):
            row.append("価格より納期を重視している" if i % 7 == 0 else None)
    header = ["日付", "訪問先", "面談者", "内容", "次回予定", "金額", "確度", "所感"]
    return table_workbook(tmp_path / name, sheets, header=header)


def snapshot(store) -> dict:
    """What a rep and the team see of an import, without ids and clocks."""
    q = store.query
    return {
        "activities": [
            tuple(r)
            for r in q(
                "SELECT occurred_on, rep, company_name_raw, contact_name, contact_title, summary, "
                "next_action, next_action_due, amount_jpy, probability, insight, source_ref, "
                "deleted FROM activities ORDER BY source_ref"
            )
        ],
        "companies": [tuple(r) for r in q("SELECT name, name_kana FROM companies ORDER BY name")],
        "deals": [tuple(r) for r in q("SELECT title, amount_jpy FROM deals ORDER BY title")],
        "notes": q("SELECT count(*) FROM notes")[0][0],
        "source_rows": [
            (r[0] % 1_000_000_000, r[1], r[2])
            for r in q("SELECT position, sheet, fields FROM source_rows ORDER BY position")
        ],
        "changes": q("SELECT count(*) FROM changes")[0][0],
        "issues": sorted((r[0], r[1]) for r in q("SELECT code, location FROM import_issues")),
        "runs": q("SELECT count(*) FROM import_runs")[0][0],
        "sources": [tuple(r) for r in q("SELECT path, status, profile FROM sources")],
    }


def import_with(store, path, threshold, **options):
    return ReportImporter(
        store, rep="設定の担当", worker_min_bytes=threshold, **options
    ).import_file(path)


def test_a_file_read_by_a_worker_is_stored_as_one_read_in_process(tmp_path, start_method):
    from sync.store import Store

    book = report(tmp_path)
    here, there = Store(tmp_path / "here"), Store(tmp_path / "there")
    try:
        a = import_with(here, book, IN_PROCESS)
        b = import_with(there, book, 0)
        assert (a.status, a.added) == (b.status, b.added) == ("imported", 2_600)
        expected, got = snapshot(here), snapshot(there)
        assert got == expected
        assert got["runs"] == 0 and got["notes"] > 0 and got["deals"]
        # the readings came from the worker: every new customer has one
        assert all(kana for _name, kana in got["companies"])
    finally:
        here.close()
        there.close()


def test_a_reimport_read_by_a_worker_follows_the_reimport_rules(tmp_path, store, start_method):
    book = report(tmp_path)
    assert import_with(store, book, 0).added == 2_600
    wb = openpyxl.load_workbook(book)
    ws = wb["4月"]
    ws.insert_rows(7)  # a row inserted near the top shifts every row below it
    ws.cell(row=7, column=1, value=dt.date(2025, 4, 2))
    ws.cell(row=7, column=2, value="株式会社新規精機")
    ws.cell(row=7, column=4, value="新しい訪問")
    ws.cell(row=9, column=4, value="内容を書き直した")
    wb.save(book)
    out = import_with(store, book, 0)
    assert (out.status, out.added, out.updated, out.deleted) == ("imported", 1, 1, 0)
    assert store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0] == 2_601
    assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0


def test_a_profile_and_synonyms_reach_a_spawned_worker(tmp_path, store, start_method):
    """What the reader is given travels to the worker (pickled when it is spawned)."""
    from importers.layout.synonyms import load_synonyms
    from importers.profiles import Profile

    header = ["いつ", "どこへ", "はなしたこと"]  # no heading Genba knows by itself
    rows = [
        [dt.date(2025, 4, 1 + i % 28), f"株式会社試験{i % 9}", f"案件メモ {i}"] for i in range(900)
    ]
    book = table_workbook(
        tmp_path / "独自様式.xlsx", {"4月": rows}, header=header, title=None, rep_block=None
    )
    synonyms = load_synonyms(None)
    columns = {"いつ": "occurred_on", "どこへ": "company", "はなしたこと": "summary"}
    profile = Profile(name="独自様式", columns=columns, headings=header)
    importer = ReportImporter(store, rep="設定の担当", worker_min_bytes=0, synonyms=synonyms)
    out = importer.import_file(book, profile=profile)
    assert (out.status, out.added) == ("imported", 900)
    (src,) = store.query("SELECT profile FROM sources")
    assert src["profile"] == "独自様式"
    assert store.query("SELECT summary FROM activities ORDER BY source_ref LIMIT 1")[0][
        0
    ].startswith("案件メモ")


def test_a_file_a_worker_refuses_says_what_reading_it_here_says(tmp_path, start_method):
    from sync.store import Store

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["品番", "品名", "単価", "在庫"])  # a price list, not visits
    for i in range(2_000):
        ws.append([f"A-{i:04d}", f"部品{i}", 1200 + i, i % 40])
    wb.save(tmp_path / "価格表.xlsx")
    here, there = Store(tmp_path / "here"), Store(tmp_path / "there")
    try:
        a = import_with(here, tmp_path / "価格表.xlsx", IN_PROCESS)
        b = import_with(there, tmp_path / "価格表.xlsx", 0)
        assert a.status == b.status == "failed"
        assert [(i.code, str(i.message)) for i in b.issues] == [
            (i.code, str(i.message)) for i in a.issues
        ]
        got = snapshot(there)
        assert got["activities"] == [] and got["runs"] == 0
        assert got["sources"] == [(str(tmp_path / "価格表.xlsx"), "error", None)]
    finally:
        here.close()
        there.close()


def _dies_after_one_batch(conn, data, filename, known, options):
    """A worker that sends one batch and dies (a crash inside the reading library)."""
    from importers.parse import parse_report
    from importers.pipeline import Compact

    compact, batch = Compact(), []

    def keep(rec):
        batch.append(compact(rec).pack())
        if len(batch) == parse_worker.BATCH_ROWS:
            conn.send(("rows", batch.copy()))
            os._exit(70)

    parse_report(data, filename, keep=keep, **options)


_WORK = parse_worker.work


def _raises(conn, data, filename, known, options):
    """A bug met in the worker's reading."""
    from importers import parse

    def broken(*args, **kwargs):
        raise KeyError("a bug")

    parse.read_report = broken
    _WORK(conn, data, filename, known, options)


def test_a_worker_that_dies_is_one_clear_problem_and_nothing_is_left(tmp_path, store, monkeypatch):
    monkeypatch.setattr(parse_worker, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(parse_worker, "work", _dies_after_one_batch)
    book = report(tmp_path)
    out = import_with(store, book, 0)
    assert out.status == "failed"
    (problem,) = out.issues
    assert problem.code == "unreadable"
    assert "読み込んでいた処理が途中で止まりました" in problem.message and "70" in problem.message
    # the batch it sent was staged and is gone again: nothing visible, nothing to sync
    assert store.query("SELECT count(*) FROM activities")[0][0] == 0
    assert store.query("SELECT count(*) FROM changes")[0][0] == 0
    assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0
    assert store.query("SELECT count(*) FROM source_rows")[0][0] == 0
    (src,) = store.query("SELECT path, status FROM sources")
    assert tuple(src) == (str(book), "error")
    # the next import of the file reads it whole
    monkeypatch.undo()
    out = import_with(store, book, 0)
    assert (out.status, out.added) == ("imported", 2_600)


def test_a_bug_in_the_worker_is_logged_here_and_the_other_files_go_on(
    tmp_path, store, monkeypatch, caplog
):
    monkeypatch.setattr(parse_worker, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(parse_worker, "work", _raises)
    bad = report(tmp_path, "壊れる.xlsx")
    out = import_with(store, bad, 0)
    assert out.status == "failed"
    (problem,) = out.issues
    assert "予期しない問題" in problem.message and "KeyError" in problem.message
    assert "a bug" in caplog.text and "Traceback" in caplog.text  # the worker's traceback
    monkeypatch.undo()
    good = report(tmp_path, "正常.xlsx", months=("4月",), n=200)
    importer = ReportImporter(store, rep="設定の担当", worker_min_bytes=0)
    assert importer.import_file(good).added == 200
    assert store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0] == 200


def test_a_small_file_is_read_in_process(tmp_path, store, monkeypatch):
    def no_worker(*args, **kwargs):
        raise AssertionError("a worker was started for a small file")

    monkeypatch.setattr(parse_worker, "start", no_worker)
    book = report(tmp_path, months=("4月",), n=50)
    assert book.stat().st_size < parse_worker.WORKER_MIN_BYTES
    out = ReportImporter(store, rep="設定の担当").import_file(book)
    assert (out.status, out.added) == ("imported", 50)


def test_fork_only_while_this_process_runs_one_thread():
    import threading

    assert parse_worker._context().get_start_method() in {"fork", "spawn"}
    stop = threading.Event()
    t = threading.Thread(target=stop.wait, daemon=True)
    t.start()
    try:
        assert parse_worker._context().get_start_method() == "spawn"
    finally:
        stop.set()
        t.join()


def test_the_pipe_holds_more_than_a_batch_so_the_worker_reads_ahead(tmp_path):
    fcntl = pytest.importorskip("fcntl")
    book = report(tmp_path, months=("4月",), n=300)
    worker = parse_worker.start(
        book.read_bytes(), book.name, known=frozenset(), synonyms=_synonyms(), lang="ja"
    )
    try:
        size = fcntl.fcntl(worker._conn.fileno(), fcntl.F_GETPIPE_SZ)
        assert size >= min(parse_worker.PIPE_BYTES, _pipe_max())
        assert sum(len(b) for b in worker.batches()) == 300
    finally:
        worker.close()


KILLED_IMPORT = """
import sys, time
from importers import parse_worker
from importers.layout.synonyms import load_synonyms

data = open(sys.argv[1], "rb").read()
worker = parse_worker.start(data, "book.xlsx", known=frozenset(), synonyms=load_synonyms(None))
print(worker._proc.pid, flush=True)
time.sleep(120)  # never takes a batch: the worker fills the pipe and waits to send
"""


def test_a_worker_ends_when_its_import_is_killed(tmp_path, start_method):
    """The app cancels an import by ending its process: the worker it started must not wait
    for ever to send its rows to nobody."""
    psutil = pytest.importorskip("psutil")
    book = report(tmp_path, months=("4月", "5月", "6月"), n=3_000)  # more than the pipe holds
    code = KILLED_IMPORT
    if start_method == "spawn":
        code = code.replace(
            "from importers import parse_worker\n",
            "from importers import parse_worker\n"
            "import multiprocessing\n"
            "parse_worker._context = lambda: multiprocessing.get_context('spawn')\n",
        )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(book)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    worker = None
    try:
        worker = psutil.Process(int(proc.stdout.readline()))
        time.sleep(1.5)  # it has read more than the pipe holds by now
        assert worker.is_running()
        proc.kill()
        proc.wait(10)
        worker.wait(10)  # psutil.TimeoutExpired if it is still there
    finally:
        proc.kill()
        if worker is not None and worker.is_running():  # an orphan is no child of ours
            worker.kill()


def test_it_can_be_switched_off_for_every_file(tmp_path, store, monkeypatch):
    def no_worker(*args, **kwargs):
        raise AssertionError("a worker was started though GENBA_READ_WORKER=off")

    monkeypatch.setenv(parse_worker.MODE_VARIABLE, "off")
    monkeypatch.setattr(parse_worker, "start", no_worker)
    out = import_with(store, report(tmp_path, months=("4月",), n=300), 0)
    assert (out.status, out.added) == ("imported", 300)


def test_spawn_is_used_when_asked(monkeypatch):
    monkeypatch.setenv(parse_worker.MODE_VARIABLE, "spawn")
    assert parse_worker._context().get_start_method() == "spawn"


def _synonyms():
    from importers.layout.synonyms import load_synonyms

    return load_synonyms(None)


def _pipe_max() -> int:
    try:
        with open("/proc/sys/fs/pipe-max-size", encoding="ascii") as f:
            return int(f.read())
    except OSError:
        return 65_536
