"""Full-text search over documents (title and text) and claims (evidence text).

SQLite keeps an FTS5 table that the store updates on each write; PostgreSQL needs no
extra writes, since GIN indexes over `to_tsvector('simple', ...)` follow the columns.
Both split words without stemming, so a query finds the same rows on either.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import sqlalchemy as sa

from svidok.store.schema import claims, documents

HitKind = Literal["document", "claim"]


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    id: str
    document_id: str
    snippet: str
    # Higher is better; comparable within one result list, not across databases.
    score: float


class SearchIndex(Protocol):
    def index_document(self, connection: sa.Connection, document_id: str, body: str) -> None: ...

    def replace_claims(
        self, connection: sa.Connection, document_id: str, claims: Iterable[tuple[str, str]]
    ) -> None: ...

    def search(self, connection: sa.Connection, query: str, limit: int) -> list[SearchHit]: ...

    def matching_claim_ids(self, query: str) -> sa.CompoundSelect | sa.Select[Any]:
        """Ids of the claims whose evidence or whose document holds every word of `query`,
        unranked: a filter needs all matches, and ranking them all is what makes it slow."""
        ...


class SqliteSearch:
    """FTS5 table `search_index(kind, id, document_id, body)`, created by the migration."""

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


    def matching_claim_ids(self, query: str) -> sa.Select[Any]:
        index = sa.table("search_index", sa.column("kind"), sa.column("id"), sa.column("document_id"))
        matched = sa.text("search_index MATCH :search_words").bindparams(search_words=_fts5_all_words(query))
        claim_hits = sa.select(index.c.id).where(matched, index.c.kind == "claim")
        # A union of two joins, not an OR of two IN tests: SQLite would scan every claim for the OR.
        claims_of_document_hits = (
            sa.select(claims.c.id)
            .join(index, claims.c.document_id == index.c.id)
            .where(matched, index.c.kind == "document")
        )
        return sa.union(claim_hits, claims_of_document_hits)


def _fts5_all_words(query: str) -> str:
    """Every word as a quoted FTS5 string, so user input is never read as FTS5 syntax.

    Like PostgreSQL's plainto_tsquery, all words must occur.
    """
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


# Must match the expressions of the GIN indexes made by the migration.
_DOCUMENT_BODY = "coalesce(title, '') || ' ' || text"
_DOCUMENT_VECTOR = f"to_tsvector('simple', {_DOCUMENT_BODY})"
_CLAIM_VECTOR = "to_tsvector('simple', evidence_text)"
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

    def matching_claim_ids(self, query: str) -> sa.Select[Any]:
        # The vectors are written as in the GIN indexes' expressions, so the planner uses them.
        words = sa.func.plainto_tsquery("simple", query)
        document_hits = sa.select(documents.c.id).where(sa.literal_column(_DOCUMENT_VECTOR).bool_op("@@")(words))
        return sa.select(claims.c.id).where(
            sa.literal_column(_CLAIM_VECTOR).bool_op("@@")(words) | claims.c.document_id.in_(document_hits)
        )


_INDEXES: dict[str, SearchIndex] = {"sqlite": SqliteSearch(), "postgresql": PostgresSearch()}


def search_index_for(dialect: str) -> SearchIndex:
    try:
        return _INDEXES[dialect]
    except KeyError:
        raise ValueError(f"no full-text search for {dialect}; use SQLite or PostgreSQL") from None
