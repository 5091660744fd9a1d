"""held_changes: attachment changes whose note the team has not seen yet, kept until it arrives

Revision ID: 0003_held_attachments
Revises: 0002_replicas_and_epoch
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_held_attachments"
down_revision = "0002_replicas_and_epoch"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "held_changes",
        sa.Column("team_id", sa.Integer, primary_key=True),
        sa.Column("change_id", sa.String, primary_key=True),
        sa.Column("note_id", sa.String, nullable=False),
        sa.Column("entity", sa.String, nullable=False),
        sa.Column("row_id", sa.String, nullable=False),
        sa.Column("field", sa.String, nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("hlc", sa.String, nullable=False),
        sa.Column("site", sa.String, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("received_at", sa.String, nullable=False),
    )
    op.create_index("held_changes_note", "held_changes", ["team_id", "note_id"])
    op.create_index("held_changes_row", "held_changes", ["team_id", "row_id"])


def downgrade() -> None:
    op.drop_table("held_changes")
