"""The pull half of a sync: pages of the team's winners from the cursor (keyed by server, epoch
and team, checked against the change it stands on), each applied in the transaction that saves
the cursor (with the values the server withheld as damaged, held aside); on the last page, a
comparison with the team's checksum (``sync.client.verify``), which reads the team again from
zero on a mismatch; then the attachment contents pulled rows reference."""

from __future__ import annotations

import hashlib
import json
import os
import time
from datetime import UTC, datetime
from typing import Any

from sync.client.handshake import cursor_key
from sync.client.session import _Session, blob_path
from sync.client.verify import check, refused_fields, skip_param
from sync.store.pulled import HOLD
from sync.values import PROBLEMS, SHA256

PULL_PAGE = 5000
MAX_BLOB_DOWNLOADS = 500


def _verify_due(store, key: str, every_s: float) -> bool:
    """Whether this sync compares the team's checksum: always with ``every_s`` 0 (`genba sync`),
    else when the last comparison is older than that (background syncs: the server reads the
    team's winners for each comparison, the cost of its capacity)."""
    if every_s <= 0:
        return True
    last = store.get_meta(key + ":verified_at")
    try:
        return not last or time.time() - float(last) >= every_s
    except ValueError:
        return True


def _pull(
    store, session: _Session, report, page_size: int, progress, hello, verify_every_s: float = 0
) -> None:
    key = cursor_key(session.url, hello)
    verify = _verify_due(store, key, verify_every_s)
    cursor = int(store.get_meta(key) or 0)
    at = (store.get_meta(key + ":at") or "|").split("|", 1)
    reset = repair = False
    total: int | None = None
    me = report.user or None
    # Fields whose change the server refused: left out of the checksum on both sides.
    skip = refused_fields(store)
    while True:
        params: dict[str, Any] = {"after": cursor, "limit": page_size}
        if verify:
            params["checksum"] = "true"
            if skip:
                params["skip"] = skip_param(skip)
        if cursor and at[0]:
            params.update(at_hlc=at[0], at_site=at[1])
        resp = session.request("GET", "/v1/pull", store=store, params=params)
        session.check(resp)
        page = resp.json()
        last_seq = int(page.get("last_seq", 0))
        if (cursor > last_seq or page.get("cursor_ok") is False) and not reset:
            # The server is behind our cursor or its sequence now names other changes: it was
            # restored from a backup. Read the team again from the start.
            reset, cursor, at, verify = True, 0, ["", ""], True
            report.notices.append(("server_behind", last_seq))
            continue
        if total is None:
            total = max(0, last_seq - cursor)
        nxt = int(page["next"])
        withheld = [x for x in page.get("withheld") or () if isinstance(x, dict)]
        if page["changes"] or withheld:
            at = [str(page.get("next_hlc", "")), str(page.get("next_site", ""))]
        with store.write() as w:
            before = w.conn.execute("SELECT count(*) FROM sync_held").fetchone()[0]
            report.applied += w.apply_remote(page["changes"], me=me, repair=repair)
            _hold_withheld(w.conn, withheld)
            report.held += w.conn.execute("SELECT count(*) FROM sync_held").fetchone()[0] - before
            w.set_meta(key, str(nxt))
            w.set_meta(key + ":at", "|".join(at))
            w.set_meta("sync_cursor", str(nxt))
        report.pulled += len(page["changes"])
        cursor = report.cursor = nxt
        if progress:
            progress("pull", min(report.pulled, total or 0) if total else report.pulled, total)
        if not page.get("has_more"):
            again = check(store, key, page, report, repaired=repair, skip=skip)
            if report.checksum in ("ok", "mismatch"):
                store.set_meta(key + ":verified_at", f"{time.time():.0f}")
            if again:
                # A value changed or a row deleted behind the store's back: read the team again
                # from zero, letting the server's copy of each change replace ours (same clock).
                repair, cursor, at, total = True, 0, ["", ""], None
                continue
            return


def _hold_withheld(conn, items: list[dict[str, Any]]) -> None:
    """Values the server could not send as JSON (damaged in its database): held aside as
    invalid, their text kept as a string, so the rep is told and the checksum still matches."""
    if not items:
        return
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for x in items:
        key = tuple(str(x.get(k, ""))[:n] for k, n in FIELDS)
        seen = conn.execute(
            "SELECT 1 FROM sync_held WHERE entity = ? AND row_id = ? AND field = ? AND hlc = ?"
            " AND site = ?",
            key,
        ).fetchone()
        if seen is None:
            text = json.dumps(str(x.get("text", "")), ensure_ascii=False)
            e, r, f, h, s = key
            conn.execute(HOLD, ("invalid_value", e, r, f, text, h, s, PROBLEMS["not_json"], now))


FIELDS = (("entity", 64), ("row_id", 200), ("field", 64), ("hlc", 32), ("site", 64))


def _download_blobs(store, session: _Session, report) -> None:
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
