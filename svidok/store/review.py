"""Analysts' decisions: accept or reject a claim or an incident, merge two incidents.

Each change and its audit entry commit in one transaction, so the log holds every change
and nothing else. Decisions live beside the linker's incidents (table `reviews`, keyed by the
stable incident id), so relinking does not overwrite them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import sqlalchemy as sa

from svidok.records import Incident, IncidentStatus
from svidok.store.audit import AuditLog
from svidok.store.schema import claims, incident_claims, incidents
from svidok.store.store import Store
from svidok.store.workbench_tables import reviews

SubjectKind = Literal["claim", "incident"]
Decision = Literal["accepted", "rejected"]
DECISIONS: tuple[Decision, ...] = ("accepted", "rejected")
_VERB: dict[str, str] = {"accepted": "accept", "rejected": "reject"}

# What an analyst's decision makes of an incident's status.
DECIDED_STATUS: dict[str, IncidentStatus] = {"accepted": "verified", "rejected": "rejected"}


@dataclass(frozen=True)
class Review:
    kind: SubjectKind
    subject_id: str
    decision: Decision
    comment: str
    reviewer: str
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject_id": self.subject_id,
            "decision": self.decision,
            "comment": self.comment,
            "reviewer": self.reviewer,
            "at": self.at.isoformat(),
        }


class Reviews:
    def __init__(self, store: Store) -> None:
        self._engine = store.engine
        self._audit = AuditLog(store)

    def decide(self, reviewer: str, kind: SubjectKind, subject_id: str, decision: Decision, comment: str) -> Review:
        """Record `decision` on a claim or incident; ValueError if it does not exist or the decision is unknown."""
        if decision not in DECISIONS:
            raise ValueError(f"unknown decision {decision!r}; use one of {', '.join(DECISIONS)}")
        table = claims if kind == "claim" else incidents
        review = Review(kind, subject_id, decision, comment, reviewer, datetime.now(UTC))
        with self._engine.begin() as connection:
            if connection.execute(sa.select(table.c.id).where(table.c.id == subject_id)).first() is None:
                raise ValueError(f"no {kind} {subject_id!r}; no decision recorded")
            before = _review_of(connection, kind, subject_id)
            key = (reviews.c.kind == kind) & (reviews.c.subject_id == subject_id)
            connection.execute(reviews.delete().where(key))
            connection.execute(reviews.insert().values(**review.to_json() | {"at": review.at}))
            self._audit.append(
                connection, reviewer, f"{_VERB[decision]}_{kind}", f"{kind}:{subject_id}",
                before.to_json() if before else None, review.to_json(),
            )
        return review

    def review_of(self, kind: SubjectKind, subject_id: str) -> Review | None:
        with self._engine.connect() as connection:
            return _review_of(connection, kind, subject_id)

    def reviews_of_claims(self, claim_ids: list[str]) -> dict[str, Review]:
        statement = sa.select(reviews).where((reviews.c.kind == "claim") & reviews.c.subject_id.in_(claim_ids))
        with self._engine.connect() as connection:
            return {row.subject_id: _review(row) for row in connection.execute(statement)}

    def merge(self, reviewer: str, kept_id: str, absorbed_id: str, comment: str) -> Incident:
        """Fold incident `absorbed_id` into `kept_id` (claims, sources, claimants); return the result.

        ValueError when either is missing, they are the same, or their types differ (an
        incident is one kind of event).
        """
        if kept_id == absorbed_id:
            raise ValueError(f"cannot merge incident {kept_id} into itself")
        with self._engine.begin() as connection:
            kept, absorbed = (_incident(connection, i) for i in (kept_id, absorbed_id))
            if kept.type != absorbed.type:
                raise ValueError(
                    f"cannot merge a {absorbed.type} incident ({absorbed_id}) into a {kept.type} incident ({kept_id})"
                )
            merged = merged_incident(kept, absorbed)
            connection.execute(
                incident_claims.update().where(incident_claims.c.incident_id == absorbed_id).values(incident_id=kept_id)
            )
            connection.execute(incidents.delete().where(incidents.c.id == absorbed_id))
            connection.execute(
                incidents.update().where(incidents.c.id == kept_id).values(status=merged.status, data=merged.to_json())
            )
            self._audit.append(
                connection, reviewer, "merge_incidents", f"incident:{kept_id}",
                {"kept": kept.to_json(), "absorbed": absorbed.to_json()},
                {"kept": merged.to_json(), "comment": comment},
            )
        return merged


def merged_incident(kept: Incident, absorbed: Incident) -> Incident:
    """One incident from two of the same type.

    The independent-claimant count adds the two and subtracts the claimants they share. It is
    an estimate (the linker's claimant lists also name deniers, and copies across the two are
    not re-detected) until the linker offers a public way to rebuild an incident from claims.
    """
    claimants = list(dict.fromkeys(kept.claimants + absorbed.claimants))
    shared = len(set(kept.claimants) & set(absorbed.claimants))
    independent = max(kept.independent_claimant_count + absorbed.independent_claimant_count - shared, 0)
    starts = [d for d in (kept.date_start, absorbed.date_start) if d]
    ends = [d for d in (kept.date_end, absorbed.date_end) if d]
    document_ids = sorted(set(kept.document_ids) | set(absorbed.document_ids))
    return Incident(
        id=kept.id,
        type=kept.type,
        claim_ids=sorted(set(kept.claim_ids) | set(absorbed.claim_ids)),
        document_ids=document_ids,
        source_count=len(document_ids),
        independent_claimant_count=independent,
        claimants=claimants,
        claimant_kinds=list(dict.fromkeys(kept.claimant_kinds + absorbed.claimant_kinds)),
        status=_merged_status(kept, absorbed, independent),
        places=kept.places + [p for p in absorbed.places if p not in kept.places],
        date_start=min(starts) if starts else None,
        date_end=max(ends) if ends else None,
        summary=kept.summary,
    )


def _merged_status(kept: Incident, absorbed: Incident, independent: int) -> IncidentStatus:
    if "contested" in (kept.status, absorbed.status):
        return "contested"
    return "corroborated" if independent >= 2 else "single_source"


def _incident(connection: sa.Connection, incident_id: str) -> Incident:
    data = connection.execute(sa.select(incidents.c.data).where(incidents.c.id == incident_id)).scalar()
    if data is None:
        raise ValueError(f"no incident {incident_id!r}; nothing was merged")
    return Incident.from_json(data)


def _review_of(connection: sa.Connection, kind: str, subject_id: str) -> Review | None:
    key = (reviews.c.kind == kind) & (reviews.c.subject_id == subject_id)
    row = connection.execute(sa.select(reviews).where(key)).first()
    return _review(row) if row else None


def _review(row: sa.Row[Any]) -> Review:
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
    return Review(row.kind, row.subject_id, row.decision, row.comment, row.reviewer, at)
