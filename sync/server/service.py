"""Push and pull: the server side of the sync protocol.

Push runs in ONE transaction that first takes the team's counter row lock
(``UPDATE teams SET last_seq = last_seq + n ... RETURNING last_seq``), so transactions commit in
sequence order and a puller reading ``seq > cursor`` can never skip a change that commits late.
It is idempotent by change id, merges with the shared rule ``sync.merge.wins`` and never rewrites
a clock. Pull returns the current winner of every field whose seq is past the cursor.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, and_, bindparam, select, update

from sync.hlc import wall_ms_of
from sync.merge import wins
from sync.server.db import teams, winners
from sync.server.errors import ApiError
from sync.server.users import User

ROWS_PER_INSERT = 1000  # rows per multi-row INSERT: 11 columns x 1000 < parameter limits
CHUNK = 1000  # keys per IN (...) lookup: well under SQLite's and PostgreSQL's parameter limits


def _insert(engine: Engine, table):
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def _chunks(seq: Sequence, size: int = CHUNK):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class PushResult:
    acked: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)
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
    """Accept a batch of field changes (dicts with change_id, entity, row_id, field, value, hlc, site)."""
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

    server_ms = clock_ms()
    limit_ms = server_ms + max_skew_ms
    ahead = [wall_ms_of(c["hlc"]) - server_ms for c in batch if wall_ms_of(c["hlc"]) > limit_ms]
    if ahead:
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

    batch_max_hlc = max(c["hlc"] for c in batch)
    received = datetime.now(UTC).isoformat(timespec="milliseconds")
    result = PushResult()
    with engine.begin() as conn:
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
        first_seq = last_seq - len(batch) + 1
        result.last_seq = last_seq

        # 2. Idempotency: changes this team already has are acked, not applied again.
        ids = [c["change_id"] for c in batch]
        known = {
            r[0]
            for r in _fetch(
                conn, "changes", ("change_id",), [(i,) for i in ids], ("change_id",), team_id
            )
        }
        fresh = [c for c in batch if c["change_id"] not in known]
        result.duplicates = len(batch) - len(fresh)
        result.acked.extend(c["change_id"] for c in batch if c["change_id"] in known)

        # 3. Rows belong to the team that wrote them: every table is partitioned by team_id (taken
        # from the token), so a push can only ever write its own team's copy of a row. Two teams
        # that both meet 株式会社サンプル精工 (one natural id) each keep their own row.
        accepted = fresh

        # 4. Merge with the shared rule against the current winners.
        field_keys = list({(c["entity"], c["row_id"], c["field"]) for c in accepted})
        current = {
            (e, r, f): (h, st)
            for e, r, f, h, st in _fetch(
                conn,
                "winners",
                ("entity", "row_id", "field"),
                field_keys,
                ("entity", "row_id", "field", "hlc", "site"),
                team_id,
            )
        }
        new_winners: dict[tuple[str, str, str], dict[str, Any]] = {}
        log_rows = []
        for offset, c in enumerate(accepted):
            seq = first_seq + offset
            value = None if c["value"] is None else json.dumps(c["value"], ensure_ascii=False)
            key = (c["entity"], c["row_id"], c["field"])
            log_rows.append(
                {
                    "team_id": team_id,
                    "change_id": c["change_id"],
                    "seq": seq,
                    "entity": c["entity"],
                    "row_id": c["row_id"],
                    "field": c["field"],
                    "value": value,
                    "hlc": c["hlc"],
                    "site": c["site"],
                    "user_id": user.id,
                    "received_at": received,
                }
            )
            cur = current.get(key)
            if wins(c["hlc"], c["site"], cur[0] if cur else None, cur[1] if cur else None):
                current[key] = (c["hlc"], c["site"])
                new_winners[key] = {
                    "team_id": team_id,
                    "entity": key[0],
                    "row_id": key[1],
                    "field": key[2],
                    "value": value,
                    "hlc": c["hlc"],
                    "site": c["site"],
                    "seq": seq,
                }
        # Multi-row VALUES statements (one round trip per chunk on both SQLite and PostgreSQL).
        _bulk_insert(conn, "changes", LOG_COLUMNS, log_rows)
        _bulk_insert(
            conn,
            "winners",
            WINNER_COLUMNS,
            list(new_winners.values()),
            " ON CONFLICT (team_id, entity, row_id, field) DO UPDATE SET value = excluded.value,"
            " hlc = excluded.hlc, site = excluded.site, seq = excluded.seq",
        )
        result.applied = len(new_winners)
        result.acked.extend(c["change_id"] for c in accepted)
    return result


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
PG_TYPES = {"team_id": "integer", "user_id": "integer", "seq": "bigint"}
WINNER_COLUMNS = ("team_id", "entity", "row_id", "field", "value", "hlc", "site", "seq")


def _bulk_insert(conn, table: str, columns: tuple[str, ...], rows: list[dict], suffix: str = ""):
    """Multi-row INSERT ... VALUES (...), (...) in chunks: one round trip per chunk.

    Plain SQL text (no per-statement SQLAlchemy compilation); the upsert suffixes used here are
    valid on both SQLite (>= 3.24) and PostgreSQL. Table and column names are constants.
    """
    if not rows:
        return
    head = f"INSERT INTO {table} ({', '.join(columns)}) "
    if conn.dialect.name == "postgresql":
        # One array parameter per column: a short, constant statement whatever the row count.
        casts = ", ".join(f"%s::{PG_TYPES.get(c, 'text')}[]" for c in columns)
        sql = f"{head}SELECT * FROM unnest({casts}){suffix}"
        for part in _chunks(rows, 10_000):
            conn.exec_driver_sql(sql, tuple([r[c] for r in part] for c in columns))
        return
    one = "(" + ", ".join(["?"] * len(columns)) + ")"
    for part in _chunks(rows, ROWS_PER_INSERT):
        sql = head + "VALUES " + ", ".join([one] * len(part)) + suffix
        conn.exec_driver_sql(sql, tuple(r[c] for r in part for c in columns))


def _fetch(
    conn,
    table: str,
    key_cols: tuple[str, ...],
    keys: list[tuple],
    cols: tuple[str, ...],
    team_id: int | None = None,
) -> list[tuple]:
    """Rows of ``table`` whose ``key_cols`` are among ``keys`` (and of the team, if given).

    PostgreSQL: a join against unnest()ed arrays (a short constant statement, index lookups);
    SQLite: row-value ``IN (VALUES ...)`` in chunks.
    """
    if not keys:
        return []
    select = ", ".join(f"t.{c}" for c in cols)
    out: list[tuple] = []
    if conn.dialect.name == "postgresql":
        names = ", ".join(key_cols)
        casts = ", ".join("%s::text[]" for _ in key_cols)
        on = " AND ".join(f"t.{c} = k.{c}" for c in key_cols)
        team = " AND t.team_id = %s" if team_id is not None else ""
        sql = f"SELECT {select} FROM unnest({casts}) AS k({names}) JOIN {table} t ON {on}{team}"
        for part in _chunks(keys, 10_000):
            params = [[k[i] for k in part] for i in range(len(key_cols))]
            if team_id is not None:
                params.append(team_id)
            out.extend(tuple(r) for r in conn.exec_driver_sql(sql, tuple(params)))
        return out
    lhs = "(" + ", ".join(f"t.{c}" for c in key_cols) + ")"
    one = "(" + ", ".join("?" for _ in key_cols) + ")"
    team = "t.team_id = ? AND " if team_id is not None else ""
    for part in _chunks(keys):
        sql = f"SELECT {select} FROM {table} t WHERE {team}{lhs} IN (VALUES {', '.join([one] * len(part))})"
        params = ([team_id] if team_id is not None else []) + [v for k in part for v in k]
        out.extend(tuple(r) for r in conn.exec_driver_sql(sql, tuple(params)))
    return out


def _greatest(column, value: str):
    from sqlalchemy import case, literal

    lit = literal(value)
    return case((column.is_(None), lit), (column < lit, lit), else_=column)


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def pull(engine: Engine, team_id: int, after: int, limit: int) -> bytes:
    """One page of winners with seq > after, in seq order, as the JSON response body.

    Values are stored as JSON text and spliced in as they are (no decode/encode round trip).
    """
    with engine.connect().execution_options(sqlite_readonly=True) as conn, conn.begin():
        last_seq = conn.execute(select(teams.c.last_seq).where(teams.c.id == team_id)).scalar()
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
        ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    nxt = rows[-1][0] if rows else after
    parts = [
        f'{{"seq":{seq},"entity":{_q(e)},"row_id":{_q(r)},"field":{_q(f)},'
        f'"value":{"null" if v is None else v},"hlc":{_q(h)},"site":{_q(s)}}}'
        for seq, e, r, f, v, h, s in rows
    ]
    body = (
        '{"changes":['
        + ",".join(parts)
        + f'],"next":{nxt},"has_more":{"true" if has_more else "false"},'
        f'"last_seq":{last_seq or 0}}}'
    )
    return body.encode("utf-8")
