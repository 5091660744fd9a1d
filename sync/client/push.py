"""The push half of a sync: blobs first, then the outbox in batches; what the server acknowledged
is acked exactly, what it refused is kept (sync_rejections), a clock-skew refusal re-stamps, a
change id collision takes a new replica id."""

from __future__ import annotations

import gzip
import json
from typing import Any

from sync.client.errors import ClockSkewError, ReadOnlyError, ServerError
from sync.client.restamp import physical_ms, restamp
from sync.client.session import _error_of, _pending, _Session, blob_path
from sync.hlc import encode
from sync.store import change_log
from sync.store.replica import reissue
from sync.values import SHA256

PUSH_BATCH = 5000  # changes per push (capped by the server's max_push_changes when it says so)
PUSH_MAX_BYTES = 8 * 1024 * 1024
GZIP_MIN_BYTES = 4096  # compress push bodies above this (level 1: ~15x smaller, ~0.5 us a change)


def _push(store, session: _Session, report, batch_size: int, progress) -> None:
    total = _pending(store)
    uploaded: set[str] = set()
    restamps = collisions = 0
    if session.max_push:
        batch_size = min(batch_size, session.max_push)
    size = batch_size
    while True:
        batch = store.outbox(size)
        if not batch:
            clear_corrected(store)
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


def clear_corrected(store) -> int:
    """Forget refusals the rep has corrected: a later change of the same field was acknowledged
    (the refused change itself stays in the log as local history). Returns how many."""
    with store.write() as w:
        if w.conn.execute("SELECT 1 FROM sync_rejections LIMIT 1").fetchone() is None:
            return 0  # the usual case: one indexed probe per sync
        return w.conn.execute(
            "DELETE FROM sync_rejections WHERE EXISTS (SELECT 1 FROM changes c"
            " WHERE c.seq > sync_rejections.seq AND c.acked = 1"
            " AND c.entity = sync_rejections.entity AND c.row_id = sync_rejections.row_id"
            " AND c.field = sync_rejections.field)"
        ).rowcount


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
            change = change_log.change_at(
                lambda sql, p: w.conn.execute(sql, p).fetchall(), site, int(seq)
            )
            if change is None:
                continue
            row = (change["entity"], change["row_id"], change["field"], change["hlc"])
            if (row[0], row[2]) not in (("notes", "author"), ("reactions", "user")):
                continue
            change_log.explode_covering(w.conn, site, (int(seq),))
            w.conn.execute(
                "UPDATE change_log SET value = ? WHERE seq = ? AND site = ?",
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
