"""What a rep reads when sync cannot happen: Japanese first, the cause in words with its advice,
no exception names; "offline" told apart from "this address never answered"; a URL that is not
a Genba server said as such. The servers here are real loopback sockets (a refusing port, a web
page, a TLS server with an unknown certificate, a silent listener, a proxy asking for a login);
only a failed name lookup is injected, since no DNS traffic may leave this machine."""

from __future__ import annotations

import http.server
import io
import socket
import ssl
import subprocess
import sys
import threading

import httpx
import pytest

from resources.messages import in_language
from sync.client import NotGenbaServerError, OfflineError, sync_once
from sync.client.command import run_sync_command
from sync.client.credentials import load_credentials
from sync.client.urls import normalize_url
from tests.sync.conftest import free_port
from tests.sync.helpers import Down


def _japanese_first(message: str) -> None:
    """Japanese as made; English when the place that shows it asks (the catalogue's words)."""
    english = in_language(message, "en")
    assert any("\u3040" <= ch <= "\u30ff" for ch in message), message
    assert english != message and not any("\u3040" <= ch <= "\u30ff" for ch in english), english
    for text in (message, english):
        assert "Error" not in text and "Exception" not in text and " / " not in text, text


@pytest.fixture
def store(make_store):
    s = make_store()
    with s.write() as w:
        w.insert("companies", {"name": "未送信"})
    return s


def test_a_port_nobody_listens_on_never_answered(store):
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(OfflineError) as err:
        sync_once(store, url, "t")
    assert err.value.cause == "refused" and not err.value.answered_before
    assert "一度も応答がありません" in err.value.message and "停止" in err.value.message
    _japanese_first(err.value.message)
    assert store.pending_count() == 1


def test_a_server_that_answered_before_is_offline(server, store):
    token = server.add_user()
    sync_once(store, server.url, token, client=server.client)
    with store.write() as w:
        w.insert("companies", {"name": "後で送る"})
    with pytest.raises(OfflineError) as err:
        sync_once(store, server.url, token, client=Down())
    assert err.value.answered_before and err.value.message.startswith("オフラインです")
    assert "次回の同期で送信されます" in err.value.message and store.pending_count() == 1


class _Page(http.server.BaseHTTPRequestHandler):
    status = 200

    def do_GET(self):
        body = "<html><body>社内ポータル</body></html>".encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _serve(handler, *, tls: ssl.SSLContext | None = None):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def test_a_web_page_is_not_a_genba_server(store):
    httpd = _serve(_Page)
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        with pytest.raises(NotGenbaServerError) as err:
            sync_once(store, url, "t")
        assert "Genba の同期サーバーではありません" in err.value.message
        assert "更新" not in err.value.message  # not "update the software"
        _japanese_first(err.value.message)
    finally:
        httpd.shutdown()


def test_an_unknown_certificate_is_named(store, tmp_path):
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    httpd = _serve(_Page, tls=tls)
    try:
        with pytest.raises(OfflineError) as err:
            sync_once(store, f"https://127.0.0.1:{httpd.server_address[1]}", "t")
        assert err.value.cause == "certificate" and "証明書" in err.value.message
        _japanese_first(err.value.message)
    finally:
        httpd.shutdown()


def test_a_server_that_never_responds_times_out(store):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)  # accepts connections (the kernel does) but never answers
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        with pytest.raises(OfflineError) as err:
            sync_once(store, url, "t", timeout=0.5)
        assert err.value.cause == "timeout" and "時間内に応答しません" in err.value.message
    finally:
        listener.close()


class _ProxyLogin(_Page):
    status = 407


def test_a_proxy_asking_for_a_login_is_named(store):
    proxy = _serve(_ProxyLogin)
    try:
        client = httpx.Client(proxy=f"http://127.0.0.1:{proxy.server_address[1]}", timeout=5)
        with pytest.raises(OfflineError) as err:
            sync_once(store, "http://genba.example.invalid", "t", client=client)
        assert err.value.cause == "proxy" and "プロキシ" in err.value.message
        client.close()
    finally:
        proxy.shutdown()


def test_a_name_that_does_not_resolve_says_check_the_spelling(store):
    def no_such_name(request):
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    with pytest.raises(OfflineError) as err:
        sync_once(
            store, "https://genba.exmaple.co.jp", "t", transport=httpx.MockTransport(no_such_name)
        )
    assert err.value.cause == "dns" and "綴り" in err.value.message


def test_english_only_when_the_rep_reads_english(store, monkeypatch):
    out: list[str] = []
    url = f"http://127.0.0.1:{free_port()}"
    assert run_sync_command(store, url, "t", False, out=out.append, lang="en") == 1
    assert out[-1].startswith("error: Offline: ") and " / " not in out[-1], out
    monkeypatch.setenv("GENBA_LANG", "en")  # python -m sync.client.command reads it
    proc = subprocess.run(
        [sys.executable, "-m", "sync.client.command", "--data-dir", str(store.data_dir),
         "--server", url, "--token", "t"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 1 and "error: Offline: " in proc.stdout, proc.stdout + proc.stderr


def test_bare_host_names_mean_https_and_loopback_http():
    assert normalize_url("genba.example.co.jp") == "https://genba.example.co.jp"
    assert normalize_url("genba.example.co.jp:8443/") == "https://genba.example.co.jp:8443"
    assert normalize_url("127.0.0.1:8765") == "http://127.0.0.1:8765"
    assert normalize_url("localhost:8765") == "http://localhost:8765"


def test_token_from_stdin_or_the_environment(server, store, monkeypatch):
    token = server.add_user()
    out: list[str] = []
    monkeypatch.setattr("sys.stdin", io.StringIO(token + "\n"))
    assert (
        run_sync_command(store, server.url, "-", False, out=out.append, client=server.client) == 0
    )
    assert load_credentials(store) == (server.url, token)
    other = server.add_user()
    monkeypatch.setenv("GENBA_TOKEN", other)
    assert (
        run_sync_command(store, server.url, None, False, out=out.append, client=server.client) == 0
    )
    assert load_credentials(store) == (server.url, other)
