"""replicas (who owns each replica id, the last change held from it) and the server's identity

Revision ID: 0002_replicas_and_epoch
Revises: 0001_initial
Create Date: 2026-12-01
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002_replicas_and_epoch"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "replicas",
        sa.Column("replica_id", sa.String, primary_key=True),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("team_id", sa.Integer, nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("last_hlc", sa.String, nullable=True),
        sa.Column("created_at", sa.String, nullable=False),
    )
    _backfill_replicas()
    info = op.create_table(
        "server_info",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )
    # The server's identity and epoch: cursors are keyed by them. `genba-server new-epoch`
    # (after restoring a backup) issues a new epoch.
    op.bulk_insert(
        info,
        [
            {"key": "server_id", "value": uuid.uuid4().hex},
            {"key": "epoch", "value": uuid.uuid4().hex},
        ],
    )


def _backfill_replicas() -> None:
    """What the server already holds from each replica (so laptops do not re-send their whole
    history after the upgrade), bound to the user who pushed its latest change."""
    from datetime import UTC, datetime

    conn = op.get_bind()
    last: dict[str, tuple[int, str, int, int]] = {}
    rows = conn.execute(sa.text("SELECT change_id, site, hlc, user_id, team_id FROM changes"))
    for change_id, site, hlc, user_id, team_id in rows:
        replica, dot, seq = change_id.rpartition(".")
        if not dot or replica != site or not seq.isdigit():
            continue
        n = int(seq)
        if n > last.get(site, (0,))[0]:
            last[site] = (n, hlc, user_id, team_id)
    if not last:
        return
    now = datetime.now(UTC).isoformat(timespec="seconds")
    table = sa.table(
        "replicas",
        sa.column("replica_id"),
        sa.column("user_id"),
        sa.column("team_id"),
        sa.column("last_seq"),
        sa.column("last_hlc"),
        sa.column("created_at"),
    )
    op.bulk_insert(
        table,
        [
            {
                "replica_id": site,
                "user_id": user_id,
                "team_id": team_id,
                "last_seq": n,
                "last_hlc": hlc,
                "created_at": now,
            }
            for site, (n, hlc, user_id, team_id) in last.items()
        ],
    )


def downgrade() -> None:
    op.drop_table("server_info")
    op.drop_table("replicas")
