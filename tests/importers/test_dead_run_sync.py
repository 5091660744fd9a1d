"""A sync cleans up an import whose process was killed (importers.recovery), with real processes
and a real `genba-server serve`: the rep's edits made since are pushed now, not after the next
import. ``genba sync`` discards a run that never published; the background sync of ``genba watch``
completes one that did; the app's sync process does either, and tells the views."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from importers.ingest import Importer
from importers.recovery import recovering
from sync.client.background import BackgroundSync
from sync.store import Store
from tests.helpers.live_server import add_user, start_server, stop_server
from tests.importers.test_bounded_import import ROOT, _kill_when, start_import, write_book

ROWS = 4_000


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("book") / "2024年度_日報.xlsx"
    write_book(path, ROWS)
    return path


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    srv_dir = tmp_path_factory.mktemp("server")
    proc, url = start_server(srv_dir)
    try:
        yield srv_dir, url
    finally:
        stop_server(proc)


@pytest.fixture
def genba_server(live_server, request):
    """The server's URL and a token of a team of this test's own (nothing to pull)."""
    srv_dir, url = live_server
    return url, add_user(srv_dir, request.node.name[:40], "山本")


CLI = "import sys; from desktop.cli import main; sys.exit(main())"


def _edit_behind_the_dead_run(store: Store) -> str:
    """A customer the rep adds after the import was killed: its change is held behind the run."""
    with store.write() as w:
        cid = w.insert("companies", {"name": "手入力精工", "name_normalized": "手入力精工"})
    assert store.query("SELECT 1 FROM import_runs")
    assert not [c for c in store.outbox(10**7) if c["row_id"] == cid]
    return cid


def _acked(store: Store, row_id: str) -> set[int]:
    return {r[0] for r in store.query("SELECT acked FROM changes WHERE row_id = ?", (row_id,))}


def test_genba_sync_discards_an_import_killed_while_staging_and_pushes_the_edits(
    tmp_path, book, genba_server
):
    url, token = genba_server
    data = tmp_path / "data"
    Store(data).close()
    _kill_when(data, book, "SELECT 1 FROM import_staged LIMIT 1 OFFSET 600")
    with Store(data) as store:
        assert store.query("SELECT 1 FROM import_runs WHERE phase = 'staging'")
        cid = _edit_behind_the_dead_run(store)
    synced = subprocess.run(
        [
            sys.executable,
            "-c",
            CLI,
            "--data-dir",
            str(data),
            "sync",
            "--server",
            url,
            "--token",
            token,
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert synced.returncode == 0, synced.stdout + synced.stderr
    with Store(data) as store:
        assert _acked(store, cid) == {1}  # on the server
        assert store.outbox(10**7) == []
        # the half-written file is gone: never seen, never sent
        assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0
        assert store.query("SELECT count(*) FROM import_staged")[0][0] == 0
        assert store.query("SELECT count(*) FROM activities")[0][0] == 0
        assert store.query("SELECT count(*) FROM sources")[0][0] == 0
        # and the file imports in full next time
        assert Importer(store, rep="試験").import_source(book).added == ROWS


def test_the_background_sync_of_genba_watch_completes_an_import_killed_after_publishing(
    tmp_path, book, genba_server
):
    url, token = genba_server
    data = tmp_path / "data"
    Store(data).close()
    _kill_when(data, book, "SELECT 1 FROM import_runs WHERE phase = 'completing'")
    with Store(data) as store:
        cid = _edit_behind_the_dead_run(store)
        background = BackgroundSync(store, credentials=lambda: (url, token), sync=recovering())
        background.run_once()
        assert background.last_status["state"] == "ok", background.last_status
        assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0
        assert _acked(store, cid) == {1}
        # the file was completed (its 所感 notes derived) and pushed whole
        notes = store.query(
            "SELECT count(*) FROM notes WHERE deleted = 0 AND activity_id IS NOT NULL"
        )[0][0]
        assert notes == ROWS // 10
        assert store.outbox(10**7) == []
        pushed = store.query(
            "SELECT count(DISTINCT row_id) FROM changes WHERE entity = 'activities' AND acked = 1"
        )[0][0]
        assert pushed == ROWS
        assert Importer(store, rep="試験").import_source(book).status == "unchanged"


def test_the_apps_sync_cleans_up_a_dead_import_and_tells_the_views(tmp_path, book, genba_server):
    from desktop.app.data.child_sync import sync_reporting_rows

    url, token = genba_server
    data = tmp_path / "data"
    Store(data).close()
    _kill_when(data, book, "SELECT 1 FROM import_runs WHERE phase = 'completing'")
    with Store(data) as store:
        cid = _edit_behind_the_dead_run(store)
        report = sync_reporting_rows(store, url, token)
        assert _acked(store, cid) == {1}
        assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0
        # what the completion derived is not listed: those views re-read whole
        assert report.pulled_rows["notes"] is None and report.pulled_rows["deals"] is None


def test_a_sync_leaves_an_import_that_is_still_running_alone(tmp_path, book, genba_server):
    """Only a dead process's run is cleaned up: a live one goes on and publishes its file."""
    url, token = genba_server
    data = tmp_path / "data"
    Store(data).close()
    child = start_import(data, book, 300)
    with Store(data) as store:
        while not store.query("SELECT 1 FROM import_staged LIMIT 1 OFFSET 300"):
            assert child.poll() is None, child.communicate()
        background = BackgroundSync(store, credentials=lambda: (url, token), sync=recovering())
        background.run_once()
        assert background.last_status["state"] == "ok", background.last_status
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        assert out.split() == ["imported", str(ROWS)]
        live = store.query("SELECT count(*) FROM activities WHERE deleted = 0")[0][0]
        assert live == ROWS


def test_a_sync_goes_on_when_the_database_is_too_busy_to_clean_up_first(tmp_path, book):
    """Another writer holds the lock past the busy timeout: the sync is not refused for it (it
    sends what is not held back), and the next one cleans up."""
    import sqlite3

    from importers.recovery import recover_before_sync

    data = tmp_path / "data"
    Store(data).close()
    _kill_when(data, book, "SELECT 1 FROM import_staged LIMIT 1 OFFSET 300")
    with Store(data) as store:
        store._conn.execute("PRAGMA busy_timeout = 100")
        other = sqlite3.connect(store.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            assert recover_before_sync(store) == 0
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert store.query("SELECT count(*) FROM import_runs")[0][0] == 1  # left for later
        assert recover_before_sync(store) == 1
        assert store.query("SELECT count(*) FROM import_runs")[0][0] == 0
