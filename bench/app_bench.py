"""Desktop app figures: cold start from process start to first paint and to a usable window
with 100,000 activities, the app's memory, scrolling and filtering the Activities view, and the
event-loop stalls of the real main window while a 20,000-row workbook is dropped and a sync runs.

    python bench/app_bench.py [--rows 100000] [--runs 3] [--sync-changes 51000] [--cold]
                              [--only-stalls | --only-starts] [--quick]

Cold start: `genba --self-test` spawned as a whole process; the app prints the wall-clock instant
of its first paint and of Today loaded, and the bench subtracts the instant it spawned the process
(interpreter start and imports included). The first run warms the file cache and is not counted;
the runs after it are "warm file cache". With --cold (root on Linux) the OS file cache is dropped
before each counted run instead. Medians and the max over runs; never the best run.
Stalls: see app_stalls.py.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import (
    ROOT,
    drop_file_cache,
    genba_cmd,
    machine_line,
    print_header,
    run_measured,
    spread,
)

sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GENBA_NO_KEYRING", "1")


def cold_start(data_dir: Path, runs: int, cold: bool) -> dict[str, list[float]]:
    """Each figure over ``runs`` counted whole `genba --self-test` processes."""
    patterns = {
        "paint_at": r"first paint at \(epoch s\): ([\d.]+)",
        "usable_at": r"usable at \(epoch s\): ([\d.]+)",
        "inner_paint_ms": r"startup to first paint: (\d+) ms",
        "activities_view_ms": r"view activities: (\d+) ms",
        "rss_start_mb": r"RSS\) at start: (\d+) MB",
        "rss_all_mb": r"every view: (\d+) MB",
    }
    results: dict[str, list[float]] = {}
    cache = None
    for i in range(runs + 1):
        if cold and i > 0:
            cache = drop_file_cache()
        spawned = time.time()
        wall, _peak, out = run_measured(genba_cmd("--data-dir", str(data_dir), "--self-test"))
        if i == 0:
            continue  # warms the file cache (and .pyc files): not counted
        found = {k: float(m.group(1)) for k, pat in patterns.items() if (m := re.search(pat, out))}
        if len(found) != len(patterns):
            raise SystemExit(f"self-test output lacks a figure:\n{out}")
        found["first_paint_s"] = found.pop("paint_at") - spawned
        found["usable_s"] = found.pop("usable_at") - spawned
        found["process_s"] = wall
        for k, v in found.items():
            results.setdefault(k, []).append(v)
    results["cache"] = ["cold (dropped before each run)" if cache else "warm (after a first run)"]
    if cold and not cache:
        results["cache"] = ["warm: could not drop the file cache (needs root on Linux)"]
    return results


def scroll_and_filter(data_dir: Path) -> dict:
    from PySide6.QtWidgets import QApplication

    from desktop.app.data.activities import ActivityFilter
    from desktop.app.main import create_qapp
    from desktop.app.models.activities import ActivitiesModel
    from desktop.app.widgets import table
    from sync.store import Store

    create_qapp(data_dir)
    store = Store(data_dir)
    model = ActivitiesModel(store.reader)
    t = time.perf_counter()
    model.reload()
    ids_s = time.perf_counter() - t
    view = table(model, stretch=4)
    view.resize(1280, 700)
    view.show()
    QApplication.processEvents()
    bar = view.verticalScrollBar()
    # 500 screens spread evenly from the top to the end: every jump lands on unread pages.
    steps, worst = 500, 0.0
    stride = max(1, bar.maximum() // (steps - 1))
    t = time.perf_counter()
    for i in range(steps):
        s = time.perf_counter()
        bar.setValue(min(bar.maximum(), i * stride) if i < steps - 1 else bar.maximum())
        view.viewport().repaint()
        worst = max(worst, time.perf_counter() - s)
    scroll_s = time.perf_counter() - t
    filters = []
    for f in (
        ActivityFilter(text="第99999回"),
        ActivityFilter(since="2024-01-01", text="試作"),
        ActivityFilter(),
    ):
        s = time.perf_counter()
        model.set_filter(f)
        view.viewport().repaint()
        filters.append(time.perf_counter() - s)
    result = {
        "id_query_s": ids_s,
        "scroll_pages": steps,
        "scroll_total_s": scroll_s,
        "scroll_worst_page_ms": worst * 1000,
        "pages_fetched": model.pages_fetched,
        "filter_worst_ms": max(filters) * 1000,
    }
    model.close()
    view.deleteLater()
    store.close()
    return result


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--sync-changes", type=int, default=51_000)
    p.add_argument("--workbook-rows", type=int, default=20_000)
    p.add_argument("--cold", action="store_true", help="drop the OS file cache before each start")
    p.add_argument("--only-stalls", action="store_true", help="only the stalls of the real window")
    p.add_argument("--only-starts", action="store_true", help="only the cold starts and memory")
    p.add_argument("--quick", action="store_true", help="small sizes, 1 run (a smoke run)")
    args = p.parse_args()
    if args.quick:
        args.rows, args.runs, args.sync_changes, args.workbook_rows = 2_000, 1, 3_000, 2_000
    print_header("app bench")
    tmp = Path(tempfile.mkdtemp(prefix="genba-app-bench-"))
    try:
        from app_data import build

        data_dir = tmp / "data"
        t = time.perf_counter()
        build(data_dir, args.rows, synced=True)
        print(f"built {args.rows:,} activities in {time.perf_counter() - t:.1f} s")
        if not args.only_stalls:
            starts(data_dir, args)
        if args.only_starts:
            print(machine_line())
            return 0
        from desktop.app.main import create_qapp

        create_qapp(data_dir)
        if not args.only_stalls:
            scrolling(data_dir, args)
        stalls(data_dir, tmp, args)
        print(machine_line())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def starts(data_dir: Path, args) -> None:
    c = cold_start(data_dir, args.runs, args.cold)
    print(f"cold start of a whole `genba --self-test` process, file cache {c['cache'][0]}:")
    print(
        f"  spawn to first paint ({args.rows:,} activities): "
        f"{spread(c['first_paint_s'], ' s')} (goal < 1.5 s)"
    )
    print(f"  spawn to usable window (Today loaded): {spread(c['usable_s'], ' s')}")
    print(
        f"  (inside run_app, after the interpreter is up: first paint "
        f"{spread(c['inner_paint_ms'], ' ms', '.0f')}); whole self-test process "
        f"{spread(c['process_s'], ' s')}"
    )
    print(f"  Activities view open: {spread(c['activities_view_ms'], ' ms', '.0f')}")
    print(
        f"  memory (RSS) of the app after start: {spread(c['rss_start_mb'], ' MB', '.0f')} "
        f"(goal < 200 MB); after opening every view: {spread(c['rss_all_mb'], ' MB', '.0f')}"
    )


def scrolling(data_dir: Path, args) -> None:
    s = scroll_and_filter(data_dir)
    print(
        f"scroll to the end in {s['scroll_pages']} jumps: "
        f"{s['scroll_total_s'] / s['scroll_pages'] * 1000:.1f} ms per screen (fetch + paint), worst "
        f"{s['scroll_worst_page_ms']:.1f} ms, {s['pages_fetched']} page queries; "
        f"id query {s['id_query_s'] * 1000:.0f} ms"
    )
    print(f"filter over {args.rows:,} rows (ids + repaint), worst: {s['filter_worst_ms']:.0f} ms")


def stalls(template: Path, tmp: Path, args) -> None:
    from app_stalls import stall_run

    from tests.helpers.workbooks import table_workbook, visit_rows

    wb = table_workbook(tmp / "big_2025年度.xlsx", {"4月": visit_rows(args.workbook_rows)})
    print(
        f"event-loop stalls of the real main window on {args.rows:,} activities (Activities view "
        f"showing): a {args.workbook_rows:,}-row workbook dropped, background sync of "
        f"{args.sync_changes:,} pending changes (then the import's) to a local genba-server"
    )
    runs = []
    for i in range(args.runs):
        r = stall_run(template, tmp, i, args.sync_changes, wb)
        runs.append(r)
        print(
            f"  run {i + 1}: import {r['import_s']:.1f} s (+{r['added']:,} rows, view "
            f"{r['rows_before']:,} -> {r['rows_after']:,}), sync {r['sync_state']} in "
            f"{r['sync_cycles']} cycles, {r['pushed']:,} changes sent ({r['pending']:,} pending before, "
            f"{r['pending_after']:,} after), whole period {r['period_s']:.1f} s"
            + ("" if r["complete"] else " INCOMPLETE (timed out)")
        )
        print(
            f"    longest stall: during the import {r['stall_import_ms']:.0f} ms, during the "
            f"re-read after it {r['stall_reread_ms']:.0f} ms, whole period {r['stall_all_ms']:.0f} ms "
            f"(began {r['stall_all_at_s']:.2f} s after the drop)"
        )
    for key, what in (
        ("stall_import_ms", "during the import"),
        ("stall_reread_ms", "during the views' re-read after it"),
        ("stall_all_ms", "whole period"),
    ):
        xs = [r[key] for r in runs]
        verdict = "met" if max(xs) < 100 else "MISSED"
        print(
            f"longest stall {what}: worst {max(xs):.0f} ms, {spread(xs, ' ms', '.0f')} "
            f"(goal < 100 ms worst case: {verdict})"
        )
    imp = [r["mem_import"][1] for r in runs]
    syn = [r["mem_sync"][1] for r in runs]
    print(
        f"child processes, peak RSS (VmHWM): import process after the {args.workbook_rows:,}-row "
        f"import {spread(imp, ' MB', '.0f')}; sync process after sending "
        f"{runs[0]['pushed']:,} changes {spread(syn, ' MB', '.0f')}"
    )


if __name__ == "__main__":
    sys.exit(main())
