"""Where the time of a `genba import` goes: its phases and its SQLite statements.

    python bench/import_profile.py [--rows 20000] [--repeat 3] [--in-process]

Each run is a whole `genba import` process into a fresh store (the same workbook as
bench/import_bench.py) with two light probes inside it, no profiler: the wall time of the
import's phases (reading the workbook, staging the new rows, writing source_rows, the publish,
the derived steps after it) and of every SQLite statement the store runs, grouped by statement.
Prints medians over --repeat runs. Probing costs a little: the whole process is a few
percent slower than in bench/import_bench.py, whose figures are the ones to compare.
A workbook this large is read by a worker process (importers.parse_worker), which the probes do
not see: the import's own wait for the worker's rows is shown instead; --in-process reads it in
the import's process, as a small file is, to see what reading it costs.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from common import ROOT, median, print_header, run_measured
from import_bench import write_report

# Run inside the child: wraps sqlite3's connections and the import's phase functions, then runs
# the `genba` command line and prints what it measured as one JSON line on stderr.
PROBE = r"""
import atexit, collections, json, sqlite3, sys, time

statements = collections.defaultdict(lambda: [0, 0.0])


class Timed(sqlite3.Connection):
    def execute(self, sql, *args):
        t = time.perf_counter()
        try:
            return super().execute(sql, *args)
        finally:
            s = statements[" ".join(sql.split())[:90]]
            s[0] += 1
            s[1] += time.perf_counter() - t

    def executemany(self, sql, *args):
        t = time.perf_counter()
        try:
            return super().executemany(sql, *args)
        finally:
            s = statements["(many) " + " ".join(sql.split())[:83]]
            s[0] += 1
            s[1] += time.perf_counter() - t


_connect = sqlite3.connect


def connect(*args, **kwargs):
    kwargs.setdefault("factory", Timed)
    return _connect(*args, **kwargs)


sqlite3.connect = connect
start = time.perf_counter()
import importers.parse as parse, importers.report_steps as steps, importers.staging as staging
import importers.parse_worker as worker

if "--in-process" in sys.argv:  # read the workbook in this process, as a small file is
    sys.argv.remove("--in-process")
    worker.WORKER_MIN_BYTES = 1 << 62

phases = collections.defaultdict(float)


def timed(module, name, label):
    inner = getattr(module, name)

    def run(*args, **kwargs):
        t = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            phases[label] += time.perf_counter() - t

    setattr(module, name, run)


timed(parse, "read_report", "read the workbook in this process (parse_report)")
timed(worker.WorkerParse, "_receive", "wait for the worker's next rows (parse_worker)")
timed(staging, "stage", "stage the new rows (staging.stage)")
timed(staging, "stage_columns", "stage a new file's rows, by column (staging.stage_columns)")
timed(staging, "write_rows", "write source_rows (staging.write_rows)")
timed(steps, "publish", "publish (report_steps.publish)")
timed(steps, "complete", "derived steps: notes, deals, readings (report_steps.complete)")


@atexit.register
def report():
    out = {"main": time.perf_counter() - start, "phases": phases, "statements": statements}
    print("PROFILE " + json.dumps(out), file=sys.stderr)


from desktop.cli import main

sys.exit(main())
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--top", type=int, default=12, help="statements to list")
    ap.add_argument(
        "--in-process", action="store_true", help="read the workbook in the import's process"
    )
    args = ap.parse_args()
    print_header("import profile: phases and SQLite statements of a whole `genba import`")
    work = Path(tempfile.mkdtemp(prefix="genba-profile-"))
    report = work / "2024年度_営業日報.xlsx"
    write_report(report, args.rows)
    print(f"workbook: {args.rows:,} rows, 12 sheets")
    walls, runs = [], []
    for i in range(args.repeat):
        cmd = [
            sys.executable,
            "-c",
            PROBE,
            *(["--in-process"] if args.in_process else []),
            "--data-dir",
            str(work / f"d{i}"),
            "import",
            str(report),
        ]
        wall, _peak, out = run_measured(cmd)
        line = next(x for x in out.splitlines() if x.startswith("PROFILE "))
        walls.append(wall)
        runs.append(json.loads(line[len("PROFILE ") :]))
    print(
        f"whole process: median {median(walls):.2f} s; in the command: "
        f"{median([r['main'] for r in runs]):.2f} s ({args.repeat} runs, probes on)"
    )
    print("phases (median s):")
    for label in runs[0]["phases"]:
        print(f"  {median([r['phases'].get(label, 0) for r in runs]):6.3f}  {label}")
    totals = {
        k: median([r["statements"].get(k, [0, 0])[1] for r in runs]) for k in runs[0]["statements"]
    }
    print(
        f"SQLite statements: median {median([sum(v[1] for v in r['statements'].values()) for r in runs]):.3f} s in all; the longest:"
    )
    for sql, t in sorted(totals.items(), key=lambda kv: -kv[1])[: args.top]:
        n = runs[0]["statements"][sql][0]
        print(f"  {t:6.3f}  x{n:<5} {sql}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
