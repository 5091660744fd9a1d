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


def downgrade() -> None:
    op.drop_table("server_info")
    op.drop_table("replicas")
