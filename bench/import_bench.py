"""Import speed and memory against pandas.read_excel on the same workbook (whole processes).

    python bench/import_bench.py [--rows 20000] [--big-rows 200000] [--repeat 5] [--quick]

Every run, on the same workbook, each a whole process from spawn to exit (interpreter start
included): `genba import` into a fresh store (parse, normalise, store, change log), a process that
merely runs `pandas.read_excel(engine="openpyxl")` (pandas' default for .xlsx) and one that runs
`pandas.read_excel(engine="calamine")`. Prints medians (and the max) over --repeat runs, both
ratios against the goals (<= 0.4 x openpyxl, <= 2.5 x calamine), peak memory (the kernel's max
RSS of each whole process), python-calamine's parse alone (in-process, holding the GIL), the
unchanged re-import in-process (a warmed importer) and as a whole `genba import` process, and the
peak memory of a --big-rows import.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, genba_cmd, machine_line, median, print_header, run_measured, spread

sys.path.insert(0, str(ROOT))


def write_report(path: Path, rows: int, *, lead: int = 0, result: str = "好感触") -> None:
    """A realistic daily report: title, name block, header, `rows` visits over 12 month sheets.
    ``lead``: that many other visits first on every sheet, below the header (the same report
    after the rep inserted rows at the top: every one of the `rows` visits moves down).
    ``result``: the 結果 of every visit (another one rewrites the content of every row)."""
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    companies = [f"株式会社テスト工業{i:03d}" for i in range(300)] + [
        f"(株)サンプル精工{i}" for i in range(100)
    ]
    people = ["青木課長", "石井主任", "田中部長", "鈴木様", "佐藤さん"]
    per_sheet = rows // 12 + 1
    written = 0
    for month in [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]:
        ws = wb.create_sheet(f"{month}月")
        ws.append(["営業日報"])
        ws.append([])
        ws.append(["氏名", "山本"])
        ws.append([])
        ws.append(
            ["日付", "訪問先", "面談者", "目的", "内容", "結果", "次回予定", "金額", "確度", "所感"]
        )
        year = 2025 if month <= 3 else 2024
        for k in range(lead):
            day = dt.date(year, month, k % 28 + 1)
            ws.append([day, companies[k % len(companies)], people[k % 5], "新規訪問", f"挿入 {k}"])
        for i in range(min(per_sheet, rows - written)):
            day = dt.date(year, month, i % 28 + 1)
            ws.append(
                [
                    day,
                    companies[(written + i) % len(companies)],
                    people[i % 5],
                    "定期訪問",
                    f"治具の改善提案 {written + i}。試作品の評価結果を共有し、量産時期を確認。",
                    result,
                    f"{day.month}/{(i % 28) + 1} 再訪",
                    f"{(i % 50 + 1) * 10}万円",
                    f"{(i % 10) * 10}%",
                    "価格より納期を重視している" if i % 7 == 0 else None,
                ]
            )
        written += min(per_sheet, rows - written)
    wb.save(path)


def print_store(db: Path) -> None:
    """What the import left on disk: the database's size and its change log, as stored and as
    the field changes sync sends."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        stored = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        changes = conn.execute("SELECT count(*) FROM changes").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        size = pages * conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    print(
        f"store after the import: genba.db {size / 1e6:.1f} MB; change log {stored:,} stored rows "
        f"for {changes:,} field changes"
    )


def pandas_cmd(engine: str, path: Path) -> list[str]:
    code = (
        "import sys, pandas; "
        f"pandas.read_excel(sys.argv[1], sheet_name=None, header=None, engine={engine!r})"
    )
    return [sys.executable, "-c", code, str(path)]


def watched_import(data: Path, report: Path) -> tuple[float, float, dict]:
    """A whole `genba import` with its worker process watched: (seconds, peak MB, what
    ``run_measured`` found of the worker)."""
    tree: dict = {}
    seconds, peak, _ = run_measured(
        genba_cmd("--data-dir", str(data), "import", str(report)), tree=tree
    )
    return seconds, peak, tree


def worker(tree: dict) -> str:
    """What ``watched_import`` saw of the worker process (none for a small workbook)."""
    if not tree["workers"]:
        return "no worker process (the workbook is small: read in the import's own process)"
    return (
        f"its worker reading the workbook: peak {tree['workers']:.0f} MB; both at once, sampled "
        f"every 10 ms: at most {tree['sum']:.0f} MB RSS, {tree['pss']:.0f} MB PSS"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--big-rows", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="2,000 rows, 2 runs, no big import")
    ap.add_argument(
        "--in-process",
        action="store_true",
        help="also genba import reading the workbook in its own process (GENBA_READ_WORKER=off)",
    )
    args = ap.parse_args()
    if args.quick:
        args.rows, args.big_rows, args.repeat = 2_000, 0, 2
    print_header("import bench: whole processes on the same workbook")
    # An installed Genba runs from compiled bytecode, as pandas does from site-packages; a tree
    # run with PYTHONDONTWRITEBYTECODE would otherwise compile ~90 modules in every process.
    for package in ("desktop", "importers", "sync", "resources"):
        compileall.compile_dir(ROOT / package, quiet=1)
    print("bytecode: this tree's packages compiled first (as an installed Genba is)")
    work = Path(tempfile.mkdtemp(prefix="genba-bench-"))
    try:
        report = work / "2024年度_営業日報.xlsx"
        write_report(report, args.rows)
        print(f"workbook: {args.rows:,} rows, 12 sheets, {report.stat().st_size / 1e6:.1f} MB")

        runs: dict[str, list[tuple[float, float]]] = {"genba": [], "openpyxl": [], "calamine": []}
        if args.in_process:
            runs["in-process"] = []
        for i in range(args.repeat):  # interleaved, so that a burst of load hits all of them
            data = work / f"d{i}"
            runs["genba"].append(
                run_measured(genba_cmd("--data-dir", str(data), "import", str(report)))[:2]
            )
            if args.in_process:
                cmd = genba_cmd("--data-dir", str(work / f"in{i}"), "import", str(report))
                off = {"GENBA_READ_WORKER": "off"}
                runs["in-process"].append(run_measured(cmd, extra_env=off)[:2])
            for engine in ("openpyxl", "calamine"):
                runs[engine].append(run_measured(pandas_cmd(engine, report))[:2])
        t = {k: median([r[0] for r in v]) for k, v in runs.items()}
        m = {k: median([r[1] for r in v]) for k, v in runs.items()}
        labels = {
            "genba": "genba import (fresh store)",
            "openpyxl": 'pandas.read_excel(engine="openpyxl")',
            "calamine": 'pandas.read_excel(engine="calamine")',
            "in-process": "genba import, GENBA_READ_WORKER=off",
        }
        for k, v in runs.items():
            print(
                f"{labels[k]:<38} time {spread([r[0] for r in v], ' s')}; "
                f"peak {spread([r[1] for r in v], ' MB', '.0f')}"
            )
        for engine, goal in (("openpyxl", 0.4), ("calamine", 2.5)):
            ratio = t["genba"] / t[engine]
            verdict = "met" if ratio <= goal else "MISSED"
            print(f"ratio genba / {engine}: {ratio:.2f} (goal <= {goal}: {verdict})")
        _t, main_peak, tree = watched_import(work / "tree", report)
        print(
            f"genba import, one more run watching its worker: peak {main_peak:.0f} MB, {worker(tree)}"
        )
        print_store(work / "d0" / "genba.db")

        import python_calamine

        parse = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            book = python_calamine.CalamineWorkbook.from_path(str(report))
            for name in book.sheet_names:
                book.get_sheet_by_name(name).to_python()
            parse.append(time.perf_counter() - t0)
        print(
            f"python-calamine alone, in-process (every sheet to Python values; the GIL is held): "
            f"{spread(parse, ' s')}"
        )

        data = work / "d0"
        again = [
            run_measured(genba_cmd("--data-dir", str(data), "import", str(report)))[0]
            for _ in range(args.repeat)
        ]
        from importers.pipeline import ReportImporter
        from sync.store import Store

        store = Store(data)
        imp = ReportImporter(store)
        assert imp.import_file(report).status == "unchanged"  # warms the importer and the cache
        times = []
        for _ in range(max(5, args.repeat)):
            t0 = time.perf_counter()
            assert imp.import_file(report).status == "unchanged"
            times.append((time.perf_counter() - t0) * 1000)
        store.close()
        print(
            f"unchanged re-import, in-process with a warmed importer: {spread(times, ' ms', '.1f')} "
            "(goal < 100 ms)"
        )
        print(f"unchanged re-import, whole `genba import` process: {spread(again, ' s')}")

        if args.big_rows:
            big = work / "big.xlsx"
            write_report(big, args.big_rows)
            t_big, m_big, tree = watched_import(work / "big", big)
            added = (
                f"; the two peaks added: {m_big + tree['workers']:.0f} MB"
                if tree["workers"]
                else ""
            )
            print(
                f"{args.big_rows:,} rows: genba import {t_big:.1f} s, peak {m_big:.0f} MB; "
                f"{worker(tree)}{added} "
                f"(goal <= 300 MB; {args.rows:,} rows: median {m['genba']:.0f} MB)"
            )
            if args.in_process:
                t_off, m_off, _ = run_measured(
                    genba_cmd("--data-dir", str(work / "big-off"), "import", str(big)),
                    extra_env={"GENBA_READ_WORKER": "off"},
                )
                print(
                    f"{args.big_rows:,} rows, GENBA_READ_WORKER=off: genba import {t_off:.1f} s, "
                    f"peak {m_off:.0f} MB"
                )
        print(machine_line())
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
