"""Documents get a JSON `metadata` column for source-specific facts (Telegram channel, forward, edit, media).

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-03
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable, so the documents already stored need no value and keep their bytes and ids.
    op.add_column("documents", sa.Column("metadata", sa.JSON, nullable=True))


def downgrade() -> None:
    op.drop_column("documents", "metadata")
