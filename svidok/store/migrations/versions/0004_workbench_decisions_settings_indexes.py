"""Analysts' merges and splits kept as claim groupings, site settings, and indexes for the list filters.

Revision ID: 0004
Revises: 0003
Create Date: 2025-01-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# (index name, table, columns): the incident list filters and orders by these. The claim
# filters end in the claim id and the link index holds both ids, so "incidents with a claim
# in this oblast" is read from indexes alone, never from the wide claim rows.
_INDEXES = [
    ("ix_claims_admin1_id", "claims", ["admin1", "id"]),
    ("ix_claims_claimant_kind_id", "claims", ["claimant_kind", "id"]),
    ("ix_claims_date_start_id", "claims", ["date_start", "id"]),
    ("ix_incident_claims_claim_incident", "incident_claims", ["claim_id", "incident_id"]),
    ("ix_incidents_position", "incidents", ["position"]),
    ("ix_incidents_type_position", "incidents", ["type", "position"]),
]


def upgrade() -> None:
    op.create_table(
        "incident_groupings",
        # In order of decision: relinking replays them in this order over the linker's groups.
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("claim_ids", sa.JSON, nullable=False),
        sa.Column("reviewer", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "site_settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
    )
    for name, table, columns in _INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in _INDEXES:
        op.drop_index(name, table_name=table)
    op.drop_table("site_settings")
    op.drop_table("incident_groupings")
