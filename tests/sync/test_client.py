"""The sync client: private notes, attachments, clock skew, errors, credentials, the command,
the status and the background thread."""

from __future__ import annotations

import hashlib
import re
import stat
import threading
import time

import httpx
import pytest

from resources.messages import in_language
from sync.client import (
    BackgroundSync,
    IncompatibleServerError,
    OfflineError,
    sync_once,
    sync_status,
)
from sync.client.command import run_sync_command
from sync.client.credentials import load_credentials, save_credentials
from sync.client.cycle import blob_path
from tests.sync.helpers import Down, LoseResponse, snapshot

YEAR_MS = 365 * 24 * 3600 * 1000


def test_private_notes_never_leave(server, make_store):
    token = server.add_user()
    a, b = make_store(), make_store()
    with a.write() as w:
        w.insert("notes", {"body": "社長は甘党", "visibility": "private"})
        w.insert("notes", {"body": "共有メモ", "visibility": "team"})
    sync_once(a, server.url, token, client=server.client)
    sync_once(b, server.url, token, client=server.client)
    values = {v for v, _h, _s in server.winners().values()}
    assert "共有メモ" in values and "社長は甘党" not in values and "private" not in values
    assert [r[0] for r in b.query("SELECT body FROM notes")] == ["共有メモ"]
    assert sync_status(a)["pending"] == 0


def test_attachment_blob_uploaded_before_its_row_and_downloaded(server, make_store):
    token = server.add_user()
    a, b = make_store(), make_store()
    data = b"%PDF-1.4 estimate " * 100
    sha = hashlib.sha256(data).hexdigest()
    path = blob_path(a.data_dir, sha)
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    with a.write() as w:
        w.insert("attachments", {"sha256": sha, "filename": "見積.pdf", "size": len(data)})
    order = []

    class Spy:
        def request(self, method, url, **kw):
            order.append((method, str(url).split("testserver")[1]))
            return server.client.request(method, url, **kw)

    report = sync_once(a, server.url, token, client=Spy())
    assert report.blobs_uploaded == 1
    calls = [c for c in order if c[0] in ("PUT", "POST")]
    assert calls[0] == ("PUT", f"/v1/blobs/{sha}") and calls[1][1] == "/v1/push"
    report = sync_once(b, server.url, token, client=server.client)
    assert report.blobs_downloaded == 1
    assert blob_path(b.data_dir, sha).read_bytes() == data


def test_lost_push_response_is_replayed_harmlessly(server, make_store):
    token = server.add_user()
    a = make_store()
    with a.write() as w:
        w.insert("companies", {"name": "アイシン"})
    with pytest.raises(OfflineError):
        sync_once(a, server.url, token, client=LoseResponse(server.client))
    assert a.pending_count() == 1 and len(server.winners()) == 1
    report = sync_once(a, server.url, token, client=server.client)
    assert report.duplicates == 1 and a.pending_count() == 0


def test_offline_keeps_changes_and_says_so(make_store):
    a = make_store()
    with a.write() as w:
        w.insert("companies", {"name": "X"})
    with pytest.raises(OfflineError) as err:
        sync_once(a, "http://127.0.0.1:9", "t", client=Down())
    assert "応答がありません" in str(err.value) and "保存されており" in str(err.value)
    english = in_language(err.value.message, "en")
    assert "Offline" in english and "kept" in english
    assert a.pending_count() == 1
    # the last error is kept with its words: shown in English where the rep reads English
    assert in_language(sync_status(a)["last_error"], "en") == english


def test_real_connection_refused_is_offline(make_store):
    from tests.sync.conftest import free_port

    with pytest.raises(OfflineError):
        sync_once(make_store(), f"http://127.0.0.1:{free_port()}", "t", timeout=2)


@pytest.mark.parametrize(
    "handler",
    [
        lambda req: httpx.Response(200, json={"protocol": 7, "min_client_protocol": 7}),
        lambda req: httpx.Response(404, text="Not Found"),
        lambda req: httpx.Response(200, text="<html>proxy login</html>"),
    ],
)
def test_incompatible_or_foreign_server(make_store, handler):
    with pytest.raises(IncompatibleServerError, match=r"Genba を更新|Genba の同期サーバー") as err:
        sync_once(make_store(), "http://x", "t", transport=httpx.MockTransport(handler))
    assert re.search(r"Update Genba|Genba sync server", in_language(err.value.message, "en"))


def test_clock_a_year_ahead_is_restamped_to_the_servers_time(server, make_store):
    token = server.add_user()
    offset = [YEAR_MS]
    a = make_store(now_ms=lambda: time.time_ns() // 1_000_000 + offset[0])
    b = make_store()
    with a.write() as w:
        row = w.insert("companies", {"name": "未来"})
    with b.write() as w:
        w.insert("companies", {"name": "現在"})
    sync_once(b, server.url, token, client=server.client)
    # The PC clock is still a year ahead: the server refuses the stamps, the laptop measures its
    # clock against the server's, re-stamps in the server's time and is told its clock is wrong.
    report = sync_once(a, server.url, token, client=server.client)
    assert report.restamped == 1 and a.pending_count() == 0
    kinds = dict(report.notices)
    assert abs(kinds["pc_clock"] - YEAR_MS) < 60_000
    assert a.query("SELECT count(*) FROM companies WHERE name = '現在'")[0][0] == 1
    hlc = server.winners()[("companies", row, "name")][1]
    assert int(hlc.split(".")[0]) < time.time_ns() // 1_000_000 + 600_000
    with a.write() as w:  # later writes are stamped with the server's time too
        w.update("companies", row, {"name": "修正"})
    assert int(a.clock.last().split(".")[0]) < time.time_ns() // 1_000_000 + 600_000
    offset[0] = 0  # the rep fixes the clock: nothing to correct any more
    sync_once(a, server.url, token, client=server.client)
    sync_once(b, server.url, token, client=server.client)
    assert snapshot(a) == snapshot(b)
    assert a.clock_offset_ms == 0


def test_credentials_fall_back_to_a_private_file(make_store, monkeypatch):
    monkeypatch.delenv("GENBA_NO_KEYRING", raising=False)
    store = make_store()
    where = save_credentials(store, "https://genba.example.jp/", "tok-123")
    assert where.endswith("sync_token")  # no keyring backend on this machine
    mode = stat.S_IMODE((store.data_dir / "sync_token").stat().st_mode)
    assert mode == 0o600
    assert load_credentials(store) == ("https://genba.example.jp", "tok-123")


def test_keyring_errors_never_crash(make_store, monkeypatch):
    import sync.client.credentials as cred

    class Broken:
        def set_password(self, *a):
            raise RuntimeError("dbus exploded")

        def get_password(self, *a):
            raise RuntimeError("dbus exploded")

    monkeypatch.setattr(cred, "_keyring", lambda: Broken())
    store = make_store()
    save_credentials(store, "http://s", "tok")
    assert load_credentials(store) == ("http://s", "tok")


def test_keyring_used_when_it_works(make_store, monkeypatch):
    import sync.client.credentials as cred

    class Memory:
        data: dict = {}

        def set_password(self, s, u, p):
            self.data[(s, u)] = p

        def get_password(self, s, u):
            return self.data.get((s, u))

    kr = Memory()
    monkeypatch.setattr(cred, "_keyring", lambda: kr)
    store = make_store()
    assert save_credentials(store, "http://s", "tok") == "keyring"
    assert not (store.data_dir / "sync_token").exists()
    (key,) = kr.data
    assert key[0] == "genba" and key[1].startswith("http://s|") and str(store.data_dir) in key[1]
    assert load_credentials(store) == ("http://s", "tok")


def test_run_sync_command_remembers_and_reports(server, make_store):
    token = server.add_user()
    store = make_store()
    with store.write() as w:
        w.insert("companies", {"name": "トヨタ"})
    out: list[str] = []
    assert run_sync_command(store, None, None, False, out=out.append) == 1
    assert "genba sync --server" in out[-1]
    assert (
        run_sync_command(store, server.url, token, False, out=out.append, client=server.client) == 0
    )
    assert out[-1].startswith("http://testserver と同期しました: 送信 1 件")
    assert (
        run_sync_command(store, None, None, False, out=out.append, lang="en", client=server.client)
        == 0
    )
    assert out[-1].startswith("Synced with http://testserver: sent 0")
    assert run_sync_command(store, None, None, False, out=out.append, client=server.client) == 0
    out.clear()
    assert run_sync_command(store, None, None, True, out=out.append, lang="en") == 0
    text = "\n".join(out)
    assert "http://testserver" in text and "pending:      0" in text and "never" not in text
    out.clear()
    assert run_sync_command(store, None, None, True, out=out.append) == 0
    assert out[1] == "未送信:       変更 0 件" and "まだありません" not in "\n".join(out)


def test_run_sync_command_errors_are_one_line(server, make_store):
    store = make_store()
    with store.write() as w:
        w.insert("companies", {"name": "トヨタ"})
    out: list[str] = []
    assert (
        run_sync_command(store, server.url, "bad", False, out=out.append, client=server.client) == 1
    )
    # http:// to a host that is not this PC: said once, before the error line.
    assert out[0].startswith("warning: ") and "暗号化されません" in out[0]
    errors = [line for line in out if not line.startswith("warning: ")]
    assert len(errors) == 1 and errors[0].startswith("error: ") and "\n" not in errors[0]
    assert "トークン" in errors[0]  # Japanese unless English is asked for
    assert "Error" not in errors[0]  # no exception names
    assert load_credentials(store)[1] is None  # a refused token is not remembered
    assert run_sync_command(store, server.url, "tok", False, out=out.append, client=Down()) == 1
    assert "オフライン" in out[-1]
    args = (store, server.url, "tok", False)
    assert run_sync_command(*args, out=out.append, lang="en", client=Down()) == 1
    assert out[-1].startswith("error: Offline")
    assert load_credentials(store) == (server.url, "tok")  # offline: remembered for later
    assert store.pending_count() == 1


def test_background_sync_backs_off_offline_then_syncs(server, make_store):
    token = server.add_user()
    store = make_store()
    save_credentials(store, server.url, token)
    with store.write() as w:
        w.insert("companies", {"name": "トヨタ"})
    target = {"client": Down()}
    statuses: list[dict] = []
    ok = threading.Event()

    def on_status(s):
        statuses.append(s)
        if s["state"] == "ok":
            ok.set()

    def sync(store, url, token, **kw):
        return sync_once(store, url, token, client=target["client"])

    bg = BackgroundSync(
        store, interval=30, min_backoff=0.05, max_backoff=0.2, on_status=on_status, sync=sync
    ).start()
    try:
        deadline = time.monotonic() + 10
        while sum(s["state"] == "offline" for s in statuses) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        offline = [s for s in statuses if s["state"] == "offline"]
        assert len(offline) >= 3
        assert offline[2]["next_in"] > offline[0]["next_in"]  # exponential backoff
        assert store.pending_count() == 1
        target["client"] = server.client
        bg.trigger()
        assert ok.wait(10)
        assert store.pending_count() == 0
    finally:
        bg.stop()
    assert not bg.running


def test_background_sync_not_configured(make_store):
    bg = BackgroundSync(make_store(), interval=0.05)
    assert bg.run_once() == 0.05
    assert bg.last_status["state"] == "not_configured"
