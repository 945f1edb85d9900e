"""Read queries of the web workbench: filtered, paginated incidents and what an incident rests on.

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
from svidok.store.schema import claims, incident_claims, incidents
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
        self._store = store
        self._engine = store.engine

    def incident_page(self, wanted: IncidentFilter, page: int = 1, per_page: int = 25) -> IncidentPage:
        """Incidents matching every filter given, in the linker's order; page 1 is the first."""
        # Clamped so that no page number overflows the database's integers; such pages are empty.
        page, per_page = min(max(page, 1), MAX_PAGE), min(max(per_page, 1), MAX_PER_PAGE)
        conditions = self._conditions(wanted)
        listed = (
            sa.select(incidents.c.data, _effective_status.label("effective_status"))
            .select_from(_incidents_with_reviews)
            .where(*conditions)
            .order_by(incidents.c.position)
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
        counted = sa.select(sa.func.count()).select_from(_incidents_with_reviews).where(*conditions)
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
            types = connection.execute(sa.select(incidents.c.type).distinct().order_by(incidents.c.type)).scalars()
            oblasts = connection.execute(
                sa.select(claims.c.admin1).where(claims.c.admin1.is_not(None)).distinct().order_by(claims.c.admin1)
            ).scalars()
            kinds = connection.execute(
                sa.select(claims.c.claimant_kind)
                .where(claims.c.claimant_kind.is_not(None))
                .distinct()
                .order_by(claims.c.claimant_kind)
            ).scalars()
            # Every status, not those in use: finding them would read every incident.
            return FilterChoices(list(types), list(oblasts), list(get_args(IncidentStatus)), list(kinds))

    def _conditions(self, wanted: IncidentFilter) -> list[sa.ColumnElement[bool]]:
        conditions: list[sa.ColumnElement[bool]] = []
        if wanted.type:
            conditions.append(incidents.c.type == wanted.type)
        if wanted.status:
            conditions.append(_effective_status == wanted.status)
        claim_conditions = _claim_conditions(wanted)
        if claim_conditions:
            conditions.append(incidents.c.id.in_(_incidents_of_claims(sa.and_(*claim_conditions))))
        if wanted.text and searchable(wanted.text).split():
            conditions.append(incidents.c.id.in_(self._incidents_matching(wanted.text)))
        return conditions

    def _incidents_matching(self, text: str) -> sa.Select[Any]:
        """Incidents with a claim whose evidence, or whose document, matches the full-text search."""
        return sa.select(incident_claims.c.incident_id).where(
            incident_claims.c.claim_id.in_(self._store.matching_claim_ids(text))
        )

    def _claims(self, statement: sa.Select[Any]) -> list[Claim]:
        with self._engine.connect() as connection:
            return [Claim.from_json(data) for data in connection.execute(statement).scalars()]


def _incidents_of_claims(claim_condition: sa.ColumnElement[bool]) -> sa.Select[Any]:
    return (
        sa.select(incident_claims.c.incident_id)
        .join(claims, claims.c.id == incident_claims.c.claim_id)
        .where(claim_condition)
    )


def _claim_conditions(wanted: IncidentFilter) -> list[sa.ColumnElement[bool]]:
    """Oblast, claimant kind and dates must hold for one and the same claim: "an NGO reported it in Kharkiv in May"."""
    conditions: list[sa.ColumnElement[bool]] = []
    if wanted.oblast:
        conditions.append(claims.c.admin1 == wanted.oblast)
    if wanted.claimant_kind:
        conditions.append(claims.c.claimant_kind == wanted.claimant_kind)
    if wanted.date_from:
        conditions.append(claims.c.date_start >= wanted.date_from)
    if wanted.date_to:
        conditions.append(claims.c.date_start <= wanted.date_to)
    return conditions


def _with_status(data: dict[str, Any], status: str) -> Incident:
    return dataclasses.replace(Incident.from_json(data), status=status)
