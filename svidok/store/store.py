"""The store: records in and out of SQLite (by default) or PostgreSQL, through SQLAlchemy.

Documents are immutable: there is no update path, and adding the same bytes again is a no-op
reported as a `duplicate` outcome. Claims are replaced per document, incidents as a whole.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from svidok.records import Claim, Document, Incident, Outcome
from svidok.store.migrate import upgrade_to_head
from svidok.store.rows import (
    claim_row,
    document_from_row,
    document_row,
    searchable_document_text,
)
from svidok.store.schema import claims, documents, incident_claims, incidents, outcomes
from svidok.store.search import SearchHit, SearchIndex, search_index_for

# Rows fetched per round trip when streaming documents or claims.
_STREAM_BATCH = 500


class Store:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._search: SearchIndex = search_index_for(engine.dialect.name)

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to `url` and bring its schema to the newest migration."""
        engine = sa.create_engine(url)
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _configure_sqlite)
        upgrade_to_head(engine)
        return cls(engine)

    @property
    def engine(self) -> sa.Engine:
        """For the store's companion modules (accounts, audit, review, queries), not for callers."""
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    # Documents

    def add_document(self, document: Document) -> Outcome:
        """Store `document` unless the same bytes are stored already."""
        try:
            with self._engine.begin() as connection:
                earlier_origin = self._stored_origin(connection, document.id)
                if earlier_origin is not None:
                    return _duplicate(document, earlier_origin)
                connection.execute(documents.insert().values(document_row(document)))
                self._search.index_document(connection, document.id, searchable_document_text(document))
        except IntegrityError:
            # Another writer may have stored the same bytes between our check and our insert.
            with self._engine.connect() as connection:
                earlier_origin = self._stored_origin(connection, document.id)
            if earlier_origin is None:
                raise
            return _duplicate(document, earlier_origin)
        return Outcome(document.origin, "stored", "", document.id)

    def get_document(self, document_id: str) -> Document | None:
        with self._engine.connect() as connection:
            row = connection.execute(documents.select().where(documents.c.id == document_id)).first()
        return document_from_row(row) if row else None

    def iter_documents(self) -> Iterator[Document]:
        statement = documents.select().order_by(documents.c.captured_at, documents.c.id)
        for row in self._stream(statement):
            yield document_from_row(row)

    def document_ids_not_extracted(self) -> list[str]:
        """Documents that no extraction has finished with: never tried, or every try failed.

        A document that yielded no claim, or was skipped with a reason, is done: it is not
        extracted again on every run.
        """
        finished = sa.exists().where(
            outcomes.c.document_id == documents.c.id,
            outcomes.c.step == "extract",
            outcomes.c.status.in_(("stored", "skipped")),
        )
        statement = (
            sa.select(documents.c.id).where(~finished).order_by(documents.c.captured_at, documents.c.id)
        )
        with self._engine.connect() as connection:
            return list(connection.execute(statement).scalars())

    # Claims

    def replace_claims(self, document_id: str, document_claims: list[Claim]) -> None:
        """Make `document_claims` the claims of the document, dropping any it had before.

        Claims without an id get `<document_id>#<position>`.
        """
        strangers = [claim.document_id for claim in document_claims if claim.document_id != document_id]
        if strangers:
            raise ValueError(f"claims of document {strangers[0]} given as claims of {document_id}")
        rows = [
            claim_row(claim, claim.id or f"{document_id}#{position}", position)
            for position, claim in enumerate(document_claims)
        ]
        with self._engine.begin() as connection:
            if self._stored_origin(connection, document_id) is None:
                raise ValueError(f"no document {document_id} in the store; add it before its claims")
            connection.execute(claims.delete().where(claims.c.document_id == document_id))
            if rows:
                connection.execute(claims.insert(), rows)
            self._search.replace_claims(connection, document_id, [(row["id"], row["evidence_text"]) for row in rows])

    def iter_claims(self) -> Iterator[Claim]:
        statement = sa.select(claims.c.data).order_by(claims.c.document_id, claims.c.position)
        for row in self._stream(statement):
            yield Claim.from_json(row.data)

    # Incidents

    def replace_incidents(self, new_incidents: list[Incident]) -> None:
        """Make `new_incidents` the incidents of the store, in this order."""
        links = [
            {"incident_id": incident.id, "claim_id": claim_id}
            for incident in new_incidents
            for claim_id in dict.fromkeys(incident.claim_ids)
        ]
        try:
            with self._engine.begin() as connection:
                connection.execute(incident_claims.delete())
                connection.execute(incidents.delete())
                if new_incidents:
                    connection.execute(incidents.insert(), [_incident_row(i, n) for n, i in enumerate(new_incidents)])
                if links:
                    connection.execute(incident_claims.insert(), links)
                self._search.reindex_incidents(connection, None)
        except IntegrityError:
            unknown = self._unknown_claim_ids({link["claim_id"] for link in links})
            if not unknown:
                raise
            raise ValueError(
                f"incidents refer to {len(unknown)} claims not in the store, e.g. {sorted(unknown)[:3]}; "
                "no incident was changed"
            ) from None

    def list_incidents(self) -> list[Incident]:
        with self._engine.connect() as connection:
            rows = connection.execute(sa.select(incidents.c.data).order_by(incidents.c.position))
            return [Incident.from_json(row.data) for row in rows]

    # Outcomes

    def record_outcome(self, outcome: Outcome, step: str) -> None:
        """Append to the log of how each input and step ended; nothing in it is ever changed."""
        with self._engine.begin() as connection:
            connection.execute(
                outcomes.insert().values(
                    step=step,
                    subject=outcome.subject,
                    status=outcome.status,
                    reason=outcome.reason,
                    document_id=outcome.document_id,
                    at=datetime.now(UTC),
                )
            )

    def list_outcomes(self, step: str | None = None) -> list[tuple[str, Outcome]]:
        statement = sa.select(outcomes).order_by(outcomes.c.id)
        if step is not None:
            statement = statement.where(outcomes.c.step == step)
        with self._engine.connect() as connection:
            return [
                (row.step, Outcome(row.subject, row.status, row.reason, row.document_id))
                for row in connection.execute(statement)
            ]

    # Search

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents and claims whose text holds every word of `query`, best first."""
        query = searchable(query)
        if not query.split():
            return []
        with self._engine.connect() as connection:
            return self._search.search(connection, query, limit)

    # Internals

    def _stored_origin(self, connection: sa.Connection, document_id: str) -> str | None:
        statement = sa.select(documents.c.origin).where(documents.c.id == document_id)
        return connection.execute(statement).scalar_one_or_none()

    def _stream(self, statement: sa.Executable) -> Iterator[sa.Row[Any]]:
        with self._engine.connect() as connection:
            yield from connection.execution_options(yield_per=_STREAM_BATCH).execute(statement)

    def _unknown_claim_ids(self, claim_ids: set[str]) -> set[str]:
        with self._engine.connect() as connection:
            known = set(connection.execute(sa.select(claims.c.id).where(claims.c.id.in_(claim_ids))).scalars())
        return claim_ids - known


# NUL and other control characters are no words, and FTS5 and PostgreSQL reject some of them.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def searchable(query: str) -> str:
    """A user's query with control characters turned into spaces."""
    return _CONTROL_CHARACTERS.sub(" ", query)


def _duplicate(document: Document, earlier_origin: str) -> Outcome:
    return Outcome(document.origin, "duplicate", f"same bytes already stored from {earlier_origin}", document.id)


def _incident_row(incident: Incident, position: int) -> dict[str, Any]:
    return {
        "id": incident.id,
        "position": position,
        "type": incident.type,
        "status": incident.status,
        "data": incident.to_json(),
    }


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """Enforce foreign keys (off by default in SQLite) and let readers run beside a writer (WAL).

    With WAL, synchronous=NORMAL cannot corrupt the file; a power cut may lose only the last
    commits, and each commit no longer waits for a disk flush.
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()
