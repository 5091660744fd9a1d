"""HTTP plumbing of a sync: absolute URLs, auth headers, the protocol check, and errors mapped to
SyncError classes (a transport failure says its cause in words: sync.client.diagnose)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from sync.client.diagnose import cause_of
from sync.client.errors import (
    AuthError,
    IncompatibleServerError,
    NotGenbaServerError,
    OfflineError,
    ServerError,
)

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Genba-Protocol"


def blob_path(data_dir: Path, sha: str) -> Path:
    return Path(data_dir) / "blobs" / sha[:2] / sha


def _pending(store) -> int:
    try:
        return store.pending_count()
    except Exception:
        return 0


def _set_meta(store, **values: str) -> None:
    try:
        with store.write() as w:
            for k, v in values.items():
                w.set_meta(k, v)
    except Exception:
        pass  # status bookkeeping must never turn a sync result into a crash


class _Session:
    """HTTP plumbing: absolute URLs, auth headers, and errors mapped to SyncError classes."""

    def __init__(
        self,
        server_url: str,
        token: str,
        client: httpx.Client | None,
        transport: httpx.BaseTransport | None,
        timeout: float,
    ):
        self.url = server_url
        self.gzip = False  # the server accepts gzip request bodies (from /v1/version)
        self.max_push: int | None = None
        self.headers = {"Authorization": f"Bearer {token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        self.owned = client is None
        self.client = client or httpx.Client(
            transport=transport, timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0))
        )

    def close(self) -> None:
        if self.owned:
            self.client.close()

    def request(self, method: str, path: str, *, store=None, auth=True, **kw) -> httpx.Response:
        headers = dict(self.headers) if auth else {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        headers.update(kw.pop("headers", {}))
        try:
            return self.client.request(method, self.url + path, headers=headers, **kw)
        except httpx.TransportError as exc:
            answered = bool(store is not None and store.get_meta(_answered_key(self.url)))
            raise OfflineError(
                self.url,
                _pending(store) if store is not None else None,
                cause=cause_of(exc),
                answered_before=answered,
            ) from exc

    def check(self, resp: httpx.Response) -> None:
        if resp.status_code < 400:
            return
        err = _error_of(resp)
        code = err.get("code")
        if resp.status_code == 401:
            raise AuthError(revoked=code == "token_revoked")
        if resp.status_code == 429:
            raise AuthError(throttled=int(err.get("retry_after") or 60))
        if code == "incompatible_protocol":
            raise IncompatibleServerError(self.url, str(err.get("protocol")), PROTOCOL_VERSION)
        if resp.status_code >= 500 or resp.status_code in (502, 503, 504):
            raise ServerError(resp.status_code, str(err.get("message", ""))[:120])
        raise _HttpError(resp.status_code, err)


class _HttpError(Exception):
    def __init__(self, status: int, err: dict[str, Any]):
        super().__init__(f"HTTP {status}: {err}")
        self.status = status
        self.err = err


def _error_of(resp: httpx.Response) -> dict[str, Any]:
    try:
        body = resp.json()
    except ValueError:
        return {}
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return body["error"]
    return {}


def _answered_key(url: str) -> str:
    return f"sync_answered:{url}"


def check_version(session: _Session, store=None) -> dict[str, Any]:
    resp = session.request("GET", "/v1/version", auth=False, store=store)
    if resp.status_code == 407:
        raise OfflineError(session.url, _pending(store) if store else None, cause="proxy")
    try:
        info = resp.json() if resp.status_code == 200 else None
        protocol = int(info["protocol"])
        minimum = int(info.get("min_client_protocol", protocol))
    except (ValueError, KeyError, TypeError) as exc:
        if resp.status_code >= 500:
            session.check(resp)
        raise NotGenbaServerError(session.url) from exc
    if store is not None:
        _set_meta(store, **{_answered_key(session.url): "1"})
    if not minimum <= PROTOCOL_VERSION <= protocol:
        raise IncompatibleServerError(session.url, f"{minimum}..{protocol}", PROTOCOL_VERSION)
    encodings = info.get("request_encodings")
    session.gzip = isinstance(encodings, list) and "gzip" in encodings
    max_push = info.get("max_push_changes")
    if isinstance(max_push, int) and not isinstance(max_push, bool) and max_push > 0:
        session.max_push = max_push
    return info
