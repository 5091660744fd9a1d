"""The server's identity and epoch, and what it holds of one replica (the hello's answer).

Cursors on the laptops are keyed by (server id, epoch, team): ``genba-server new-epoch`` after a
restore from backup makes every laptop re-push what the server lacks and re-pull. Without it the
laptops still notice (the server holds fewer of their changes than it acknowledged, or its
sequence is behind their cursor) and do the same.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from sync.server.db import changes, held_changes, replicas, server_info


def server_identity(engine: Engine) -> dict[str, str]:
    with engine.connect().execution_options(sqlite_readonly=True) as conn:
        info = dict(conn.execute(select(server_info.c.key, server_info.c.value)).all())
    return {"server_id": info.get("server_id", ""), "epoch": info.get("epoch", "")}


def new_epoch(engine: Engine) -> str:
    epoch = uuid.uuid4().hex
    with engine.begin() as conn:
        conn.execute(server_info.update().where(server_info.c.key == "epoch").values(value=epoch))
    return epoch


def replica_state(engine: Engine, replica: str, user) -> dict | None:
    """The last change held from ``replica`` and whether it is the user's; None if unknown.

    An unknown replica id is bound to the user now, before their first push: nobody else can
    claim it in between."""
    from sync.server.service import _insert, write_lock

    with engine.connect().execution_options(sqlite_readonly=True) as conn:
        known = conn.execute(
            select(replicas.c.user_id).where(replicas.c.replica_id == replica)
        ).first()
    if known is None:
        with write_lock(engine), engine.begin() as conn:
            conn.execute(
                _insert(engine, replicas).on_conflict_do_nothing(),
                {
                    "replica_id": replica,
                    "user_id": user.id,
                    "team_id": user.team_id,
                    "last_seq": 0,
                    "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                },
            )
    with engine.connect().execution_options(sqlite_readonly=True) as conn:
        row = conn.execute(
            select(
                replicas.c.last_seq, replicas.c.last_hlc, replicas.c.user_id, replicas.c.team_id
            ).where(replicas.c.replica_id == replica)
        ).first()
        if row is None:
            return None
        if known is None and row[2] == user.id:
            return None  # bound just now: the server holds nothing of it
        last = _last_change(conn, row[3], f"{replica}.{int(row[0])}") if row[0] else None
    return {
        "last_seq": int(row[0]),
        "last_hlc": row[1],
        "last_change": last,
        "yours": row[2] == user.id,
    }


def _last_change(conn, team_id: int, change_id: str) -> dict[str, str] | None:
    """What the replica's last held change wrote (entity, row, field). Its clock alone cannot
    tell two copies of one database apart when both made that change in the same millisecond;
    the row they wrote can (new rows have random ids)."""
    for table in (changes, held_changes):
        found = conn.execute(
            select(table.c.entity, table.c.row_id, table.c.field).where(
                table.c.team_id == team_id, table.c.change_id == change_id
            )
        ).first()
        if found:
            return {"entity": found[0], "row_id": found[1], "field": found[2]}
    return None
