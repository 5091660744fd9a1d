"""The search box brings the knowledge index up to date on the app's writer thread, then
searches on a reader: no write transaction is opened on the read pool."""

from __future__ import annotations

import threading


def test_the_search_box_refreshes_the_index_on_the_writer_thread(
    qtbot, window, ctx, imported, monkeypatch
):
    from importers.knowledge import index
    from sync.store import Store

    assert index.pending(ctx.store)  # the import queued its rows for the index
    writes = []
    real_write = Store.write

    def write(self, **kw):  # the real write (bulk= included), noting which thread opened it
        writes.append(threading.current_thread().name)
        return real_write(self, **kw)

    monkeypatch.setattr(Store, "write", write)
    writer = []
    ctx.tasks.run(lambda: threading.current_thread().name, writer.append, write=True)
    qtbot.waitUntil(lambda: bool(writer), timeout=5000)

    window.search.setText("治具")
    with qtbot.waitSignal(window.views["search"].loaded, timeout=10_000):
        view = window.run_search()
    assert view.model.rowCount() > 0
    assert "治具" in view.model.row(0)["snippet"]
    assert writes and set(writes) == set(writer)  # only the writer thread wrote
    assert not index.pending(ctx.store)

    writes.clear()  # an up-to-date index: the next search writes nothing at all
    window.search.setText("試作")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.run_search()
    assert writes == []


def test_run_search_only_reads_and_the_index_refresh_is_a_write_on_the_writer_thread(
    qtbot, ctx, imported, monkeypatch
):
    """``run_search`` opens no write; the refresh goes through ``ctx.write`` like any edit."""
    from desktop.app.data.knowledge import refresh_index, run_search
    from importers.knowledge import index
    from sync.store import Store

    assert index.pending(ctx.store)
    writes = []
    real_write = Store.write

    def write(self, **kw):
        writes.append(threading.current_thread().name)
        return real_write(self, **kw)

    monkeypatch.setattr(Store, "write", write)
    run_search(ctx.store, "治具")  # what is indexed (maybe nothing yet): nothing written
    assert writes == []

    refreshed, writer = [], []
    ctx.tasks.run(lambda: threading.current_thread().name, writer.append, write=True)
    ctx.write(lambda: refresh_index(ctx.store), refreshed.append, changes_data=False)
    qtbot.waitUntil(lambda: bool(refreshed and writer), timeout=10_000)
    assert refreshed[0] > 0 and set(writes) == set(writer)
    writes.clear()
    hits = run_search(ctx.store, "治具")
    assert hits and "治具" in hits[0].snippet
    assert writes == []
