"""initial: teams, users, changes (audit), winners, blobs

Revision ID: 0001_initial
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String, nullable=False, unique=True),
        sa.Column("last_seq", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("max_hlc", sa.String, nullable=True),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("team_id", sa.Integer, sa.ForeignKey("teams.id"), nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("role", sa.String, nullable=False),
        sa.Column("token_hash", sa.String, nullable=False, unique=True),
        sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.String, nullable=False),
        sa.UniqueConstraint("team_id", "name", name="users_team_name"),
    )
    op.create_table(
        "changes",
        sa.Column("team_id", sa.Integer, primary_key=True),
        sa.Column("change_id", sa.String, primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("entity", sa.String, nullable=False),
        sa.Column("row_id", sa.String, nullable=False),
        sa.Column("field", sa.String, nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("hlc", sa.String, nullable=False),
        sa.Column("site", sa.String, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("received_at", sa.String, nullable=False),
    )
    op.create_index("changes_team_seq", "changes", ["team_id", "seq"])
    op.create_table(
        "winners",
        sa.Column("team_id", sa.Integer, primary_key=True),
        sa.Column("entity", sa.String, primary_key=True),
        sa.Column("row_id", sa.String, primary_key=True),
        sa.Column("field", sa.String, primary_key=True),
        sa.Column("value", sa.Text),
        sa.Column("hlc", sa.String, nullable=False),
        sa.Column("site", sa.String, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    op.create_index("winners_team_seq", "winners", ["team_id", "seq"])
    op.create_table(
        "blobs",
        sa.Column("team_id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String, primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
    )


def downgrade() -> None:
    for table in ("blobs", "winners", "changes", "users", "teams"):
        op.drop_table(table)
