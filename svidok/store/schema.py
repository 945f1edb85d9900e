"""The tables as the store queries them. Their history (and the DDL) lives in `migrations/`."""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
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
    sa.Column("metadata", sa.JSON),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    # Order of the claim within its document, so claims come back as the extractor gave them.
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("type", sa.String(50), nullable=False),
    sa.Column("modality", sa.String(20), nullable=False),
    sa.Column("stance", sa.String(20), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    # Filter columns copied out of `data`; `data` (Claim.to_json) is the record itself.
    sa.Column("claimant_name", sa.Text),
    sa.Column("claimant_kind", sa.String(40)),
    sa.Column("date_start", sa.Date),
    sa.Column("admin1", sa.Text),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("type", sa.String(50), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

incident_claims = sa.Table(
    "incident_claims",
    metadata,
    sa.Column("incident_id", sa.String(200), sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("claim_id", sa.String(200), sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
)

# One text per incident, its documents' titles and texts, for the list's text search (see search.py).
# Keyed by the incident's list position, so the search index returns matches in list order.
incident_texts = sa.Table(
    "incident_texts",
    metadata,
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("incident_id", sa.String(200), nullable=False, unique=True),
    sa.Column("body", sa.Text, nullable=False),
)

# The filter columns of each claim held by an incident, beside the incident's list position, so
# "incidents with a claim in this oblast, by this kind of claimant, in this month" is one index
# range that yields list positions. Derived from incident_claims and claims (see search.py).
incident_claim_filters = sa.Table(
    "incident_claim_filters",
    metadata,
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("claim_id", sa.String(200), sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("admin1", sa.Text),
    sa.Column("claimant_kind", sa.String(40)),
    sa.Column("date_start", sa.Date),
)

outcomes = sa.Table(
    "outcomes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("step", sa.String(40), nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("document_id", sa.String(64)),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)
