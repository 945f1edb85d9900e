"""Tables of the web workbench, as migrations 0002 (accounts, reviews, audit log) and 0004 made them."""
from __future__ import annotations

import sqlalchemy as sa

from svidok.store.schema import metadata

users = sa.Table(
    "users",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("subject_id", sa.String(200), primary_key=True),
    sa.Column("decision", sa.String(20), nullable=False),
    sa.Column("comment", sa.Text, nullable=False),
    sa.Column("reviewer", sa.String(100), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("subject", sa.String(400), nullable=False),
    sa.Column("before", sa.Text, nullable=False),
    sa.Column("after", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("hash", sa.String(64), nullable=False),
)

incident_groupings = sa.Table(
    "incident_groupings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("action", sa.String(10), nullable=False),
    sa.Column("claim_ids", sa.JSON, nullable=False),
    sa.Column("reviewer", sa.String(100), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

site_settings = sa.Table(
    "site_settings",
    metadata,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.JSON, nullable=False),
)
