"""The team lead's workbook over N activities, as a whole `genba export team-workbook` process.

    python bench/team_workbook_bench.py [--activities 100000] [--notes 10000] [--runs 3] [--quick]

Builds a store (the search bench's realistic activities and notes), then runs the command a lead
runs, `genba export team-workbook OUT.xlsx`, --runs times as a whole process: wall time from spawn
to exit, the file's size, and the process's peak memory (the kernel's max RSS of that process,
interpreter and openpyxl's writer included). Medians and the max over runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, genba_cmd, machine_line, print_header, run_measured, spread

sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--activities", type=int, default=100_000)
    ap.add_argument("--notes", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="2,000 activities, 1 run")
    args = ap.parse_args()
    if args.quick:
        args.activities, args.notes, args.runs = 2_000, 200, 1
    print_header("team workbook bench: whole `genba export team-workbook` processes")
    from search_bench import build

    from sync.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        t = time.perf_counter()
        with Store(data) as store:
            build(store, args.notes, args.activities)
        print(
            f"store: {args.activities:,} activities, {args.notes:,} notes "
            f"({time.perf_counter() - t:.1f} s to write)"
        )
        times, peaks, sizes = [], [], []
        for i in range(args.runs):
            out = Path(tmp) / f"team{i}.xlsx"
            secs, peak, _ = run_measured(
                genba_cmd("--data-dir", str(data), "export", "team-workbook", str(out))
            )
            times.append(secs)
            peaks.append(peak)
            sizes.append(out.stat().st_size / 1e6)
        print(
            f"team workbook, {args.activities:,} activities: {spread(times, ' s', '.1f')}, "
            f"a {max(sizes):.1f} MB file; peak memory of the whole process "
            f"{spread(peaks, ' MB', '.0f')}"
        )
        print(machine_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
