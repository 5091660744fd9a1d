"""The app's background sync runs in its sync process (a spawned child), against a real
`genba-server serve`: merging a large pull there never holds the GUI process's GIL. Errors cross
the process boundary intact, and quitting never waits on a hung server."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest

from tests.helpers.live_server import add_user, free_port, start_server, stop_server


@pytest.fixture(scope="module")
def genba_server(tmp_path_factory):
    srv_dir = tmp_path_factory.mktemp("server")
    proc, url = start_server(srv_dir)
    try:
        yield url, add_user(srv_dir, "営業1課", "山本")
    finally:
        stop_server(proc)


def _service(qtbot, ctx, url, token):
    from desktop.app.services.syncing import SyncService
    from sync.client.credentials import save_credentials

    save_credentials(ctx.store, url, token)
    service = SyncService(ctx)
    states: list[dict] = []
    service.status.connect(states.append)
    return service, states


def _wait_state(qtbot, states, *wanted, timeout=60_000):
    qtbot.waitUntil(lambda: any(s["state"] in wanted for s in states), timeout=timeout)
    return next(s for s in states if s["state"] in wanted)


def test_background_sync_runs_in_the_sync_process(qtbot, ctx, imported, genba_server):
    url, token = genba_server
    before = ctx.store.pending_count()
    assert before > 0
    service, states = _service(qtbot, ctx, url, token)
    try:
        service.start()
        done = _wait_state(qtbot, states, "ok", "error", "offline")
        assert done["state"] == "ok", done["message"]
        report = done["report"]
        assert report.pushed >= before and report.pending == 0
        pid = service.process.last_pid
        assert pid is not None and pid != os.getpid()
        # What the child wrote (the outbox acknowledged) is what this process's store reads.
        assert ctx.store.pending_count() == 0
    finally:
        service.stop()
    assert service.process.closed


def test_a_second_laptop_receives_through_its_sync_process(
    qtbot, ctx, imported, genba_server, tmp_path
):
    from desktop.app.context import AppContext
    from desktop.app.tasks import TaskManager
    from importers.settings import Settings
    from sync.store import Store

    url, token = genba_server
    first, states = _service(qtbot, ctx, url, token)
    first.start()
    try:
        assert _wait_state(qtbot, states, "ok", "error", "offline")["state"] == "ok"
    finally:
        first.stop()

    other_dir = tmp_path / "laptop2"
    other = Store(other_dir)
    tasks = TaskManager()
    ctx2 = AppContext(other_dir, other, Settings.load(other_dir), tasks)
    second, states2 = _service(qtbot, ctx2, url, token)
    second.start()
    try:
        done = _wait_state(qtbot, states2, "ok", "error", "offline")
        assert done["state"] == "ok", done["message"]
        assert done["report"].applied > 0
        assert second.process.last_pid != os.getpid()
        names = {r[0] for r in other.query("SELECT name FROM companies WHERE deleted = 0")}
        assert "株式会社サンプル精工" in names
    finally:
        second.stop()
        tasks.shutdown()
        ctx2.imports.shutdown()
        other.close()


def test_a_wrong_token_reaches_the_app_as_the_servers_refusal(qtbot, ctx, imported, genba_server):
    url, _token = genba_server
    service, states = _service(qtbot, ctx, url, "genba_not-a-real-token-0000000000000000000000")
    try:
        service.start()
        done = _wait_state(qtbot, states, "ok", "error", "offline")
        # AuthError pickled in the child and rebuilt here: same message, not retried every minute.
        assert done["state"] == "error"
        assert "トークン" in done["message"] and "token" in done["message"]
        assert ctx.store.pending_count() > 0  # nothing was lost
    finally:
        service.stop()


def test_a_dead_server_is_offline_and_keeps_the_changes(qtbot, ctx, imported):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    service, states = _service(qtbot, ctx, url, "genba_whatever")
    try:
        service.start()
        done = _wait_state(qtbot, states, "ok", "error", "offline")
        assert done["state"] == "offline"
        assert "次回の同期で送信されます" in done["message"]
        assert done["next_in"] > 0
        assert ctx.store.pending_count() > 0
    finally:
        service.stop()


@pytest.fixture
def silent_server():
    """Accepts connections and never answers: a server hung behind a proxy."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(sock.accept()[0])
            except OSError:
                continue

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    stop.set()
    t.join(2)
    for c in held:
        c.close()
    sock.close()


def test_quitting_does_not_wait_for_a_hung_server(qtbot, ctx, imported, silent_server):
    service, states = _service(qtbot, ctx, silent_server, "genba_whatever")
    service.start()
    _wait_state(qtbot, states, "syncing")
    qtbot.waitUntil(lambda: service.process._pool is not None, timeout=10_000)
    qtbot.waitUntil(lambda: bool(service.process._pool._processes), timeout=30_000)
    children = list(service.process._pool._processes.values())
    time.sleep(0.5)  # the child is now waiting for the server's answer (60 s timeout)
    started = time.monotonic()
    service.stop(timeout=1.0)
    assert time.monotonic() - started < 5
    qtbot.waitUntil(lambda: not any(p.is_alive() for p in children), timeout=10_000)
    assert ctx.store.pending_count() > 0  # cut short: the changes are still to be sent
