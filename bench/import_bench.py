"""Import speed and memory against pandas.read_excel on the same workbook (whole processes).

    python bench/import_bench.py [--rows 20000] [--big-rows 200000] [--out bench/out]

Prints: the time of a whole `genba import` process (parse, normalise, store, change log) and of a
whole process that merely runs pandas.read_excel on the same file, their ratio, the time of an
unchanged re-import (in-process and whole process), and peak memory (max RSS) for both sizes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GENBA = "import sys; from desktop.cli import main; sys.exit(main())"
PANDAS = "import sys, pandas; df = pandas.read_excel(sys.argv[1], sheet_name=None, header=None)"


def write_report(path: Path, rows: int) -> None:
    """A realistic daily report: title, name block, header, `rows` visits over 12 month sheets."""
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
        for i in range(min(per_sheet, rows - written)):
            day = dt.date(year, month, i % 28 + 1)
            ws.append(
                [
                    day,
                    companies[(written + i) % len(companies)],
                    people[i % 5],
                    "定期訪問",
                    f"治具の改善提案 {written + i}。試作品の評価結果を共有し、量産時期を確認。",
                    "好感触",
                    f"{day.month}/{(i % 28) + 1} 再訪",
                    f"{(i % 50 + 1) * 10}万円",
                    f"{(i % 10) * 10}%",
                    "価格より納期を重視している" if i % 7 == 0 else None,
                ]
            )
        written += min(per_sheet, rows - written)
    wb.save(path)


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and the child's peak RSS in MB."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"command failed: {cmd}\n{proc.stdout}\n{proc.stderr}")
    return elapsed, 0


def child_peak(cmd: list[str]) -> tuple[float, float]:
    """Run in a fresh child and read its max RSS through /usr/bin/time-free getrusage deltas."""
    code = (
        "import resource, subprocess, sys, time; t=time.perf_counter(); "
        "p=subprocess.run(sys.argv[1:], capture_output=True); "
        "assert p.returncode == 0, p.stderr.decode()[-2000:]; "
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    secs, kb = out.stdout.split()
    return float(secs), int(kb) / 1024


def best_of(n: int, cmd_factory) -> tuple[float, float]:
    results = [child_peak(cmd_factory()) for _ in range(n)]
    return min(r[0] for r in results), max(r[1] for r in results)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--big-rows", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="genba-bench-"))
    try:
        report = work / "2024年度_営業日報.xlsx"
        write_report(report, args.rows)
        print(f"workbook: {args.rows} rows, {report.stat().st_size / 1e6:.1f} MB")

        counter = iter(range(1000))

        def fresh_import():
            return [
                sys.executable,
                "-c",
                GENBA,
                "--data-dir",
                str(work / f"d{next(counter)}"),
                "import",
                str(report),
            ]

        t_genba, m_genba = best_of(args.repeat, fresh_import)
        t_pandas, m_pandas = best_of(
            args.repeat, lambda: [sys.executable, "-c", PANDAS, str(report)]
        )
        print(f"genba import (whole process, fresh store): {t_genba:.2f} s, peak {m_genba:.0f} MB")
        print(
            f"pandas.read_excel (whole process):         {t_pandas:.2f} s, peak {m_pandas:.0f} MB"
        )
        print(f"ratio genba/pandas: {t_genba / t_pandas:.2f} (goal < 1)")

        data = work / "d0"
        t_again, _ = best_of(
            args.repeat,
            lambda: [sys.executable, "-c", GENBA, "--data-dir", str(data), "import", str(report)],
        )
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from importers.pipeline import ReportImporter
        from sync.store import Store

        store = Store(data)
        imp = ReportImporter(store)
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            assert imp.import_file(report).status == "unchanged"
            times.append(time.perf_counter() - t0)
        store.close()
        print(
            f"unchanged re-import: {min(times) * 1000:.0f} ms in-process (goal < 100 ms), "
            f"{t_again:.2f} s as a whole process"
        )

        if args.big_rows:
            big = work / "big.xlsx"
            write_report(big, args.big_rows)
            t_big, m_big = child_peak(
                [sys.executable, "-c", GENBA, "--data-dir", str(work / "big"), "import", str(big)]
            )
            print(
                f"{args.big_rows} rows: genba import {t_big:.1f} s, peak {m_big:.0f} MB "
                f"(20k rows: {m_genba:.0f} MB)"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
