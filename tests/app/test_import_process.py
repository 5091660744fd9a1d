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
