"""PostgreSQL full-text indexes read a bounded prefix of each text.

A tsvector holds at most 1 MB, so a large document with a wide vocabulary (a 3 MB table dump
of names and numbers) could not be stored at all: the index expression failed on insert and
took the document with it. The indexes now cover the first 250,000 characters of each text,
at most 1 MB even in two-byte Cyrillic with every word distinct; the text itself is stored
whole. SQLite's FTS5 has no such limit and is unchanged.

Revision ID: 0006
Revises: 0005
Create Date: 2025-01-06
"""
from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_DOCUMENT_BODY = "coalesce(title, '') || ' ' || text"
# (index, table, indexed text before, indexed text after)
_INDEXES = [
    ("ix_documents_search", "documents", _DOCUMENT_BODY, f"left({_DOCUMENT_BODY}, 250000)"),
    ("ix_claims_search", "claims", "evidence_text", "left(evidence_text, 250000)"),
    ("ix_incident_texts_search", "incident_texts", "body", "left(body, 250000)"),
]


def _recreate(use_bounded: bool) -> None:
    for name, table, whole, bounded in _INDEXES:
        op.execute(f"DROP INDEX {name}")
        indexed = bounded if use_bounded else whole
        op.execute(f"CREATE INDEX {name} ON {table} USING gin (to_tsvector('simple', {indexed}))")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _recreate(use_bounded=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _recreate(use_bounded=False)
