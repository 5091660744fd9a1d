"""Watcher figures (prints them; not a test).

1. First scan: N workbooks already in a folder, an empty store; time until all are imported,
   peak memory (ru_maxrss of this process, and optionally the tracemalloc peak).
2. Save-to-store latency: S Excel-style saves (temp file renamed over the workbook); from the
   rename to the watcher's 'imported' event, which fires after the store transaction commits.
3. Idle CPU: the watcher on the scanned folder, doing nothing, for T seconds (process CPU time).

    python bench/watch_bench.py                      # 1,000 files, 50 saves, 60 s idle
    python bench/watch_bench.py --idle-seconds 10 --files 200 --polling
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import math
import multiprocessing
import os
import resource
import secrets
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import machine_line, print_header

from importers.ingest import Importer
from importers.watch import Watcher, WatchEvent
from sync.store import Store


def workbook_bytes(tag: str, rows: int) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月"
    ws.append(["日付", "訪問先", "面談者", "内容", "金額", "確度"])
    for i in range(rows):
        ws.append(
            [
                dt.date(2025, 4, 1) + dt.timedelta(days=i // 3),
                f"株式会社{tag}工業" if i % 2 else "見本化成(株)",
                "青木課長",
                f"{tag} 第{i + 1}回 治具の改善提案",
                f"{(i % 9 + 1) * 10}万円",
                f"{(i % 10) * 10}%",
            ]
        )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _generate(folder: str, n: int, rows: int) -> None:
    for i in range(n):
        sub = Path(folder) / f"{i // 100:02d}"  # reps keep a folder per month or so
        sub.mkdir(exist_ok=True)
        (sub / f"日報_{i:04d}.xlsx").write_bytes(workbook_bytes(f"社{i:04d}", rows))


def maxrss_mb() -> float:
    # Linux reports KiB, macOS bytes
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 / (1024 if sys.platform == "darwin" else 1)


class Imported:
    def __init__(self):
        self.cond = threading.Condition()
        self.times: dict[str, list[float]] = {}
        self.count = 0

    def __call__(self, e: WatchEvent) -> None:
        if e.kind in ("imported", "failed", "error") and e.path is not None:
            with self.cond:
                self.times.setdefault(str(e.path), []).append(time.perf_counter())
                self.count += 1
                self.cond.notify_all()

    def wait_count(self, n: int, timeout: float) -> bool:
        with self.cond:
            return self.cond.wait_for(lambda: self.count >= n, timeout)

    def wait_path(self, path: str, k: int, timeout: float) -> float | None:
        with self.cond:
            ok = self.cond.wait_for(lambda: len(self.times.get(path, [])) >= k, timeout)
            return self.times[path][k - 1] if ok else None


def make_watcher(store, folder: Path, events, polling: bool) -> Watcher:
    return Watcher(
        {"reports": [folder]},
        importer=Importer(store, rep="ベンチ").import_source,
        store=store,
        on_event=events,
        force_polling=polling,
    )


def bench_scan(store, folder: Path, n: int, polling: bool, trace: bool) -> Watcher:
    rss0 = maxrss_mb()
    events = Imported()
    if trace:
        tracemalloc.start()
    t0 = time.perf_counter()
    w = make_watcher(store, folder, events, polling)
    w.start()
    ok = events.wait_count(n, timeout=600)
    elapsed = time.perf_counter() - t0
    peak_py = tracemalloc.get_traced_memory()[1] / 1024 / 1024 if trace else None
    if trace:
        tracemalloc.stop()
    ok_sources = store.query("SELECT count(*) FROM sources WHERE status = 'ok'")[0][0]
    print(f"first scan of {n} workbooks: {elapsed:.2f} s ({n / elapsed:.0f} files/s)"
          f"{'' if ok else ' — TIMED OUT'}; {ok_sources} sources ok")  # fmt: skip
    print(f"  peak RSS {maxrss_mb():.0f} MB (before the scan {rss0:.0f} MB)")
    if peak_py is not None:
        # Counts buffers reserved but never touched too (read_file asks read() for 100 MB + 1),
        # so it can exceed the resident peak above.
        print(f"  tracemalloc peak during the scan: {peak_py:.1f} MB (time above includes tracing)")
    return w


def bench_latency(store, folder: Path, saves: int, rows: int, polling: bool) -> None:
    events = Imported()
    w = make_watcher(store, folder, events, polling)
    w.start()
    payloads = [workbook_bytes(f"保存{i:02d}", rows) for i in range(saves)]
    target = folder / "今日の日報.xlsx"
    lat = []
    try:
        time.sleep(0.5)
        for i, data in enumerate(payloads, start=1):
            owner = folder / f"~${target.name}"
            owner.write_bytes(b"owner")
            temp = folder / secrets.token_hex(4).upper()
            temp.write_bytes(data)
            os.replace(temp, target)
            t_save = time.perf_counter()
            owner.unlink()
            t_done = events.wait_path(str(target), i, timeout=30)
            if t_done is None:
                print(f"  save {i}: not imported within 30 s")
                break
            lat.append(t_done - t_save)
            time.sleep(0.3)  # a rep does not save twice within the settle delay
    finally:
        w.stop()
    if not lat:
        return
    lat.sort()
    p95 = lat[math.ceil(0.95 * len(lat)) - 1]  # nearest rank
    mode = "polling observer" if polling else "native events"
    print(f"save-to-store latency, {len(lat)} Excel-style saves of a {rows}-row report ({mode}):")
    print(f"  p50 {statistics.median(lat):.3f} s  p95 {p95:.3f} s  max {lat[-1]:.3f} s"
          f"  (settle delay {w._settle_delay} s)")  # fmt: skip


def bench_idle(w: Watcher, seconds: float) -> None:
    deadline = time.monotonic() + 60
    while not w.idle() and time.monotonic() < deadline:
        time.sleep(0.1)
    threads = threading.active_count()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    time.sleep(seconds)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(f"idle watcher ({threads} threads): {cpu * 1000:.0f} ms CPU over {wall:.0f} s "
          f"= {100 * cpu / wall:.3f} % of one core")  # fmt: skip


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--files", type=int, default=1000, help="workbooks for the first scan")
    p.add_argument("--rows", type=int, default=30, help="rows per workbook")
    p.add_argument("--saves", type=int, default=50)
    p.add_argument("--idle-seconds", type=float, default=60.0)
    p.add_argument("--polling", action="store_true", help="use the polling observer")
    p.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations")
    args = p.parse_args()
    print_header("watch bench")
    with tempfile.TemporaryDirectory(prefix="genba-watch-bench-") as tmp:
        root = Path(tmp)
        folder, save_folder = root / "日報", root / "保存"
        folder.mkdir()
        save_folder.mkdir()
        t0 = time.perf_counter()
        # generated in a child process so openpyxl's memory does not count as the scan's peak
        proc = multiprocessing.get_context("spawn").Process(
            target=_generate, args=(str(folder), args.files, args.rows)
        )
        proc.start()
        proc.join()
        print(f"(generated {args.files} workbooks of {args.rows} rows in "
              f"{time.perf_counter() - t0:.1f} s)")  # fmt: skip
        with Store(root / "data") as store:
            w = bench_scan(store, folder, args.files, args.polling, args.tracemalloc)
            bench_idle(w, args.idle_seconds)
            w.stop()
            bench_latency(store, save_folder, args.saves, args.rows, args.polling)
    print(machine_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
