"""How long an app edit waits while a large workbook imports in another process (figures, not a test).

    python bench/edit_wait_bench.py [--rows 200000] [--every 0.2] [--reimport-shift 10 | --reimport-edit]

A child process imports a `--rows` daily report (as the app's import process does) into a fresh
data directory; meanwhile this process makes one small edit (a customer's reading) every
`--every` seconds, each its own write transaction, retried while the database is busy as the
app's writer thread does (desktop/app/tasks.py). Prints the import's duration and, over the edits
made while it ran, the median and the longest wait from asking to committed. The baseline a rep
would compare with is the same edit on an idle database (also printed). The machine's load is
printed too: the figures move with what else runs.

``--reimport-shift N``: the workbook is imported once first (not timed), then rewritten with N new
visits at the top of every sheet, and the edits are made during its re-import: every one of the
`--rows` existing visits moves down (a new cell reference), a large update a re-import makes.

``--reimport-edit``: the same, but the rewritten workbook changes the 結果 of every visit instead:
each of the `--rows` visits gets new content, which a rep must see all at once (the publish).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.import_bench import write_report
from sync.store import Store
from sync.store.failures import is_busy

IMPORT = (
    "import sys; from sync.store import Store; from importers.ingest import Importer; "
    "s = Store(sys.argv[1]); o = Importer(s, rep='ベンチ').import_source(sys.argv[2]); "
    "print(o.status, o.added)"
)


def edit_once(store: Store, company_id: str, n: int) -> float:
    """One edit, retried while busy (as the writer thread does); seconds from ask to commit."""
    t0 = time.perf_counter()
    while True:
        try:
            with store.write() as w:
                w.update("companies", company_id, {"name_kana": f"ベンチ{n}"})
            return time.perf_counter() - t0
        except Exception as exc:
            if not is_busy(exc):
                raise
            time.sleep(0.05)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=200_000)
    p.add_argument("--every", type=float, default=0.2)
    p.add_argument("--reimport-shift", type=int, default=0, metavar="N")
    p.add_argument("--reimport-edit", action="store_true")
    args = p.parse_args()
    print(f"load average at start: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        book = tmp / "日報_大.xlsx"
        t = time.perf_counter()
        write_report(book, args.rows)
        print(f"(wrote a {args.rows:,}-row workbook in {time.perf_counter() - t:.1f} s)")
        data = tmp / "data"
        with Store(data) as store:
            with store.write() as w:
                company = w.insert(
                    "companies", {"name": "ベンチ精工", "name_normalized": "ベンチ精工"}
                )
            idle = [edit_once(store, company, i) for i in range(20)]
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        if args.reimport_shift or args.reimport_edit:
            t = time.perf_counter()
            first = subprocess.run(
                [sys.executable, "-c", IMPORT, str(data), str(book)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            print(f"(first import in {time.perf_counter() - t:.1f} s: {first})")
            if args.reimport_edit:
                write_report(book, args.rows, result="再検討")
                print("(rewrote it with another 結果 in every visit)")
            else:
                write_report(book, args.rows, lead=args.reimport_shift)
                print(f"(rewrote it with {args.reimport_shift} new visits atop every sheet)")
        with Store(data) as store:
            t0 = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-c", IMPORT, str(data), str(book)],
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
            waits: list[float] = []
            n = 0
            while child.poll() is None:
                n += 1
                waits.append(edit_once(store, company, n))
                time.sleep(args.every)
            took = time.perf_counter() - t0
            said = child.stdout.read().strip()
    what = "import"
    if args.reimport_shift:
        what = "re-import (every row moved down)"
    if args.reimport_edit:
        what = "re-import (every row's 結果 changed)"
    print(f"{what} of {args.rows:,} rows in a child process: {took:.1f} s ({said})")
    print(f"edit on an idle database: median {statistics.median(idle) * 1000:.1f} ms")
    print(
        f"edits during the import: {len(waits)}, median wait {statistics.median(waits):.2f} s, "
        f"longest {max(waits):.2f} s (goal < 1 s)"
    )
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
