"""Documents, claims, incidents, the outcome log and full-text search.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True, comment="SHA-256 of raw"),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("language", sa.String(35)),
        sa.Column("published", sa.Date),
        sa.Column("url", sa.Text),
        sa.Column("external_id", sa.Text),
    )
    op.create_index("ix_documents_external_id", "documents", ["external_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("type", sa.String(50), nullable=False),
        sa.Column("modality", sa.String(20), nullable=False),
        sa.Column("stance", sa.String(20), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("claimant_name", sa.Text),
        sa.Column("claimant_kind", sa.String(40)),
        sa.Column("date_start", sa.Date),
        sa.Column("admin1", sa.Text),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.create_index("ix_claims_type", "claims", ["type"])
    op.create_index("ix_claims_date_start", "claims", ["date_start"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("type", sa.String(50), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "incident_claims",
        sa.Column("incident_id", sa.String(200), sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("claim_id", sa.String(200), sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_incident_claims_claim_id", "incident_claims", ["claim_id"])
    op.create_table(
        "outcomes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("step", sa.String(40), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("document_id", sa.String(64)),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_outcomes_step", "outcomes", ["step"])
    _create_full_text_search(op.get_bind().dialect.name)


def _create_full_text_search(dialect: str) -> None:
    """SQLite: an FTS5 table the store keeps in step. PostgreSQL: GIN indexes over the columns.

    The PostgreSQL expressions must match those in svidok/store/search.py for the
    planner to use the indexes.
    """
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "kind UNINDEXED, id UNINDEXED, document_id UNINDEXED, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif dialect == "postgresql":
        op.execute(
            "CREATE INDEX ix_documents_search ON documents "
            "USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))"
        )
        op.execute("CREATE INDEX ix_claims_search ON claims USING gin (to_tsvector('simple', evidence_text))")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE search_index")
    for table in ("outcomes", "incident_claims", "incidents", "claims", "documents"):
        op.drop_table(table)
