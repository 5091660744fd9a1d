"""`genba --self-test`: start on the data directory, open each view, print timings, exit 0."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

from importers.kinds import KINDS

VIEW_TIMEOUT_MS = 15_000


class _FirstPaint(QObject):
    def __init__(self):
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


def _wait(signal, timeout_ms: int = VIEW_TIMEOUT_MS, start=None) -> bool:
    """Run the event loop until ``signal`` fires (True) or the timeout (False)."""
    loop = QEventLoop()
    fired = []
    signal.connect(lambda *a: (fired.append(1), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    if start is not None:
        start()
    if not fired:
        loop.exec()
    return bool(fired)


def run_self_test(genba, t0: float, out=print) -> int:
    """Open every view; print startup-to-first-paint and each view's open time."""
    window = genba.window
    painter = _FirstPaint()
    window.centralWidget().installEventFilter(painter)
    today = window.views["today"]
    ok = _wait(today.loaded, start=genba.show_window)
    deadline = time.perf_counter() + 5
    while painter.at is None and time.perf_counter() < deadline:
        _wait(window.view_shown, 20)
    first_paint = (painter.at or time.perf_counter()) - t0
    usable = time.perf_counter() - t0
    out(f"startup to first paint: {first_paint * 1000:.0f} ms")
    out(f"startup to usable (Today loaded): {usable * 1000:.0f} ms")
    # Wall-clock instants, so that a caller who spawned this process can time from the spawn
    # (interpreter start and imports included: what a rep waits for). bench/app_bench.py reads them.
    to_epoch = time.time() - time.perf_counter()
    out(f"first paint at (epoch s): {(painter.at or t0 + first_paint) + to_epoch:.4f}")
    out(f"usable at (epoch s): {t0 + usable + to_epoch:.4f}")
    out(f"memory (RSS) at start: {rss_mb():.0f} MB")
    failures = [] if ok else ["today"]
    conn = genba.ctx.connect()
    try:
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0]
            for t in ("activities", "companies", "contacts", "notes")
        }
    finally:
        conn.close()
    out("data: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    for name in ("customers", "activities", "knowledge", "problems", "folders", "sync"):
        view = window.views[name]
        t = time.perf_counter()
        shown = _wait(view.loaded, start=lambda n=name: window.show_view(n))
        ms = (time.perf_counter() - t) * 1000
        extra = f", {view.model.rowCount():,} rows" if name in ("customers", "activities") else ""
        out(f"view {name}: {ms:.0f} ms{extra}" + ("" if shown else " (TIMED OUT)"))
        if not shown:
            failures.append(name)
    customers = window.views["customers"]
    first = customers.model.row_id(0)
    if first:
        t = time.perf_counter()
        shown = _wait(customers.page.loaded, start=lambda: window.open_customer(first))
        out(
            f"view customer page: {(time.perf_counter() - t) * 1000:.0f} ms"
            + ("" if shown else " (TIMED OUT)")
        )
        if not shown:
            failures.append("customer page")
    out(f"memory (RSS) after opening every view: {rss_mb():.0f} MB")
    failures += _check_children(genba, out)
    failures += _check_image_formats(out)
    for kind in KINDS.values():  # what drops and the watcher import, from the registry
        out(f"imports {kind.name}: {' '.join(sorted(kind.suffixes))}")
    if failures:
        out("self-test FAILED: " + ", ".join(failures))
        return 1
    out("self-test OK")
    return 0


def _check_children(genba, out) -> list[str]:
    """Start the import and sync processes once: on a PC where a policy or an antivirus stops
    Genba from starting its own executable, IT sees it here rather than as slow imports."""
    import os

    from desktop.app.data import child_import, child_sync

    failed = []
    for name, child, probe in (
        ("import", genba.ctx.imports, child_import.ready),
        ("sync", genba.sync.process, child_sync.ready),
    ):
        t = time.perf_counter()
        try:
            pid = child.call(probe, here=lambda: None)
        except Exception as exc:  # reported, not raised: the self-test prints every finding
            out(f"{name} process: FAILED ({exc!r})")
            failed.append(f"{name} process")
            continue
        ms = (time.perf_counter() - t) * 1000
        if pid is None or pid == os.getpid():
            out(
                f"{name} process: not available, the work runs in the app's process (see genba.log)"
            )
        else:
            out(f"{name} process: ready in {ms:.0f} ms")
    return failed


# What the app decodes through Qt: dropped memo photos (jpeg, png, gif, bmp, webp) and the
# stylesheet's arrows (svg). installer.spec keeps exactly these plugins; a build that lost one fails.
IMAGE_FORMATS = ("bmp", "gif", "jpeg", "png", "svg", "webp")


def _check_image_formats(out) -> list[str]:
    from PySide6.QtGui import QImageReader

    have = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = [f for f in IMAGE_FORMATS if f not in have]
    out(
        "image formats: "
        + " ".join(IMAGE_FORMATS)
        + (f" (MISSING {' '.join(missing)})" if missing else "")
    )
    return ["image formats"] if missing else []


def rss_mb() -> float:
    """Resident memory of this process in MB (0 where it cannot be read)."""
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:
        pass
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
