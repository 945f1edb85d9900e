"""Incident-level search data: a text per incident for the text search, claim filters per incident.

A text search of the incident list used to match claims and documents, then map the
matches to incidents: for a common word that is every claim of the store, joined and
counted on each request. Now each incident has one text, its documents' titles and texts,
in `incident_texts` (keyed by the incident's list position), indexed by an FTS5 table on
SQLite and a GIN index on PostgreSQL, so a search reads incidents in list order and stops
at the page. Likewise the claim filters (oblast, claimant kind, date) read
`incident_claim_filters`, whose indexes yield list positions, not claim ids to be mapped.

Revision ID: 0005
Revises: 0004
Create Date: 2025-01-05
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Oblast, claimant kind and date must hold for one claim; the indexes start with each filter
# that can come alone and end in the position, so matches are read from indexes only.
_FILTERS = "incident_claim_filters"
_FILTER_INDEXES = [
    ("ix_incident_claim_filters_admin1", _FILTERS, ["admin1", "claimant_kind", "date_start", "position"]),
    ("ix_incident_claim_filters_kind", _FILTERS, ["claimant_kind", "date_start", "position"]),
    ("ix_incident_claim_filters_date", _FILTERS, ["date_start", "position"]),
]
# The incident indexes end in the id, which the test for an analyst's decision compares, so a
# page's positions are found without reading an incident row. Each supersedes the 0004 index
# that is its prefix; 0004's claim indexes served the filters that now read the table above.
_NEW_INDEXES = [
    *_FILTER_INDEXES,
    ("ix_incidents_position_id", "incidents", ["position", "id"]),
    ("ix_incidents_type_position_id", "incidents", ["type", "position", "id"]),
    ("ix_incidents_status_position_id", "incidents", ["status", "position", "id"]),
]
_SUPERSEDED_INDEXES = [
    ("ix_claims_admin1_id", "claims", ["admin1", "id"]),
    ("ix_claims_claimant_kind_id", "claims", ["claimant_kind", "id"]),
    ("ix_claims_date_start_id", "claims", ["date_start", "id"]),
    ("ix_incidents_position", "incidents", ["position"]),
    ("ix_incidents_type_position", "incidents", ["type", "position"]),
]

# The texts and claim filters of the incidents stored when this migration runs; later the store writes them.
_FILL_TEXTS = (
    "INSERT INTO incident_texts (position, incident_id, body) "
    "SELECT incidents.position, incidents.id, {aggregate} "
    "FROM incidents "
    "JOIN (SELECT DISTINCT incident_claims.incident_id, claims.document_id FROM incident_claims "
    "      JOIN claims ON claims.id = incident_claims.claim_id) AS held ON held.incident_id = incidents.id "
    "JOIN documents ON documents.id = held.document_id "
    "GROUP BY incidents.position, incidents.id"
)
_FILL_FILTERS = (
    "INSERT INTO incident_claim_filters (position, claim_id, admin1, claimant_kind, date_start) "
    "SELECT incidents.position, claims.id, claims.admin1, claims.claimant_kind, claims.date_start "
    "FROM incidents JOIN incident_claims ON incident_claims.incident_id = incidents.id "
    "JOIN claims ON claims.id = incident_claims.claim_id"
)
_DOCUMENT_BODY = "coalesce(documents.title, '') || ' ' || documents.text"


def upgrade() -> None:
    op.create_table(
        "incident_texts",
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("incident_id", sa.String(200), nullable=False, unique=True),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_table(
        _FILTERS,
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("claim_id", sa.String(200), sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("admin1", sa.Text),
        sa.Column("claimant_kind", sa.String(40)),
        sa.Column("date_start", sa.Date),
    )
    op.execute(_FILL_FILTERS)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(_FILL_TEXTS.format(aggregate=f"group_concat({_DOCUMENT_BODY}, ' ')"))
        # External content: the text is kept once, in incident_texts; the FTS table holds the index.
        op.execute(
            "CREATE VIRTUAL TABLE incident_search USING fts5("
            "body, content = 'incident_texts', content_rowid = 'position', "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        op.execute("INSERT INTO incident_search (incident_search) VALUES ('rebuild')")
    elif dialect == "postgresql":
        op.execute(_FILL_TEXTS.format(aggregate=f"string_agg({_DOCUMENT_BODY}, ' ')"))
        op.execute("CREATE INDEX ix_incident_texts_search ON incident_texts USING gin (to_tsvector('simple', body))")
    for name, table, columns in _SUPERSEDED_INDEXES:
        op.drop_index(name, table_name=table)
    for name, table, columns in _NEW_INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in _NEW_INDEXES:
        op.drop_index(name, table_name=table)
    for name, table, columns in _SUPERSEDED_INDEXES:
        op.create_index(name, table, columns)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE incident_search")
    op.drop_table("incident_texts")
    op.drop_table(_FILTERS)
