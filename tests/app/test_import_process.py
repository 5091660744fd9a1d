"""Imports started from the app run in its import process (a spawned child), not in the GUI
process: python-calamine parses without releasing the GIL, which would stall the event loop."""

from __future__ import annotations

import os

from tests.app.conftest import wait_idle


def test_dropped_workbook_is_read_in_a_child_process(qtbot, window, ctx, report):
    model = window.views["activities"].model
    refreshed = []
    ctx.bus.data_changed.connect(lambda: refreshed.append(True))
    finished = []
    window.import_finished.connect(finished.append)

    window.import_dropped([report])
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    wait_idle(qtbot, ctx)

    summary = finished[0]
    assert (summary.files, summary.imported, summary.added) == (1, 1, 4)
    pid = ctx.imports.last_pid
    assert pid is not None and pid != os.getpid()
    assert ctx.store.query("SELECT count(*) FROM activities")[0][0] == 4
    assert refreshed  # the views were told to re-read what the child wrote
    window.show_view("activities")
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=10_000)


def test_the_import_process_does_not_load_qt(ctx, report):
    from desktop.app.data import child_import

    assert ctx.imports.start()
    ctx.imports.import_file(report, "reports", rep="山本")
    assert ctx.imports.last_pid != os.getpid()
    # eval is a builtin, so it pickles by name: nothing of this (Qt-importing) module is loaded.
    future = ctx.imports._get_pool().submit(eval, "sorted(__import__('sys').modules)")
    modules = future.result(timeout=60)
    assert child_import.__name__ in modules
    assert not any(m.startswith(("PySide6", "shiboken6")) for m in modules)


def test_without_a_process_the_import_runs_here(qtbot, ctx, report, monkeypatch):
    from desktop.app.data.importing import import_paths
    from desktop.app.services import child_process

    def no_process(*_a, **_k):
        raise OSError("no multiprocessing here")

    monkeypatch.setattr(child_process, "ProcessPoolExecutor", no_process)
    summary = import_paths(ctx.store, [report], rep="山本", runner=ctx.imports)
    assert (summary.imported, summary.added) == (1, 4)
    assert ctx.imports.last_pid == os.getpid() and ctx.imports.in_process


def test_an_idle_child_ends_and_a_new_one_takes_the_next_call(qtbot):
    """A child that parsed a large workbook holds ~100 MB: it ends after a while without work."""
    from desktop.app.services.child_process import ChildProcess, ping

    child = ChildProcess("test", idle_seconds=0.5)
    try:
        first = child.call(ping, here=os.getpid)
        assert first != os.getpid()
        assert child.call(ping, here=os.getpid) == first  # kept while in use
        [proc] = child._pool._processes.values()
        qtbot.waitUntil(lambda: child._pool is None, timeout=10_000)
        qtbot.waitUntil(lambda: not proc.is_alive(), timeout=10_000)
        second = child.call(ping, here=os.getpid)
        assert second not in (first, os.getpid())  # spawned again, not run in this process
    finally:
        child.shutdown()


def test_the_idle_timer_never_retires_a_child_at_work():
    import threading
    import time

    from desktop.app.services.child_process import ChildProcess, ping

    child = ChildProcess("test", idle_seconds=0.2)
    try:
        child.call(ping, here=os.getpid)  # arms the idle timer
        seen = []

        def look():  # well past the idle time, while the next call still works
            time.sleep(0.6)
            pool = child._pool
            seen.append(pool and [p.pid for p in pool._processes.values()])

        watcher = threading.Thread(target=look)
        watcher.start()
        # eval is a builtin, so it pickles by name: a call longer than the idle time.
        pid = child.call(
            eval, "__import__('time').sleep(1.2) or __import__('os').getpid()", here=os.getpid
        )
        watcher.join()
        assert pid != os.getpid() and seen == [[pid]]
    finally:
        child.shutdown()


def test_tsv_cards_and_tif_heif_photos_dropped_on_the_window_import(qtbot, window, ctx, tmp_path):
    """What a watched folder imports, a drop imports too: the window asks the same registry."""
    from PIL import Image
    from PySide6.QtCore import QMimeData, QUrl

    tsv = tmp_path / "eight.tsv"
    tsv.write_text(
        "会社名\t役職\t氏名\te-mail\n北辰機械\t主任\t佐藤 花子\tsato@hokushin.example.jp\n",
        encoding="utf-8",
    )
    tif = tmp_path / "memo.tif"
    Image.new("RGB", (32, 24), "white").save(tif, "TIFF")
    heif = tmp_path / "iphone.heif"
    heif.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    for path in (tsv, tif, heif):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        assert window.droppable(mime), path.name
    finished = []
    window.import_finished.connect(finished.append)
    window.import_dropped([tsv, tif, heif])
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    wait_idle(qtbot, ctx)
    summary = finished[0]
    assert (summary.files, summary.imported, summary.failed) == (3, 2, 1)
    assert summary.failures == ["iphone.heif"]  # refused with the reason, in Problems
    kinds = dict(ctx.store.query("SELECT substr(path, -10), kind FROM sources"))
    assert sorted(kinds.values()) == ["cards", "photos", "photos"]
    assert ctx.store.query("SELECT email FROM contacts")[0][0] == "sato@hokushin.example.jp"
    (issue,) = ctx.store.query(
        "SELECT i.code FROM import_issues i JOIN sources s ON s.id = i.source_id "
        "WHERE s.path LIKE '%iphone.heif'"
    )
    assert issue[0] == "unsupported_type"


def test_the_app_watcher_imports_and_marks_missing_in_the_import_process(qtbot, data_dir, report):
    """The GUI process builds no importer: both the import and the 'missing' write of a
    deleted file are the import process's."""
    from desktop.app.application import GenbaApp
    from importers.settings import Settings

    Settings(user_name="山本", report_folders=[str(report.parent)]).save(data_dir)
    genba = GenbaApp(data_dir, tray=False)
    events = []
    genba.ctx.bus.watch_event.connect(lambda e: events.append(e.kind))
    try:
        genba.start()
        qtbot.waitUntil(lambda: "imported" in events, timeout=30_000)
        assert genba.ctx.imports.last_pid not in (None, os.getpid())
        genba.ctx.imports.last_pid = None
        report.unlink()
        qtbot.waitUntil(lambda: "missing" in events, timeout=20_000)
        assert genba.ctx.imports.last_pid not in (None, os.getpid())
        (row,) = genba.ctx.store.query("SELECT status FROM sources")
        assert row[0] == "missing"
        assert genba.ctx.store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0]
    finally:
        genba.dispose()
