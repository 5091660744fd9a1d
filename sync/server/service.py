"""Push and pull: the server side of the sync protocol.

Push runs in ONE transaction that first takes the team's counter row lock
(``UPDATE teams SET last_seq = last_seq + n ... RETURNING last_seq``), so transactions commit in
sequence order and a puller reading ``seq > cursor`` can never skip a change that commits late.
It is idempotent by change id, merges with the shared rule ``sync.merge.wins`` and never rewrites
a clock. Pull returns the current winner of every field whose seq is past the cursor.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, and_, bindparam, select, update

from sync.checksum import server_checksum
from sync.hlc import wall_ms_of
from sync.merge import wins
from sync.server import guard, orphan_attachments, private_attachments
from sync.server.db import teams, winners
from sync.server.errors import ApiError
from sync.server.users import User

log = logging.getLogger("genba.server")


def _insert(engine: Engine, table):
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


# SQLite has one writer at a time; writers that find the database locked wait in SQLite's busy
# handler, which sleeps in growing steps (up to 100 ms) and gives p99 latencies of seconds under
# load. Writers of this process queue on a lock instead (FIFO-ish, no sleeping), so only one of
# them at a time can meet another process in the busy handler.
_SQLITE_WRITER = threading.Lock()


def write_lock(engine: Engine):
    """Hold around a write transaction on SQLite (a no-op on PostgreSQL)."""
    return _SQLITE_WRITER if engine.dialect.name == "sqlite" else nullcontext()


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class PushResult:
    acked: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)
    stamped: list[dict[str, Any]] = field(default_factory=list)
    applied: int = 0
    duplicates: int = 0
    last_seq: int = 0


def push(
    engine: Engine,
    user: User,
    items: list[dict[str, Any]],
    *,
    max_skew_ms: int,
    clock_ms=now_ms,
) -> PushResult:
    """Accept a batch of field changes (dicts with change_id, entity, row_id, field, value, hlc, site).

    The items must already be validated (allow-listed entity and field, scalar value, clock
    format): the HTTP layer does that. Three statements in one transaction, whatever the batch
    size: the counter row lock, the change log insert (idempotent by change id), and the winners
    upsert, which applies the merge rule of ``sync.merge.wins`` in SQL (see ``_merge_pg`` and
    ``_merge_sqlite``).
    """
    if not user.can_write:
        raise ApiError(403, "read_only", "This token may read but not write (viewer).")
    team_id = user.team_id
    # Same change id twice in one request: the first one counts.
    seen: set[str] = set()
    batch = []
    for item in items:
        if item["change_id"] not in seen:
            seen.add(item["change_id"])
            batch.append(item)
    if not batch:
        return PushResult()
    stamped = guard.stamp_authors(batch, user)

    server_ms = clock_ms()
    limit_ms = server_ms + max_skew_ms
    batch_max_hlc = max(c["hlc"] for c in batch)
    if wall_ms_of(batch_max_hlc) > limit_ms:  # string order is time order: one check suffices
        ahead = [wall_ms_of(c["hlc"]) - server_ms for c in batch if wall_ms_of(c["hlc"]) > limit_ms]
        with engine.connect().execution_options(sqlite_readonly=True) as conn:
            max_hlc = conn.execute(select(teams.c.max_hlc).where(teams.c.id == team_id)).scalar()
        raise ApiError(
            409,
            "clock_skew",
            f"{len(ahead)} change(s) are stamped up to {max(ahead) // 1000} s in the server's "
            f"future (more than {max_skew_ms // 1000} s): the PC clock is wrong. Re-stamp and retry.",
            skewed=len(ahead),
            ahead_ms=max(ahead),
            server_time_ms=server_ms,
            max_skew_ms=max_skew_ms,
            team_max_hlc=max_hlc,
        )

    received = datetime.now(UTC).isoformat(timespec="milliseconds")
    result = PushResult(stamped=stamped)
    with write_lock(engine), engine.begin() as conn:
        batch, result.rejected = guard.bind_replicas(
            conn, lambda table: _insert(engine, table), user, batch
        )
        if not batch:
            return result
        accepted = batch
        # Attachments of a note the team has not seen: acknowledged, held, not served.
        holding = orphan_attachments.holds_any(conn, team_id)
        replayed = orphan_attachments.already_held(conn, team_id, batch) if holding else set()
        if replayed:
            batch = [c for c in batch if c["change_id"] not in replayed]
        batch = orphan_attachments.hold(conn, team_id, user.id, received, batch)
        if not batch:
            guard.record_last_seq(conn, accepted)
            result.duplicates = len(replayed)
            result.acked = [c["change_id"] for c in accepted]
            return result
        batch_max_hlc = max(c["hlc"] for c in batch)
        # 1. The team's counter row lock, first: commit order == seq order.
        last_seq = conn.execute(
            update(teams)
            .where(teams.c.id == team_id)
            .values(
                last_seq=teams.c.last_seq + len(batch),
                max_hlc=_greatest(teams.c.max_hlc, batch_max_hlc),
            )
            .returning(teams.c.last_seq)
        ).scalar_one()
        # The batch owns seqs first_seq .. last_seq (by position); a change the team already
        # has leaves its seq unused (cursors only need seqs to grow in commit order).
        first_seq = last_seq - len(batch) + 1
        result.last_seq = last_seq
        # 2. + 3. Log the changes this team does not have yet (idempotency by change id) and merge
        # them into the winners. Rows belong to the team that wrote them: every table is
        # partitioned by team_id (taken from the token), so a push can only ever write its own
        # team's copy of a row. Two teams that both meet 株式会社サンプル精工 (one natural id) each
        # keep their own row.
        merge = _merge_pg if conn.dialect.name == "postgresql" else _merge_sqlite
        fresh, applied = merge(conn, team_id, user.id, received, first_seq, batch)
        if fresh < len(batch):
            guard.check_collisions(conn, team_id, batch)  # raises: the transaction rolls back
        private = guard.withdraw_private(conn, team_id, batch)
        private += private_attachments.refuse(conn, team_id, batch)
        if holding:
            _release_held(conn, merge, team_id, received, batch)
        guard.record_last_seq(conn, accepted)
        result.duplicates = len(batch) - fresh + len(replayed)
        result.applied = applied
        refused = {r["change_id"] for r in private}
        result.rejected += private
        result.acked = [c["change_id"] for c in accepted if c["change_id"] not in refused]
    return result


def _release_held(conn, merge, team_id: int, received: str, batch: list[dict[str, Any]]) -> None:
    """Merge the held attachment changes this batch frees, with new seqs (after the counter
    row lock this transaction holds already), then drop them after all if their note is
    private (``sync.server.orphan_attachments``)."""
    for user_id, freed in orphan_attachments.release(conn, team_id, batch).items():
        last = conn.execute(
            update(teams)
            .where(teams.c.id == team_id)
            .values(
                last_seq=teams.c.last_seq + len(freed),
                max_hlc=_greatest(teams.c.max_hlc, max(c["hlc"] for c in freed)),
            )
            .returning(teams.c.last_seq)
        ).scalar_one()
        merge(conn, team_id, user_id, received, last - len(freed) + 1, freed)
        private_attachments.refuse(conn, team_id, freed)  # the author keeps them: no one to tell


_encode_value = json.JSONEncoder(ensure_ascii=False).encode
_encode_str = json.encoder.encode_basestring  # the C encoder, ensure_ascii=False


def _value_json(value: Any) -> str | None:
    """A field value as the JSON text stored (and spliced into pull responses as it is)."""
    if value is None:
        return None
    if type(value) is str:
        return _encode_str(value)
    return _encode_value(value)


LOG_COLUMNS = (
    "team_id",
    "change_id",
    "seq",
    "entity",
    "row_id",
    "field",
    "value",
    "hlc",
    "site",
    "user_id",
    "received_at",
)
WINNER_COLUMNS = ("team_id", "entity", "row_id", "field", "value", "hlc", "site", "seq")

# The merge rule of sync.merge.wins in SQL: replace the stored winner iff (hlc, site) is greater,
# compared as code points (SQLite's BINARY collation; PostgreSQL's "C" collation below, whatever
# the database's default collation is). Strictly greater: a replay is a no-op.
_SQLITE_LOG = (
    f"INSERT INTO changes ({', '.join(LOG_COLUMNS)}) VALUES ({', '.join('?' * len(LOG_COLUMNS))})"
    " ON CONFLICT (team_id, change_id) DO NOTHING"
)
_SQLITE_UPSERT = (
    f"INSERT INTO winners ({', '.join(WINNER_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(WINNER_COLUMNS))})"
    " ON CONFLICT (team_id, entity, row_id, field) DO UPDATE SET value = excluded.value,"
    " hlc = excluded.hlc, site = excluded.site, seq = excluded.seq"
    " WHERE (excluded.hlc, excluded.site) > (winners.hlc, winners.site)"
)


def _merge_sqlite(conn, team_id, user_id, received, first_seq, batch) -> tuple[int, int]:
    """SQLite (in-process, so statements are cheap): executemany, the batch reduced in Python."""
    rows = [
        (
            team_id,
            c["change_id"],
            first_seq + i,
            c["entity"],
            c["row_id"],
            c["field"],
            _value_json(c.get("value")),
            c["hlc"],
            c["site"],
            user_id,
            received,
        )
        for i, c in enumerate(batch)
    ]
    cur = conn.connection.dbapi_connection.cursor()
    try:
        cur.executemany(_SQLITE_LOG, rows)
        fresh = cur.rowcount
        if fresh < len(rows):
            # Some were known: the ones logged now are exactly those with this batch's seqs.
            logged = {
                r[0]
                for r in cur.execute(
                    "SELECT seq FROM changes WHERE team_id = ? AND seq BETWEEN ? AND ?",
                    (team_id, first_seq, first_seq + len(rows) - 1),
                )
            }
            rows = [r for r in rows if r[2] in logged]
        # Reduce the batch to one candidate per field with the shared rule (ties: the first).
        best: dict[tuple[str, str, str], tuple] = {}
        for r in rows:
            key = (r[3], r[4], r[5])
            b = best.get(key)
            if b is None or wins(r[7], r[8], b[5], b[6]):
                best[key] = (team_id, r[3], r[4], r[5], r[6], r[7], r[8], r[2])
        cur.executemany(_SQLITE_UPSERT, list(best.values()))
        applied = cur.rowcount
    finally:
        cur.close()
    return fresh, applied


_PG_PUSH = """
WITH src AS (
  SELECT x.change_id, x.entity, x.row_id, x.field, x.value, x.hlc, x.site,
         %(first_seq)s::bigint + x.n - 1 AS seq
  FROM ROWS FROM (json_to_recordset(%(batch)s::json) AS (change_id text, entity text,
       row_id text, field text, value json, hlc text, site text))
       WITH ORDINALITY AS x(change_id, entity, row_id, field, value, hlc, site, n)
), ins AS (
  INSERT INTO changes (team_id, change_id, seq, entity, row_id, field, value, hlc, site,
                       user_id, received_at)
  SELECT %(team_id)s::integer, change_id, seq, entity, row_id, field, value::text, hlc, site,
         %(user_id)s::integer, %(received)s::text
  FROM src
  ON CONFLICT (team_id, change_id) DO NOTHING
  RETURNING entity, row_id, field, value, hlc, site, seq
), best AS (
  SELECT DISTINCT ON (entity, row_id, field) entity, row_id, field, value, hlc, site, seq
  FROM ins
  ORDER BY entity, row_id, field, hlc COLLATE "C" DESC, site COLLATE "C" DESC, seq
), up AS (
  INSERT INTO winners AS w (team_id, entity, row_id, field, value, hlc, site, seq)
  SELECT %(team_id)s::integer, entity, row_id, field, value, hlc, site, seq FROM best
  ON CONFLICT (team_id, entity, row_id, field) DO UPDATE SET value = excluded.value,
     hlc = excluded.hlc, site = excluded.site, seq = excluded.seq
  WHERE (excluded.hlc COLLATE "C", excluded.site COLLATE "C")
        > (w.hlc COLLATE "C", w.site COLLATE "C")
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM up)
"""


def _merge_pg(conn, team_id, user_id, received, first_seq, batch) -> tuple[int, int]:
    """PostgreSQL: ONE round trip. The batch travels as one JSON parameter (encoded in C, parsed
    by json_to_recordset; a value's JSON text is kept verbatim), the log insert returns the fresh
    changes, DISTINCT ON reduces them to the greatest (hlc, site) per field (ties: the first) and
    the upsert applies the rule against the stored winner."""
    payload = json.dumps(batch, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    fresh, applied = conn.exec_driver_sql(
        _PG_PUSH,
        {
            "first_seq": first_seq,
            "batch": payload,
            "team_id": team_id,
            "user_id": user_id,
            "received": received,
        },
    ).one()
    return int(fresh), int(applied)


def _greatest(column, value: str):
    from sqlalchemy import case, literal

    lit = literal(value)
    return case((column.is_(None), lit), (column < lit, lit), else_=column)


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def _cursor_holds(conn, team_id: int, seq: int, at: tuple[str, str]) -> bool:
    """Whether the change logged with ``seq`` is the one (hlc, site) the client saw there."""
    from sync.server.db import changes

    row = conn.execute(
        select(changes.c.hlc, changes.c.site).where(
            changes.c.team_id == team_id, changes.c.seq == seq
        )
    ).first()
    return row is not None and (row[0], row[1]) == at


def pull(
    engine: Engine,
    team_id: int,
    after: int,
    limit: int,
    *,
    max_bytes: int = 8 * 1024 * 1024,
    info: dict[str, str] | None = None,
    at: tuple[str, str] | None = None,
    checksum: bool = False,
    skip: set[tuple[str, str, str]] | None = None,
) -> bytes:
    """One page of winners with seq > after, in seq order, as the JSON response body: at most
    ``limit`` rows and about ``max_bytes`` of values (always at least one row).

    Values are stored as JSON text and spliced in as they are (no decode/encode round trip).
    ``checksum``: on the last page, add the team's checksum (``sync.checksum``) and the sequence
    it covers, read in the same snapshot as the page (REPEATABLE READ on PostgreSQL, where each
    statement of a READ COMMITTED transaction would see a newer state; one SQLite read
    transaction is one snapshot already).
    """
    options: dict[str, Any] = {"sqlite_readonly": True}
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
    with engine.connect().execution_options(**options) as conn, conn.begin():
        last_seq = conn.execute(select(teams.c.last_seq).where(teams.c.id == team_id)).scalar()
        if at is not None and after > 0 and not _cursor_holds(conn, team_id, after, at):
            # The change the client's cursor stands on is not ours (any more): the server was
            # restored from a backup and its sequence reused. The client re-reads from 0.
            return (
                '{"changes":[],"next":0,"has_more":true,"cursor_ok":false,'
                f'"last_seq":{last_seq or 0},"server_id":{_q((info or {}).get("server_id", ""))},'
                f'"epoch":{_q((info or {}).get("epoch", ""))},"team_id":{int(team_id)}}}'
            ).encode()
        rows = conn.execute(
            select(
                winners.c.seq,
                winners.c.entity,
                winners.c.row_id,
                winners.c.field,
                winners.c.value,
                winners.c.hlc,
                winners.c.site,
            )
            .where(and_(winners.c.team_id == team_id, winners.c.seq > bindparam("after")))
            .order_by(winners.c.seq)
            .limit(limit + 1),
            {"after": after},
        )
        parts: list[str] = []
        withheld: list[str] = []
        size = 0
        has_more = False
        nxt = after
        last_at = ("", "")
        for seq, e, r, f, v, h, s in rows:
            if len(parts) + len(withheld) >= limit or (parts and size > max_bytes):
                has_more = True
                break
            if not _splicable(v):
                # A value no JSON reader takes (server.db edited by hand, a broken restore):
                # spliced in, it would break every teammate's pull. Sent apart as text, which
                # the laptop holds aside and shows; the rest of the page arrives.
                withheld.append(_withheld(engine, team_id, seq, e, r, f, v, h, s))
                nxt, last_at = seq, (h, s)
                continue
            part = (
                f'{{"seq":{seq},"entity":{_q(e)},"row_id":{_q(r)},"field":{_q(f)},'
                f'"value":{"null" if v is None else v},"hlc":{_q(h)},"site":{_q(s)}}}'
            )
            parts.append(part)
            # Bytes, not characters (a Japanese character is 3); short values: close enough.
            size += len(part) if v is None or len(v) < 64 else len(part.encode("utf-8"))
            nxt, last_at = seq, (h, s)
        rows.close()
        tail = ""
        if checksum and not has_more:
            total, skipped = _checksum(conn, team_id, skip)
            tail = f',"checksum":"{total}","checksum_seq":{last_seq or 0}'
            if skip:
                tail += f',"checksum_skipped":{skipped}'
    info = info or {}
    body = (
        '{"changes":['
        + ",".join(parts)
        + f'],"next":{nxt},"has_more":{"true" if has_more else "false"},'
        f'"last_seq":{last_seq or 0},"server_id":{_q(info.get("server_id", ""))},'
        f'"epoch":{_q(info.get("epoch", ""))},"team_id":{int(team_id)},'
        f'"next_hlc":{_q(last_at[0])},"next_site":{_q(last_at[1])},"cursor_ok":true{tail}'
        + (',"withheld":[' + ",".join(withheld) + "]}" if withheld else "}")
    )
    return body.encode("utf-8")


def _splicable(v: Any) -> bool:
    """Whether a stored value is JSON text that can be spliced into a response as it is.

    The common case (a string without escapes or inner quotes) is decided without parsing."""
    if v is None:
        return True
    if type(v) is not str:
        return False  # bytes in a SQLite TEXT column
    if v[:1] == '"' and "\\" not in v and v.find('"', 1) == len(v) - 1:
        return True
    try:
        _loads(v)
    except ValueError:
        return False
    return True


_warned: set[tuple[str, int, int]] = set()


def _withheld(engine: Engine, team_id: int, seq: int, e, r, f, v: Any, h, s) -> str:
    """A withheld value as JSON (its text as a string), logged once per process and change."""
    text = v.decode("utf-8", "replace") if isinstance(v, bytes | bytearray) else str(v)
    key = (str(engine.url), team_id, seq)
    if key not in _warned and len(_warned) < 10_000:
        _warned.add(key)
        log.warning(
            "pull: team %s, seq %s (%s.%s of row %s) holds a value that is not JSON: "
            "withheld from pulls (the laptops show it as held); correct it in the winners table",
            team_id,
            seq,
            e,
            f,
            r,
        )
    return (
        f'{{"seq":{seq},"entity":{_q(str(e))},"row_id":{_q(str(r))},"field":{_q(str(f))},'
        f'"text":{_q(text)},"hlc":{_q(str(h))},"site":{_q(str(s))},"code":"not_json"}}'
    )


def _checksum(conn, team_id: int, skip=None) -> tuple[int, int]:
    """The team's checksum, computed by one read of its winners when a client has caught up.

    A query rather than a sum kept up to date on push: the value is in the hash in a normal
    form SQL cannot produce on both backends (see sync.checksum), and keeping it on push would
    cost the push path (PostgreSQL's is one SQL statement) a read of every replaced winner.
    Reading the team costs a few seconds per million winners, once per sync that reaches the end.
    ``skip``: fields the laptop's refused changes hold (left out, after the private notes and
    their attachments are found); returns (checksum, how many of them were left out).
    """
    rows = conn.execute(
        select(
            winners.c.entity,
            winners.c.row_id,
            winners.c.field,
            winners.c.hlc,
            winners.c.site,
            winners.c.value,
        ).where(winners.c.team_id == team_id)
    ).all()
    decoded = [(e, r, f, h, s, _decoded(v)) for e, r, f, h, s, v in rows]
    return server_checksum(decoded, skip), len(skip) if skip else 0


_loads = json.loads


def _decoded(v: str | None) -> Any:
    """A stored value's JSON text decoded; a string without escapes is sliced (the common case,
    three times faster than json.loads)."""
    if v is None:
        return None
    if v[:1] == '"' and "\\" not in v and v.find('"', 1) == len(v) - 1:
        return v[1:-1]
    try:
        return _loads(v)
    except ValueError:  # not JSON (server.db edited by hand): hashed as it is, never a crash
        return v
