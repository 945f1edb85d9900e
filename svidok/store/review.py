"""Analysts' decisions: accept or reject a claim or an incident, merge or split incidents, edit claims.

Each change and its audit entry commit in one transaction, so the log holds every change
and nothing else. Decisions live beside the linker's incidents (table `reviews`, keyed by the
incident id, which relinking keeps; merges and splits as claim groupings that relinking
replays, see groupings.py), so relinking does not overwrite them.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import sqlalchemy as sa

from svidok.records import Claim, Document, Incident, IncidentStatus
from svidok.store.audit import AuditLog
from svidok.store.groupings import GroupingDecision, Groupings, unused_incident_id
from svidok.store.rows import claim_row, document_from_row
from svidok.store.schema import claims, documents, incident_claims, incidents
from svidok.store.search import reindex_incidents
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


# Builds an incident from its claims and their documents as the linker does
# (`svidok.link.incidents.build_incident`); handed in, since the store does not import the linker.
IncidentBuilder = Callable[[list[Claim], Mapping[str, Document]], Incident]


class Reviews:
    def __init__(self, store: Store, build_incident: IncidentBuilder) -> None:
        self._engine = store.engine
        self._audit = AuditLog(store)
        self._groupings = Groupings(store)
        self._build_incident = build_incident

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
        """Fold incident `absorbed_id` into `kept_id` and rebuild it from all their claims.

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
            merged = self._rebuilt(connection, kept.claim_ids + absorbed.claim_ids, kept_id)
            connection.execute(incidents.delete().where(incidents.c.id == absorbed_id))
            _save(connection, merged)
            reindex_incidents(connection, [kept_id, absorbed_id])
            self._groupings.record(connection, reviewer, GroupingDecision("merge", frozenset(merged.claim_ids)))
            self._audit.append(
                connection, reviewer, "merge_incidents", f"incident:{kept_id}",
                {"kept": kept.to_json(), "absorbed": absorbed.to_json()},
                {"kept": merged.to_json(), "comment": comment},
            )
        return merged

    def split(self, reviewer: str, incident_id: str, moved_claim_ids: list[str], comment: str) -> Incident:
        """Move the claims `moved_claim_ids` out of the incident into a new one; return the new one.

        ValueError when the incident is missing, a claim is not in it, or the move would
        leave either incident without claims.
        """
        with self._engine.begin() as connection:
            original = _incident(connection, incident_id)
            staying, moved = self._split_off(connection, reviewer, original, set(moved_claim_ids))
            self._audit.append(
                connection, reviewer, "split_incident", f"incident:{incident_id}",
                original.to_json(), {"kept": staying.to_json(), "split_off": moved.to_json(), "comment": comment},
            )
        return moved

    def edit_claim(self, reviewer: str, edited: Claim, comment: str) -> Claim:
        """Store an analyst's corrected fields of a claim and rebuild its incident.

        The evidence and the document stay as extracted: only what was read from them
        changes. A claim whose type changes leaves an incident of other claims for one of its
        own, since an incident is one kind of event. ValueError when the claim is not stored.
        """
        with self._engine.begin() as connection:
            row = connection.execute(
                sa.select(claims.c.data, claims.c.position).where(claims.c.id == edited.id)
            ).first()
            if row is None or edited.id is None:
                raise ValueError(f"no claim {edited.id!r}; nothing was edited")
            before = Claim.from_json(row.data)
            edited = dataclasses.replace(edited, document_id=before.document_id, evidence=before.evidence)
            connection.execute(claims.update().where(claims.c.id == edited.id).values(claim_row(edited, edited.id, row.position)))
            self._rebuild_incident_of(connection, reviewer, before, edited)
            self._audit.append(
                connection, reviewer, "edit_claim", f"claim:{edited.id}",
                before.to_json(), {"claim": edited.to_json(), "comment": comment},
            )
        return edited

    def _rebuild_incident_of(self, connection: sa.Connection, reviewer: str, before: Claim, edited: Claim) -> None:
        claim_id = edited.id or ""
        incident_id = connection.execute(
            sa.select(incident_claims.c.incident_id).where(incident_claims.c.claim_id == claim_id)
        ).scalar()
        if incident_id is None:
            return
        incident = _incident(connection, incident_id)
        if edited.type != before.type and len(incident.claim_ids) > 1:
            self._split_off(connection, reviewer, incident, {claim_id})
        else:
            _save(connection, self._rebuilt(connection, incident.claim_ids, incident_id))
            reindex_incidents(connection, [incident_id])

    def _split_off(
        self, connection: sa.Connection, reviewer: str, original: Incident, moved_ids: set[str]
    ) -> tuple[Incident, Incident]:
        strangers = moved_ids - set(original.claim_ids)
        if strangers:
            raise ValueError(f"claims {sorted(strangers)} are not in incident {original.id}; nothing was split")
        if not moved_ids or moved_ids == set(original.claim_ids):
            raise ValueError(f"choose some but not all claims of incident {original.id} to split off")
        staying = self._rebuilt(connection, [c for c in original.claim_ids if c not in moved_ids], original.id)
        moved = self._rebuilt(connection, sorted(moved_ids), None)
        taken = set(connection.execute(sa.select(incidents.c.id).where(incidents.c.id == moved.id)).scalars())
        moved = dataclasses.replace(moved, id=unused_incident_id(moved, taken))
        _save(connection, staying)
        _save(connection, moved)
        # Only now, with both written, does each hold just its own claims.
        reindex_incidents(connection, [staying.id, moved.id])
        self._groupings.record(connection, reviewer, GroupingDecision("split", frozenset(moved_ids)))
        return staying, moved

    def _rebuilt(self, connection: sa.Connection, claim_ids: list[str], incident_id: str | None) -> Incident:
        """The incident the linker would build of these claims, under `incident_id` if given."""
        its_claims = [
            Claim.from_json(data)
            for data in connection.execute(sa.select(claims.c.data).where(claims.c.id.in_(claim_ids))).scalars()
        ]
        document_ids = {claim.document_id for claim in its_claims}
        its_documents = {
            row.id: document_from_row(row)
            for row in connection.execute(documents.select().where(documents.c.id.in_(document_ids)))
        }
        built = self._build_incident(its_claims, its_documents)
        return dataclasses.replace(built, id=incident_id) if incident_id else built


def _save(connection: sa.Connection, incident: Incident) -> None:
    """Write the incident (a new one goes last in the list) and make it the holder of its claims."""
    values = {"type": incident.type, "status": incident.status, "data": incident.to_json()}
    updated = connection.execute(incidents.update().where(incidents.c.id == incident.id).values(**values))
    if updated.rowcount == 0:
        last = connection.execute(sa.select(sa.func.max(incidents.c.position))).scalar()
        connection.execute(incidents.insert().values(id=incident.id, position=(last or 0) + 1, **values))
    connection.execute(incident_claims.delete().where(incident_claims.c.claim_id.in_(incident.claim_ids)))
    connection.execute(
        incident_claims.insert(), [{"incident_id": incident.id, "claim_id": claim_id} for claim_id in incident.claim_ids]
    )


def _incident(connection: sa.Connection, incident_id: str) -> Incident:
    data = connection.execute(sa.select(incidents.c.data).where(incidents.c.id == incident_id)).scalar()
    if data is None:
        raise ValueError(f"no incident {incident_id!r}; nothing was changed")
    return Incident.from_json(data)


def _review_of(connection: sa.Connection, kind: str, subject_id: str) -> Review | None:
    key = (reviews.c.kind == kind) & (reviews.c.subject_id == subject_id)
    row = connection.execute(sa.select(reviews).where(key)).first()
    return _review(row) if row else None


def _review(row: sa.Row[Any]) -> Review:
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
    return Review(row.kind, row.subject_id, row.decision, row.comment, row.reviewer, at)
