"""One sync cycle: upload blobs, push the outbox, pull the team's changes.

``sync_once(store, server_url, token)`` is safe to interrupt anywhere: the outbox is acked only
after the server's ack (a lost response means a harmless, idempotent replay), and each pulled page
is applied in the same transaction that stores the cursor.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from sync.client.diagnose import cause_of
from sync.client.errors import (
    AuthError,
    ClockSkewError,
    IncompatibleServerError,
    NotGenbaServerError,
    OfflineError,
    ReadOnlyError,
    ServerError,
    SyncError,
)
from sync.client.handshake import cursor_key, say_hello
from sync.client.restamp import physical_ms, restamp
from sync.client.urls import normalize_url
from sync.hlc import encode
from sync.store.pulled import apply_held
from sync.store.replica import reissue
from sync.values import SHA256

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Genba-Protocol"
PUSH_BATCH = 5000  # changes per push (capped by the server's max_push_changes when it says so)
PUSH_MAX_BYTES = 8 * 1024 * 1024
GZIP_MIN_BYTES = 4096  # compress push bodies above this (level 1: ~15x smaller, ~0.5 us a change)
PULL_PAGE = 5000
MAX_BLOB_DOWNLOADS = 500

Progress = Callable[[str, int, int | None], None]


@dataclass
class SyncReport:
    server_url: str
    pushed: int = 0  # changes the server acknowledged
    applied_on_server: int = 0  # of which became the field's winner
    duplicates: int = 0  # replays the server already had
    rejected: int = 0  # refused for good (a row of another team)
    pulled: int = 0  # field values received
    applied: int = 0  # of which changed this laptop's data
    blobs_uploaded: int = 0
    blobs_downloaded: int = 0
    restamped: int = 0
    kept_rejected: int = 0  # refused changes kept on this laptop (sync_rejections)
    held: int = 0  # pulled values held aside (unknown field, invalid value)
    pending: int = 0  # still unsent afterwards
    cursor: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    # What the rep should know, as (kind, detail): see sync.client.notices for the words.
    notices: list[tuple[str, Any]] = field(default_factory=list)
    user: str = ""

    def summary(self) -> str:
        from sync.client.errors import say

        ja = (
            f"{self.server_url} と同期しました: 送信 {self.pushed} 件、受信 {self.pulled} 件 "
            f"(反映 {self.applied} 件)、未送信 {self.pending} 件、{self.seconds:.1f} 秒"
        )
        en = (
            f"Synced with {self.server_url}: sent {self.pushed}, received {self.pulled} "
            f"({self.applied} applied), {self.pending} pending, {self.seconds:.1f} s"
        )
        if self.blobs_uploaded or self.blobs_downloaded:
            ja += f"、添付 送信 {self.blobs_uploaded} 件・受信 {self.blobs_downloaded} 件"
            en += f", attachments up {self.blobs_uploaded} / down {self.blobs_downloaded}"
        return say(ja, en)


def blob_path(data_dir: Path, sha: str) -> Path:
    return Path(data_dir) / "blobs" / sha[:2] / sha


def _pending(store) -> int:
    try:
        return store.pending_count()
    except Exception:
        return 0


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
            raise IncompatibleServerError(
                f"The server at {self.url} speaks sync protocol {err.get('protocol')}, this Genba "
                f"speaks {PROTOCOL_VERSION}."
            )
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
        raise IncompatibleServerError(
            f"The server at {session.url} speaks sync protocol {minimum}..{protocol}, this Genba "
            f"speaks {PROTOCOL_VERSION}."
        )
    encodings = info.get("request_encodings")
    session.gzip = isinstance(encodings, list) and "gzip" in encodings
    max_push = info.get("max_push_changes")
    if isinstance(max_push, int) and not isinstance(max_push, bool) and max_push > 0:
        session.max_push = max_push
    return info


def sync_once(
    store,
    server_url: str,
    token: str,
    *,
    progress: Progress | None = None,
    client: httpx.Client | None = None,
    transport: httpx.BaseTransport | None = None,
    batch_size: int = PUSH_BATCH,
    page_size: int = PULL_PAGE,
    timeout: float = 60.0,
    push: bool = True,
    pull: bool = True,
) -> SyncReport:
    """Push the outbox, then pull until up to date. Raises a SyncError subclass on failure.

    ``client`` (e.g. FastAPI's TestClient) or ``transport`` can be injected. A clock-skew refusal
    re-stamps the unsent changes and retries; a PC clock that is still wrong, or a read-only
    token, still pulls and then raises ClockSkewError / ReadOnlyError.
    """
    started = time.monotonic()
    server_url = normalize_url(server_url)
    report = SyncReport(server_url)
    session = _Session(server_url, token, client, transport, timeout)
    store.set_meta("sync_last_attempt", _now())
    try:
        check_version(session, store)
        hello = say_hello(store, session, report)
        report.user = hello.user if hello else ""
        deferred: SyncError | None = None
        if push:
            try:
                _push(store, session, report, batch_size, progress)
            except (AuthError, OfflineError, IncompatibleServerError):
                raise
            except SyncError as exc:
                deferred = exc  # a failed push never stops the pull
            except _HttpError as exc:
                deferred = ServerError(exc.status, str(exc.err.get("message", ""))[:120])
        if pull:
            report.applied += apply_held(store, me=report.user or None)
            _pull(store, session, report, page_size, progress, hello)
            _download_blobs(store, session, report)
        report.pending = _pending(store)
        report.seconds = time.monotonic() - started
        if deferred is not None:
            raise deferred
    except SyncError as exc:
        _set_meta(store, sync_last_error=exc.message)
        raise
    except _HttpError as exc:
        err = ServerError(exc.status, str(exc.err.get("message", ""))[:120])
        _set_meta(store, sync_last_error=err.message)
        raise err from exc
    finally:
        session.close()
    _set_meta(store, sync_last_success=_now(), sync_last_error="", sync_server=server_url)
    return report


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _set_meta(store, **values: str) -> None:
    try:
        with store.write() as w:
            for k, v in values.items():
                w.set_meta(k, v)
    except Exception:
        pass  # status bookkeeping must never turn a sync result into a crash


# -- push --------------------------------------------------------------------------------------


def _push(store, session: _Session, report: SyncReport, batch_size: int, progress) -> None:
    total = _pending(store)
    uploaded: set[str] = set()
    restamps = collisions = 0
    if session.max_push:
        batch_size = min(batch_size, session.max_push)
    size = batch_size
    while True:
        batch = store.outbox(size)
        if not batch:
            return
        batch = _cap_bytes(batch)
        _upload_blobs(store, session, batch, uploaded, report)
        resp = session.request("POST", "/v1/push", store=store, **_push_body(session, batch))
        if resp.status_code == 409 and _error_of(resp).get("code") == "clock_skew":
            restamps += 1
            report.restamped += _handle_skew(store, _error_of(resp), restamps)
            continue
        if resp.status_code == 403 and _error_of(resp).get("code") == "read_only":
            raise ReadOnlyError(_pending(store))
        if resp.status_code == 409 and _error_of(resp).get("code") == "replica_collision":
            collisions += 1
            if collisions > 2:
                raise ServerError(409, "change ids collide again after a new replica id")
            reissue(store)
            report.notices.append(("replica_reissued", "collision"))
            continue
        if resp.status_code == 413 and size > 1:
            size = max(1, len(batch) // 2)
            continue
        if resp.status_code == 413:
            # One change alone is too large for this server: keep it, say so, go on.
            one = batch[0]
            store.reject(
                [
                    {
                        "change_id": one["change_id"],
                        "code": "too_long",
                        "message": "the value is larger than the server accepts",
                    }
                ]
            )
            report.kept_rejected += 1
            size = batch_size
            continue
        session.check(resp)
        body = resp.json()
        acked = list(body.get("acked", ()))
        rejected = [r for r in body.get("rejected", ()) if isinstance(r, dict)]
        sent = {c["change_id"] for c in batch}
        acked = [c for c in acked if c in sent]
        rejected = [r for r in rejected if r.get("change_id") in sent]
        if not acked and not rejected:
            raise ServerError(resp.status_code, "the server acknowledged nothing")
        store.ack(acked)
        _apply_stamped(store, body.get("stamped") or ())
        if rejected:
            report.kept_rejected += store.reject(rejected)
        report.pushed += len(acked)
        report.rejected += len(rejected)
        report.applied_on_server += int(body.get("applied", 0))
        report.duplicates += int(body.get("duplicates", 0))
        if progress:
            progress("push", report.pushed + report.rejected, total)
        size = batch_size


def _apply_stamped(store, stamped) -> None:
    """The server set authorship from the token: take its value, keeping the change's clock."""
    items = [s for s in stamped if isinstance(s, dict) and isinstance(s.get("change_id"), str)]
    if not items:
        return
    with store.write() as w:
        for s in items:
            site, _, seq = s["change_id"].rpartition(".")
            if not seq.isdigit():
                continue
            row = w.conn.execute(
                "SELECT entity, row_id, field, hlc FROM changes WHERE seq = ? AND site = ?",
                (int(seq), site),
            ).fetchone()
            if row is None or (row[0], row[2]) not in (("notes", "author"), ("reactions", "user")):
                continue
            w.conn.execute(
                "UPDATE changes SET value = ? WHERE seq = ? AND site = ?",
                (s.get("value"), int(seq), site),
            )
            if w.clock_of(row[0], row[1], row[2]) == (row[3], site):
                w.conn.execute(
                    f"UPDATE {row[0]} SET {row[2]} = ? WHERE id = ?", (s.get("value"), row[1])
                )


def _push_body(session: _Session, batch: list[dict]) -> dict[str, Any]:
    """The request body (and its headers): compact JSON, gzipped when the server accepts it."""
    body = json.dumps(
        {"changes": batch}, ensure_ascii=False, allow_nan=False, separators=(",", ":")
    ).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if session.gzip and len(body) > GZIP_MIN_BYTES:
        body = gzip.compress(body, compresslevel=1, mtime=0)
        headers["Content-Encoding"] = "gzip"
    return {"content": body, "headers": headers}


def _cap_bytes(batch: list[dict]) -> list[dict]:
    """Keep a push body well under the server's request limit (long notes)."""
    total, out = 0, []
    for c in batch:
        v = c["value"]
        total += 200 + (len(v) * 3 if isinstance(v, str) else 20)
        if out and total > PUSH_MAX_BYTES:
            break
        out.append(c)
    return out


def _handle_skew(store, err: dict[str, Any], attempt: int) -> int:
    server_ms = int(err.get("server_time_ms") or 0)
    max_skew = int(err.get("max_skew_ms") or 300_000)
    ahead = physical_ms(store) - server_ms
    if ahead > max_skew - 5_000 or attempt > 3:
        # The PC clock is wrong right now: re-stamping would produce the same refusal.
        raise ClockSkewError(max(ahead, int(err.get("ahead_ms") or 0)))
    n = restamp(
        store,
        accept_until_ms=server_ms + max_skew,
        floor_hlc=err.get("team_max_hlc") or encode(server_ms, 0),
    )
    return n


def _upload_blobs(store, session: _Session, batch, uploaded: set[str], report) -> None:
    for c in batch:
        if c["entity"] != "attachments" or c["field"] != "sha256":
            continue
        sha = c["value"]
        if not isinstance(sha, str) or not SHA256.fullmatch(sha) or sha in uploaded:
            continue
        path = blob_path(store.data_dir, sha)
        if not path.is_file():
            report.warnings.append(f"attachment {sha[:12]}… is missing from {path.parent}")
            uploaded.add(sha)
            continue
        head = session.request("HEAD", f"/v1/blobs/{sha}", store=store)
        if head.status_code == 404:
            data = path.read_bytes()
            put = session.request(
                "PUT",
                f"/v1/blobs/{sha}",
                store=store,
                content=data,
                headers={"Content-Type": "application/octet-stream"},
            )
            if put.status_code == 403 and _error_of(put).get("code") == "read_only":
                raise ReadOnlyError(_pending(store))
            if put.status_code in (413, 422):
                report.warnings.append(
                    f"attachment {sha[:12]}… was refused: {_error_of(put).get('message')}"
                )
            else:
                session.check(put)
                report.blobs_uploaded += 1
        elif head.status_code != 200:
            session.check(head)
        uploaded.add(sha)


# -- pull --------------------------------------------------------------------------------------


def _pull(store, session: _Session, report: SyncReport, page_size: int, progress, hello) -> None:
    key = cursor_key(session.url, hello)
    cursor = int(store.get_meta(key) or 0)
    at = (store.get_meta(key + ":at") or "|").split("|", 1)
    reset = False
    total: int | None = None
    me = report.user or None
    while True:
        params: dict[str, Any] = {"after": cursor, "limit": page_size}
        if cursor and at[0]:
            params.update(at_hlc=at[0], at_site=at[1])
        resp = session.request("GET", "/v1/pull", store=store, params=params)
        session.check(resp)
        page = resp.json()
        last_seq = int(page.get("last_seq", 0))
        if (cursor > last_seq or page.get("cursor_ok") is False) and not reset:
            # The server is behind our cursor or its sequence now names other changes: it was
            # restored from a backup. Read the team again from the start.
            reset, cursor, at = True, 0, ["", ""]
            report.notices.append(("server_behind", last_seq))
            continue
        if total is None:
            total = max(0, last_seq - cursor)
        nxt = int(page["next"])
        if page["changes"]:
            at = [str(page.get("next_hlc", "")), str(page.get("next_site", ""))]
        with store.write() as w:
            before = w.conn.execute("SELECT count(*) FROM sync_held").fetchone()[0]
            report.applied += w.apply_remote(page["changes"], me=me)
            report.held += w.conn.execute("SELECT count(*) FROM sync_held").fetchone()[0] - before
            w.set_meta(key, str(nxt))
            w.set_meta(key + ":at", "|".join(at))
            w.set_meta("sync_cursor", str(nxt))
        report.pulled += len(page["changes"])
        cursor = report.cursor = nxt
        if progress:
            progress("pull", min(report.pulled, total or 0) if total else report.pulled, total)
        if not page.get("has_more"):
            return


def _download_blobs(store, session: _Session, report: SyncReport) -> None:
    """Fetch attachment contents that pulled rows reference and this laptop lacks."""
    try:
        rows = store.query(
            "SELECT DISTINCT sha256 FROM attachments WHERE deleted = 0 AND sha256 IS NOT NULL"
        )
    except Exception:
        return
    fetched = 0
    for (sha,) in rows:
        if fetched >= MAX_BLOB_DOWNLOADS:
            return
        if not isinstance(sha, str) or not SHA256.fullmatch(sha):
            continue  # never a path: a teammate's value names no file outside blobs/
        path = blob_path(store.data_dir, sha)
        if path.is_file():
            continue
        resp = session.request("GET", f"/v1/blobs/{sha}", store=store)
        if resp.status_code == 404:
            continue  # not uploaded (yet): the author's laptop will send it
        session.check(resp)
        data = resp.content
        if hashlib.sha256(data).hexdigest() != sha:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        fetched += 1
        report.blobs_downloaded += 1
