"""Event-loop stalls of the real app while a workbook is dropped and a sync runs (app_bench.py
--only-stalls).

One run: the real main window (GenbaApp, as `genba` builds it) open on a store of N activities
that has synced before, the Activities view showing; the app's background sync started against a
real `genba-server serve` on 127.0.0.1 with ``sync_changes`` changes pending (started before the
clock, as the app starts it at start-up); at once a 20,000-row workbook dropped on the window (a
QDropEvent handed to the window's dropEvent: the app's own drop path and its import process). The
sync is triggered again when the import ends (as the watcher does), so the import's changes are
sent too. A 10 ms timer measures the longest gap of the event loop over the whole period, split
into the import (drop -> import finished) and the re-read after it (import finished -> the views
have re-read, the sync is done and the loop has been quiet for a second). Also the peak memory of
the import process and of the sync process (/proc VmHWM), read while they are still alive.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from common import proc_memory_mb

ENDED = ("ok", "offline", "error", "not_configured")
SETTLE_S = 1.0
DEBUG = (
    os.environ.get("GENBA_BENCH_DEBUG") == "1"
)  # quiet time after the last thing waited for: late re-reads land in the period


def stall_run(template: Path, tmp: Path, run: int, sync_changes: int, workbook: Path) -> dict:
    from app_data import add_pending
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QMimeData, QPointF, Qt, QTimer, QUrl
    from PySide6.QtGui import QDropEvent

    from desktop.app.application import GenbaApp
    from sync.client.credentials import save_credentials
    from sync.store import Store
    from tests.helpers.live_server import add_user, start_server, stop_server

    data_dir = tmp / f"stall-{run}"
    shutil.copytree(template, data_dir)
    pending = add_pending(data_dir, sync_changes)
    server, url = start_server(tmp / f"server-{run}")
    token = add_user(tmp / f"server-{run}", "営業1課", "yamamoto")
    with Store(data_dir) as s:
        save_credentials(s, url, token)

    genba = GenbaApp(data_dir, tray=False)
    window = genba.window
    activities = window.views["activities"]
    wait = QEventLoop()
    activities.loaded.connect(wait.quit)
    genba.show_window()
    window.resize(1280, 800)
    window.show_view("activities")
    QTimer.singleShot(60_000, wait.quit)
    wait.exec()
    rows_before = activities.model.rowCount()

    clock = QElapsedTimer()
    clock.start()
    ticks: list[tuple[int, int]] = []  # (at ms, gap ms)
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        ticks.append((now, now - last[0]))
        last[0] = now

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    marks: dict[str, int] = {}
    loop = QEventLoop()
    settle = QTimer(singleShot=True, interval=int(SETTLE_S * 1000))
    settle.timeout.connect(loop.quit)
    sync_states: list[tuple[int, dict]] = []
    memory: dict[str, tuple[float, float]] = {}

    def check_done():
        if DEBUG:
            print("  marks:", marks, flush=True)
        if {"import_done", "reread_done", "sync_done"} <= marks.keys():
            settle.start()  # restarted by anything that arrives later

    def on_sync(status: dict) -> None:
        sync_states.append((clock.elapsed(), status))
        if DEBUG:
            print(
                "  sync:", clock.elapsed(), status.get("state"), status.get("message"), flush=True
            )
        if status.get("state") == "syncing" and "sync_trigger" in marks:
            marks.setdefault("sync_after_import", clock.elapsed())  # sends the import's changes
        elif status.get("state") in ENDED and "sync_after_import" in marks:
            marks["sync_done"] = clock.elapsed()
            pid = genba.sync.process.last_pid
            memory["sync"] = proc_memory_mb(pid) if pid else (0.0, 0.0)
            check_done()

    def on_imported(summary) -> None:
        marks["import_done"] = clock.elapsed()
        marks["added"] = summary.added
        pid = genba.ctx.imports.last_pid
        memory["import"] = proc_memory_mb(pid) if pid else (0.0, 0.0)
        marks["sync_trigger"] = clock.elapsed()
        genba.sync.trigger()

    def on_reread() -> None:
        if "import_done" in marks:
            marks["reread_done"] = clock.elapsed()
            check_done()
        if settle.isActive():
            settle.start()

    if DEBUG:
        watchdog(clock, last)
    genba.sync.status.connect(on_sync)
    window.import_finished.connect(on_imported)
    activities.loaded.connect(on_reread)
    window.views["today"].loaded.connect(on_reread)
    # The app starts its sync service at start-up (loading the sync client); here it starts just
    # before the clock, and its first cycle (the pending changes) runs while the workbook imports.
    genba.sync.start()
    timer.start()
    marks["start"] = last[0] = clock.elapsed()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(workbook))])
    drop = QDropEvent(
        QPointF(640, 400),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    marks["drop"] = clock.elapsed()
    window.dropEvent(drop)  # Qt delivers a synthetic drop only while a real drag runs
    QTimer.singleShot(int(os.environ.get("GENBA_BENCH_TIMEOUT_S", "600")) * 1000, loop.quit)
    loop.exec()
    timer.stop()
    end = clock.elapsed()

    def worst(a: int, b: int) -> float:
        gaps = [gap for at, gap in ticks if a < at <= b + 1]
        return max(gaps, default=10) - 10.0

    at, gap = max(ticks, key=lambda t: t[1], default=(0, 10))

    result = {
        "rows_before": rows_before,
        "rows_after": activities.model.rowCount(),
        "added": marks.get("added", 0),
        "pending": pending,
        "import_s": (marks.get("import_done", end) - marks["drop"]) / 1000,
        "period_s": (end - marks["start"]) / 1000,
        "stall_import_ms": worst(marks["start"], marks.get("import_done", end)),
        "stall_reread_ms": worst(marks.get("import_done", end), end),
        "stall_all_ms": worst(marks["start"], end),
        "stall_all_at_s": (at - gap - marks["drop"]) / 1000,  # where it began, after the drop
        "sync_state": sync_states[-1][1].get("state") if sync_states else "none",
        "sync_cycles": sum(1 for _, s in sync_states if s.get("state") == "syncing"),
        "pushed": sum(getattr(s.get("report"), "pushed", 0) for _, s in sync_states),
        "mem_import": memory.get("import", (0.0, 0.0)),
        "mem_sync": memory.get("sync", (0.0, 0.0)),
        "complete": {"import_done", "reread_done", "sync_done"} <= marks.keys(),
    }
    with Store(data_dir) as s:
        result["pending_after"] = s.pending_count()
    genba.dispose()
    stop_server(server)
    shutil.rmtree(data_dir, ignore_errors=True)
    return result


def watchdog(clock, last: list[int]) -> None:
    """GENBA_BENCH_DEBUG=1: print where the main thread is while the loop stalls over 100 ms
    (sampled by a thread, so only where the main thread lets the GIL go)."""
    import sys
    import threading
    import traceback

    main_id = threading.main_thread().ident

    def watch():
        seen = None
        while True:
            time.sleep(0.02)
            if clock.elapsed() - last[0] > 100 and last[0] != seen:
                seen = last[0]
                frame = sys._current_frames().get(main_id)
                stack = "".join(traceback.format_stack(frame, limit=8)) if frame else "?"
                print(f"  stall at {last[0]} ms, main thread:\n{stack}", flush=True)

    threading.Thread(target=watch, daemon=True).start()
