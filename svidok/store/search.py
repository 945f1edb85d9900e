"""Full-text search over documents (title and text) and claims (evidence text), and the incident list's search rows.

SQLite keeps an FTS5 table that the store updates on each write; PostgreSQL needs no
extra writes, since GIN indexes over `to_tsvector('simple', ...)` follow the columns.
Both split words without stemming, so a query finds the same rows on either.

The incident list searches incidents, not claims: each incident has one text (its
documents) and the filter columns of its claims, keyed by its list position, so a page of
matches is read in list order (tables `incident_texts`, `incident_claim_filters`; on
SQLite also the FTS5 table `incident_search`). Whoever writes incidents calls
`reindex_incidents` in the same transaction.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

import sqlalchemy as sa

from svidok.store.schema import (
    claims,
    documents,
    incident_claim_filters,
    incident_claims,
    incident_texts,
    incidents,
)

HitKind = Literal["document", "claim"]


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    id: str
    document_id: str
    snippet: str
    # Higher is better; comparable within one result list, not across databases.
    score: float


@dataclass(frozen=True)
class IncidentMatches:
    """A text search of incidents: rows of `table` where `condition` holds, each the incident at list `position`.

    Unranked: the list keeps the linker's order, and a filter needs every match.
    """

    table: sa.FromClause
    position: sa.ColumnElement[int]
    condition: sa.ColumnElement[bool]


class SearchIndex(Protocol):
    def index_document(self, connection: sa.Connection, document_id: str, body: str) -> None: ...

    def replace_claims(
        self, connection: sa.Connection, document_id: str, claims: Iterable[tuple[str, str]]
    ) -> None: ...

    def search(self, connection: sa.Connection, query: str, limit: int) -> list[SearchHit]: ...

    def reindex_incidents(self, connection: sa.Connection, incident_ids: list[str] | None) -> None:
        """Rewrite the search rows of these incidents (of all, given None) from their current claims."""
        ...

    def incident_matches(self, query: str) -> IncidentMatches:
        """The incidents whose documents, taken together, hold every word of `query`."""
        ...


class SqliteSearch:
    """FTS5 tables `search_index(kind, id, document_id, body)` and `incident_search(body)`, made by the migrations.

    `incident_search` indexes `incident_texts` (external content) with the list position as rowid.
    """

    def index_document(self, connection: sa.Connection, document_id: str, body: str) -> None:
        connection.execute(
            sa.text("INSERT INTO search_index (kind, id, document_id, body) VALUES ('document', :id, :id, :body)"),
            {"id": document_id, "body": body},
        )

    def replace_claims(
        self, connection: sa.Connection, document_id: str, claims: Iterable[tuple[str, str]]
    ) -> None:
        connection.execute(
            sa.text("DELETE FROM search_index WHERE kind = 'claim' AND document_id = :document_id"),
            {"document_id": document_id},
        )
        rows = [{"id": claim_id, "document_id": document_id, "body": body} for claim_id, body in claims]
        if rows:
            connection.execute(
                sa.text(
                    "INSERT INTO search_index (kind, id, document_id, body) "
                    "VALUES ('claim', :id, :document_id, :body)"
                ),
                rows,
            )

    def search(self, connection: sa.Connection, query: str, limit: int) -> list[SearchHit]:
        rows = connection.execute(
            sa.text(
                "SELECT kind, id, document_id, "
                "snippet(search_index, 3, '[', ']', ' … ', 16) AS snippet, "
                "-bm25(search_index) AS score "
                "FROM search_index WHERE search_index MATCH :query "
                "ORDER BY bm25(search_index), id LIMIT :limit"
            ),
            {"query": _fts5_all_words(query), "limit": limit},
        )
        return [SearchHit(row.kind, row.id, row.document_id, row.snippet, row.score) for row in rows]

    def reindex_incidents(self, connection: sa.Connection, incident_ids: list[str] | None) -> None:
        if incident_ids is None:
            replace_incident_search_rows(connection, None)
            connection.execute(sa.text("INSERT INTO incident_search (incident_search) VALUES ('rebuild')"))
            return
        # An external-content FTS5 table forgets a row only when told the text it indexed.
        stale = _stale_incident_texts(incident_ids)
        connection.execute(
            sa.insert(_incident_search).from_select(
                ["incident_search", "rowid", "body"],
                sa.select(sa.literal("delete"), incident_texts.c.position, incident_texts.c.body).where(stale),
            )
        )
        replace_incident_search_rows(connection, incident_ids)
        connection.execute(
            sa.insert(_incident_search).from_select(
                ["rowid", "body"],
                sa.select(incident_texts.c.position, incident_texts.c.body).where(
                    incident_texts.c.incident_id.in_(incident_ids)
                ),
            )
        )

    def incident_matches(self, query: str) -> IncidentMatches:
        # FTS5 yields rowids (list positions) in ascending order, so a page ordered by rowid stops early.
        matched = sa.text("incident_search MATCH :incident_words").bindparams(incident_words=_fts5_all_words(query))
        return IncidentMatches(_incident_search, _incident_search.c.rowid, matched)


_incident_search = sa.table("incident_search", sa.column("incident_search"), sa.column("rowid"), sa.column("body"))


def _fts5_all_words(query: str) -> str:
    """Every word as a quoted FTS5 string, so user input is never read as FTS5 syntax.

    Like PostgreSQL's plainto_tsquery, all words must occur.
    """
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


# Must match the expressions of the GIN indexes made by the migrations (0006): a tsvector holds
# at most 1 MB, so PostgreSQL indexes the first 250,000 characters of each text.
_PG_INDEXED_CHARACTERS = 250_000
_DOCUMENT_BODY = f"left(coalesce(title, '') || ' ' || text, {_PG_INDEXED_CHARACTERS})"
_DOCUMENT_VECTOR = f"to_tsvector('simple', {_DOCUMENT_BODY})"
_CLAIM_VECTOR = f"to_tsvector('simple', left(evidence_text, {_PG_INDEXED_CHARACTERS}))"
_HEADLINE_OPTIONS = 'StartSel=[, StopSel=], MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "'


class PostgresSearch:
    """GIN indexes over to_tsvector('simple', ...), queried with plainto_tsquery."""

    def index_document(self, connection: sa.Connection, document_id: str, body: str) -> None:
        """Nothing to do: the index follows the documents table."""

    def replace_claims(
        self, connection: sa.Connection, document_id: str, claims: Iterable[tuple[str, str]]
    ) -> None:
        """Nothing to do: the index follows the claims table."""

    def search(self, connection: sa.Connection, query: str, limit: int) -> list[SearchHit]:
        # Rank and cut first, so headlines are built only for the hits returned.
        statement = sa.text(
            "WITH q AS (SELECT plainto_tsquery('simple', :query) AS query), "
            "hits AS ("
            f"  SELECT 'document' AS kind, id, id AS document_id, {_DOCUMENT_BODY} AS body, "
            f"         ts_rank({_DOCUMENT_VECTOR}, q.query) AS score "
            f"  FROM documents, q WHERE {_DOCUMENT_VECTOR} @@ q.query "
            "  UNION ALL "
            "  SELECT 'claim', id, document_id, evidence_text, "
            f"         ts_rank({_CLAIM_VECTOR}, q.query) "
            f"  FROM claims, q WHERE {_CLAIM_VECTOR} @@ q.query "
            "  ORDER BY score DESC, id LIMIT :limit) "
            f"SELECT kind, id, document_id, ts_headline('simple', body, q.query, :headline_options) AS snippet, "
            "score FROM hits, q ORDER BY score DESC, id"
        )
        parameters = {"query": query, "limit": limit, "headline_options": _HEADLINE_OPTIONS}
        rows = connection.execute(statement, parameters)
        return [SearchHit(row.kind, row.id, row.document_id, row.snippet, float(row.score)) for row in rows]

    def reindex_incidents(self, connection: sa.Connection, incident_ids: list[str] | None) -> None:
        """Only the texts: the GIN index follows the table."""
        replace_incident_search_rows(connection, incident_ids)

    def incident_matches(self, query: str) -> IncidentMatches:
        # Written as in the GIN index's expression, so the planner uses it.
        indexed = sa.func.left(incident_texts.c.body, sa.literal_column(str(_PG_INDEXED_CHARACTERS)))
        vector = sa.func.to_tsvector(sa.literal_column("'simple'"), indexed)
        matched = vector.bool_op("@@")(sa.func.plainto_tsquery("simple", query))
        return IncidentMatches(incident_texts, incident_texts.c.position, matched)


_INDEXES: dict[str, SearchIndex] = {"sqlite": SqliteSearch(), "postgresql": PostgresSearch()}


def search_index_for(dialect: str) -> SearchIndex:
    try:
        return _INDEXES[dialect]
    except KeyError:
        raise ValueError(f"no full-text search for {dialect}; use SQLite or PostgreSQL") from None


def reindex_incidents(connection: sa.Connection, incident_ids: list[str] | None = None) -> None:
    """Bring the search rows of these incidents (of all, given None) in step with their claims.

    The writers of incidents call it in their transaction, after the incidents and their
    claim links are written; an id no longer stored drops its rows.
    """
    search_index_for(connection.dialect.name).reindex_incidents(connection, incident_ids)


def replace_incident_search_rows(connection: sa.Connection, incident_ids: list[str] | None) -> None:
    """Write anew each incident's text (its documents' titles and texts) and its claims' filter columns."""
    stale = _stale_incident_texts(incident_ids)
    # The positions these incidents held (from their texts) and hold now: a merged-away
    # incident has only the first, a new one only the second.
    held_positions = sa.union(
        sa.select(incident_texts.c.position).where(stale),
        sa.select(incidents.c.position).where(_among(incidents.c.id, incident_ids)),
    )
    if incident_ids is None:
        connection.execute(incident_claim_filters.delete())
    else:
        connection.execute(incident_claim_filters.delete().where(incident_claim_filters.c.position.in_(held_positions)))
    connection.execute(incident_texts.delete().where(stale))
    filters = (
        sa.select(incidents.c.position, claims.c.id, claims.c.admin1, claims.c.claimant_kind, claims.c.date_start)
        .join(incident_claims, incident_claims.c.incident_id == incidents.c.id)
        .join(claims, claims.c.id == incident_claims.c.claim_id)
        .where(_among(incidents.c.id, incident_ids))
    )
    connection.execute(
        sa.insert(incident_claim_filters).from_select(
            ["position", "claim_id", "admin1", "claimant_kind", "date_start"], filters
        )
    )
    held_documents = (
        sa.select(incident_claims.c.incident_id, claims.c.document_id)
        .join(claims, claims.c.id == incident_claims.c.claim_id)
        .where(_among(incident_claims.c.incident_id, incident_ids))
        .distinct()
        .subquery()
    )
    body = sa.func.aggregate_strings(sa.func.coalesce(documents.c.title, "") + " " + documents.c.text, " ")
    texts = (
        sa.select(incidents.c.position, incidents.c.id, body)
        .join(held_documents, held_documents.c.incident_id == incidents.c.id)
        .join(documents, documents.c.id == held_documents.c.document_id)
        .group_by(incidents.c.position, incidents.c.id)
    )
    connection.execute(sa.insert(incident_texts).from_select(["position", "incident_id", "body"], texts))


def _stale_incident_texts(incident_ids: list[str] | None) -> sa.ColumnElement[bool]:
    """Texts of these incidents, and any text at a position one of them now holds."""
    if incident_ids is None:
        return sa.true()
    positions = sa.select(incidents.c.position).where(incidents.c.id.in_(incident_ids))
    return incident_texts.c.incident_id.in_(incident_ids) | incident_texts.c.position.in_(positions)


def _among(column: sa.ColumnElement[str], incident_ids: list[str] | None) -> sa.ColumnElement[bool]:
    """`column` is one of `incident_ids`; every value is, given None."""
    return sa.true() if incident_ids is None else column.in_(incident_ids)
