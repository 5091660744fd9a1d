"""One sync cycle: upload blobs, push the outbox, pull the team's changes.

``sync_once(store, server_url, token)`` is safe to interrupt anywhere: the outbox is acked only
after the server's ack (a lost response means a harmless, idempotent replay), and each pulled page
is applied in the same transaction that stores the cursor.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from resources.messages import to_stored
from sync.client.errors import (
    AuthError,
    IncompatibleServerError,
    OfflineError,
    ServerError,
    SyncError,
)
from sync.client.handshake import say_hello
from sync.client.pull import PULL_PAGE, _download_blobs, _pull
from sync.client.push import PUSH_BATCH, _push
from sync.client.session import (  # noqa: F401 (re-exported: the sync API's one module)
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    _HttpError,
    _pending,
    _Session,
    _set_meta,
    blob_path,
    check_version,
)
from sync.client.urls import normalize_url
from sync.store.pulled import apply_held

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
    # The per-team checksum on the last page: "ok", "mismatch", "skipped" (changes of ours still
    # unsent or refused) or "" (not compared: a server without checksums, or no pull).
    checksum: str = ""

    def summary(self) -> str:
        from sync.client.errors import say

        figures = {
            "server": self.server_url,
            "pushed": self.pushed,
            "pulled": self.pulled,
            "applied": self.applied,
            "pending": self.pending,
            "seconds": f"{self.seconds:.1f}",
        }
        if self.blobs_uploaded or self.blobs_downloaded:
            up, down = self.blobs_uploaded, self.blobs_downloaded
            return say("sync.summary.attachments", **figures, up=up, down=down)
        return say("sync.summary", **figures)


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
    verify_every_s: float = 0.0,
) -> SyncReport:
    """Push the outbox, then pull until up to date. Raises a SyncError subclass on failure.

    ``client`` (e.g. FastAPI's TestClient) or ``transport`` can be injected. A clock-skew refusal
    re-stamps the unsent changes and retries; a PC clock that is still wrong, or a read-only
    token, still pulls and then raises ClockSkewError / ReadOnlyError. ``verify_every_s``: compare
    the team's checksum only when the last comparison is older (0: at every sync).
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
            _pull(store, session, report, page_size, progress, hello, verify_every_s)
            _download_blobs(store, session, report)
        report.pending = _pending(store)
        report.seconds = time.monotonic() - started
        if deferred is not None:
            raise deferred
    except SyncError as exc:
        _set_meta(
            store, sync_last_error=exc.message, sync_last_error_words=to_stored(exc.message) or ""
        )
        raise
    except _HttpError as exc:
        err = ServerError(exc.status, str(exc.err.get("message", ""))[:120])
        _set_meta(
            store, sync_last_error=err.message, sync_last_error_words=to_stored(err.message) or ""
        )
        raise err from exc
    finally:
        session.close()
    _set_meta(
        store,
        sync_last_success=_now(),
        sync_last_error="",
        sync_last_error_words="",
        sync_server=server_url,
    )
    return report


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
