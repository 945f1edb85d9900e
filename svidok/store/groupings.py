"""Analysts' merges and splits as claim groupings that outlive relinking.

The linker rebuilds every incident from the claims on each run. What an analyst decided
about grouping is kept apart from the incidents, as claim ids: a merge says "these claims
belong together", a split says "these claims are one incident apart from the rest". After
each linking run the decisions are replayed in the order they were made over the linker's
groups, and each new incident takes the id of the old incident it shares the most claims
with, so decisions keyed by incident id (accepted, rejected) follow it.
"""
from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

import sqlalchemy as sa

from svidok.records import Incident
from svidok.store.store import Store
from svidok.store.workbench_tables import incident_groupings

GroupingAction = Literal["merge", "split"]


@dataclass(frozen=True)
class GroupingDecision:
    action: GroupingAction
    claim_ids: frozenset[str]


class Groupings:
    def __init__(self, store: Store) -> None:
        self._engine = store.engine

    def record(self, connection: sa.Connection, reviewer: str, decision: GroupingDecision) -> None:
        """Keep `decision`, inside the caller's transaction with the change it describes."""
        connection.execute(
            incident_groupings.insert().values(
                action=decision.action, claim_ids=sorted(decision.claim_ids), reviewer=reviewer, at=datetime.now(UTC)
            )
        )

    def decisions(self) -> list[GroupingDecision]:
        """Every grouping decision, oldest first."""
        statement = sa.select(incident_groupings).order_by(incident_groupings.c.id)
        with self._engine.connect() as connection:
            return [GroupingDecision(row.action, frozenset(row.claim_ids)) for row in connection.execute(statement)]


def apply_groupings(groups: Iterable[Iterable[str]], decisions: Iterable[GroupingDecision]) -> list[list[str]]:
    """The claim-id groups after replaying `decisions` in order; claims no longer stored are ignored.

    A merge joins every group holding one of its claims; a split takes its claims out of
    their groups into one group of their own. Groups come back sorted by their first claim id.
    """
    current = [set(group) for group in groups]
    for decision in decisions:
        touched = [group for group in current if group & decision.claim_ids]
        if not touched:
            continue
        if decision.action == "merge":
            untouched = [group for group in current if not group & decision.claim_ids]
            current = [*untouched, set().union(*touched)]
        else:
            moved = set().union(*(group & decision.claim_ids for group in touched))
            current = [group - moved for group in current] + [moved]
    return sorted((sorted(group) for group in current if group), key=lambda group: group[0])


def keep_incident_ids(new: list[Incident], old: list[Incident]) -> list[Incident]:
    """`new` incidents, each with the id of the old incident it shares the most claims with.

    Largest overlaps are matched first, each old id at most once; an incident matching none
    keeps its own id, or gets one derived from all its claim ids where that id is taken.
    """
    old_id_of_claim = {claim_id: incident.id for incident in old for claim_id in incident.claim_ids}
    candidates = sorted(
        (-overlap, old_id, position)
        for position, incident in enumerate(new)
        for old_id, overlap in Counter(
            old_id_of_claim[c] for c in incident.claim_ids if c in old_id_of_claim
        ).items()
    )
    ids: dict[int, str] = {}
    taken: set[str] = set()
    for _overlap, old_id, position in candidates:
        if position not in ids and old_id not in taken:
            ids[position] = old_id
            taken.add(old_id)
    for position, incident in enumerate(new):
        if position not in ids:
            ids[position] = unused_incident_id(incident, taken)
            taken.add(ids[position])
    return [_with_id(incident, ids[position]) for position, incident in enumerate(new)]


def unused_incident_id(incident: Incident, taken: set[str]) -> str:
    """The incident's own id, or, where another incident holds it, one derived from all its claim ids."""
    if incident.id not in taken:
        return incident.id
    # Salted: for one claim, the plain hash of its id is the linker's id, the one that is taken.
    digest = hashlib.sha256(("group\n" + "\n".join(sorted(incident.claim_ids))).encode("utf-8")).hexdigest()
    return "inc-" + digest[:16]


def _with_id(incident: Incident, incident_id: str) -> Incident:
    return incident if incident.id == incident_id else dataclasses.replace(incident, id=incident_id)
