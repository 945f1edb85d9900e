"""The store: documents, claims, incidents and the outcome log in SQLite or PostgreSQL.

Schema changes are Alembic migrations shipped in `migrations/`; `Store.open` applies them.
"""
from __future__ import annotations

from svidok.store.search import SearchHit
from svidok.store.store import Store

__all__ = ["SearchHit", "Store"]
