"""Read queries of the web workbench: filtered, paginated incidents and what an incident rests on.

The list reads the incidents' search rows (search.py): texts for the text search, claim
filter columns for oblast, claimant kind and dates, both keyed by list position, so a
page is found from indexes before any wide incident row is read.

Incident statuses here are effective ones: an analyst's decision (table `reviews`) overrides
the linker's status, so a relinked incident keeps its `verified` or `rejected`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any, get_args

import sqlalchemy as sa

from svidok.records import Claim, Incident, IncidentStatus
from svidok.store.review import DECIDED_STATUS
from svidok.store.schema import claims, incident_claim_filters, incident_claims, incidents
from svidok.store.search import search_index_for
from svidok.store.store import Store, searchable
from svidok.store.workbench_tables import reviews

_incident_reviews = reviews.alias("incident_reviews")
_effective_status = sa.case(
    *((_incident_reviews.c.decision == decision, status) for decision, status in DECIDED_STATUS.items()),
    else_=incidents.c.status,
)
_incidents_with_reviews = incidents.outerjoin(
    _incident_reviews, (_incident_reviews.c.kind == "incident") & (_incident_reviews.c.subject_id == incidents.c.id)
)


@dataclass(frozen=True)
class IncidentFilter:
    """Every filter given must hold; oblast, claimant kind and dates hold when one claim of the incident has them all."""

    type: str | None = None
    oblast: str | None = None
    status: str | None = None
    # Every word occurs in the incident's documents (titles and texts), not necessarily in one.
    text: str | None = None
    claimant_kind: str | None = None
    # A claim of the incident dates the event's start within these days (both included).
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class IncidentPage:
    incidents: list[Incident]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class FilterChoices:
    """The values each filter can take, for the filter form."""

    types: list[str]
    oblasts: list[str]
    statuses: list[str]
    claimant_kinds: list[str]


MAX_PAGE = 1_000_000
MAX_PER_PAGE = 1_000


class IncidentQueries:
    def __init__(self, store: Store) -> None:
        self._engine = store.engine
        self._search = search_index_for(store.engine.dialect.name)

    def incident_page(self, wanted: IncidentFilter, page: int = 1, per_page: int = 25) -> IncidentPage:
        """Incidents matching every filter given, in the linker's order; page 1 is the first."""
        # Clamped so that no page number overflows the database's integers; such pages are empty.
        page, per_page = min(max(page, 1), MAX_PAGE), min(max(per_page, 1), MAX_PER_PAGE)
        conditions = _conditions(wanted)
        text = searchable(wanted.text or "")
        if text.split():
            matches = self._search.incident_matches(text)
            # Read in the search index's order, which is the list's, so the page ends the reading.
            chosen = matches.table.join(incidents, incidents.c.position == matches.position)
            position, conditions = matches.position, [matches.condition, *conditions]
            # Every incident has its text, so with no other filter the index alone counts them.
            counted_from = chosen if len(conditions) > 1 else matches.table
        else:
            chosen = counted_from = incidents
            position = incidents.c.position
        # Positions first, then the rows of the page: only a page of the wide rows is read.
        on_page = (
            sa.select(position).select_from(chosen).where(*conditions)
            .order_by(position).limit(per_page).offset((page - 1) * per_page)
        )
        listed = (
            sa.select(incidents.c.data, _effective_status.label("effective_status"))
            .select_from(_incidents_with_reviews)
            .where(incidents.c.position.in_(on_page))
            .order_by(incidents.c.position)
        )
        counted = sa.select(sa.func.count()).select_from(counted_from).where(*conditions)
        with self._engine.connect() as connection:
            total = int(connection.execute(counted).scalar_one())
            rows = connection.execute(listed).all()
        return IncidentPage([_with_status(row.data, row.effective_status) for row in rows], total, page, per_page)

    def get_incident(self, incident_id: str) -> Incident | None:
        statement = (
            sa.select(incidents.c.data, _effective_status.label("effective_status"))
            .select_from(_incidents_with_reviews)
            .where(incidents.c.id == incident_id)
        )
        with self._engine.connect() as connection:
            row = connection.execute(statement).first()
        return _with_status(row.data, row.effective_status) if row else None

    def get_claim(self, claim_id: str) -> Claim | None:
        with self._engine.connect() as connection:
            data = connection.execute(sa.select(claims.c.data).where(claims.c.id == claim_id)).scalar()
        return Claim.from_json(data) if data is not None else None

    def claims_of_incident(self, incident_id: str) -> list[Claim]:
        statement = (
            sa.select(claims.c.data)
            .join(incident_claims, incident_claims.c.claim_id == claims.c.id)
            .where(incident_claims.c.incident_id == incident_id)
            .order_by(claims.c.document_id, claims.c.position)
        )
        return self._claims(statement)

    def claims_of_document(self, document_id: str) -> list[Claim]:
        statement = (
            sa.select(claims.c.data).where(claims.c.document_id == document_id).order_by(claims.c.position)
        )
        return self._claims(statement)

    def incident_ids_of_claims(self, claim_ids: list[str]) -> dict[str, str]:
        """Claim id to the id of the incident holding it."""
        statement = sa.select(incident_claims).where(incident_claims.c.claim_id.in_(claim_ids))
        with self._engine.connect() as connection:
            return {row.claim_id: row.incident_id for row in connection.execute(statement)}

    def filter_choices(self) -> FilterChoices:
        with self._engine.connect() as connection:
            # Oblasts and claimant kinds of claims in incidents: the others match no incident.
            filtered = (incidents.c.type, incident_claim_filters.c.admin1, incident_claim_filters.c.claimant_kind)
            types, oblasts, kinds = (connection.execute(_distinct_values(column)).scalars().all() for column in filtered)
            # Every status, not those in use: finding them would read every incident.
            return FilterChoices(list(types), list(oblasts), list(get_args(IncidentStatus)), list(kinds))

    def _claims(self, statement: sa.Select[Any]) -> list[Claim]:
        with self._engine.connect() as connection:
            return [Claim.from_json(data) for data in connection.execute(statement).scalars()]


def _conditions(wanted: IncidentFilter) -> list[sa.ColumnElement[bool]]:
    """The conditions on incidents of every filter but the text search."""
    conditions: list[sa.ColumnElement[bool]] = []
    if wanted.type:
        conditions.append(incidents.c.type == wanted.type)
    if wanted.status:
        conditions.append(_has_effective_status(wanted.status))
    claim_conditions = _claim_conditions(wanted)
    if claim_conditions:
        conditions.append(incidents.c.position.in_(sa.select(incident_claim_filters.c.position).where(*claim_conditions)))
    return conditions


def _has_effective_status(status: str) -> sa.ColumnElement[bool]:
    """The linker gave the incident `status` and no analyst decided on it, or an analyst's decision means `status`.

    Written as subqueries, not over the joined reviews, so that the linker's status is read
    from the (status, position, id) index in list order.
    """
    decision_of_incident = sa.exists().where(
        reviews.c.kind == "incident", reviews.c.subject_id == incidents.c.id
    )
    held = (incidents.c.status == status) & ~decision_of_incident
    decisions = [decision for decision, decided in DECIDED_STATUS.items() if decided == status]
    if not decisions:
        return held
    # An IN, not a second EXISTS: SQLite then reads each side of the OR from an index.
    decided = sa.select(reviews.c.subject_id).where(reviews.c.kind == "incident", reviews.c.decision.in_(decisions))
    return held | incidents.c.id.in_(decided)


def _claim_conditions(wanted: IncidentFilter) -> list[sa.ColumnElement[bool]]:
    """Oblast, claimant kind and dates must hold for one and the same claim: "an NGO reported it in Kharkiv in May"."""
    conditions: list[sa.ColumnElement[bool]] = []
    if wanted.oblast:
        conditions.append(incident_claim_filters.c.admin1 == wanted.oblast)
    if wanted.claimant_kind:
        conditions.append(incident_claim_filters.c.claimant_kind == wanted.claimant_kind)
    if wanted.date_from:
        conditions.append(incident_claim_filters.c.date_start >= wanted.date_from)
    if wanted.date_to:
        conditions.append(incident_claim_filters.c.date_start <= wanted.date_to)
    return conditions


def _distinct_values(column: sa.Column[Any]) -> sa.Select[Any]:
    """The column's values but NULL, in order, each read by one step through an index that starts with the column.

    A plain DISTINCT reads every row: for claims, 100,000 of them for a dozen oblasts.
    """
    first = sa.select(column.label("value")).where(column.is_not(None)).order_by(column).limit(1)
    values = first.subquery().select().cte(f"{column.name}_values", recursive=True)
    following = sa.select(column).where(column > values.c.value).order_by(column).limit(1).scalar_subquery()
    values = values.union_all(sa.select(following).where(values.c.value.is_not(None)))
    return sa.select(values.c.value).where(values.c.value.is_not(None))


def _with_status(data: dict[str, Any], status: str) -> Incident:
    return dataclasses.replace(Incident.from_json(data), status=status)
