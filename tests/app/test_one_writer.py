"""Without an import process the app still has one writer: the watcher's imports, and its
'missing' marks, run on the writer thread, never on the watcher's own thread."""

from __future__ import annotations

import os
import threading


def test_without_an_import_process_the_watcher_imports_on_the_writer_thread(
    qtbot, data_dir, report, monkeypatch, caplog
):
    from desktop.app.application import GenbaApp
    from desktop.app.data import child_import
    from desktop.app.services import child_process
    from importers.settings import Settings

    def no_process(*_a, **_k):
        raise OSError("no multiprocessing here")

    monkeypatch.setattr(child_process, "ProcessPoolExecutor", no_process)
    threads = []
    real_import = child_import.import_file

    def import_file(*args, **kwargs):  # the real import, noting which thread ran it
        threads.append(threading.current_thread().name)
        return real_import(*args, **kwargs)

    monkeypatch.setattr(child_import, "import_file", import_file)
    Settings(user_name="山本", report_folders=[str(report.parent)]).save(data_dir)
    genba = GenbaApp(data_dir, tray=False)
    events = []
    genba.ctx.bus.watch_event.connect(lambda e: events.append(e.kind))
    writer = []
    genba.ctx.tasks.run(lambda: threading.current_thread().name, writer.append, write=True)
    try:
        with caplog.at_level("WARNING", logger="genba.app"):
            genba.start()
            qtbot.waitUntil(lambda: "imported" in events, timeout=30_000)
            report.unlink()
            qtbot.waitUntil(lambda: "missing" in events, timeout=20_000)
        assert genba.ctx.imports.last_pid == os.getpid()
        assert threads and set(threads) == set(writer)  # the writer thread, nothing else
        assert "a watched file is imported on the writer thread" in caplog.text
        assert "a deleted file is marked missing on the writer thread" in caplog.text
        assert genba.ctx.store.query("SELECT status FROM sources")[0][0] == "missing"
        assert genba.ctx.store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0]
    finally:
        genba.dispose()
