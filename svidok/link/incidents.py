"""Group claims from many documents into incidents: one event, all who report or deny it.

Linking is pure: records in, records out, no database. Supporting claims (asserting or
characterising) are joined pairwise when they agree on type, place, date and content;
single-linkage over those pairs is independent of input order, so re-runs give the same
incidents. Each denial then joins the one incident it contradicts best, so a vague
denial cannot bridge two separate events.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter
from typing import get_args

from svidok.knowledge import independence_root, load_taxonomy
from svidok.link.attribution import (
    DisjointSets,
    attribute,
    copy_representatives,
    is_identifiable,
)
from svidok.link.compatibility import (
    PlaceRelation,
    date_bounds,
    dates_compatible,
    relate_places,
)
from svidok.link.settings import LinkSettings
from svidok.link.text_similarity import (
    content_tokens,
    jaccard,
    shingles,
    token_set_similarity,
)
from svidok.records import (
    Claim,
    Document,
    Incident,
    IncidentStatus,
    Place,
    PlacePrecision,
)

_PRECISION_RANK = {precision: rank for rank, precision in enumerate(get_args(PlacePrecision))}


@dataclass(frozen=True)
class _LinkableClaim:
    claim: Claim
    tokens: frozenset[str]

    @property
    def id(self) -> str:
        return self.claim.id or ""


def link_claims(
    claims: list[Claim], documents: Mapping[str, Document], settings: LinkSettings = LinkSettings()
) -> list[Incident]:
    """Incidents covering every claim exactly once, sorted by id.

    Raises ValueError naming the claim when a claim has no id or cites a document not given.
    """
    for claim in claims:
        if claim.id is None:
            raise ValueError(f"claim of type {claim.type} in document {claim.document_id} has no id")
        if claim.document_id not in documents:
            raise ValueError(f"claim {claim.id} cites document {claim.document_id}, which was not given")
    linkable = [
        _LinkableClaim(c, content_tokens(" ".join(s.text for s in c.evidence)))
        for c in sorted(claims, key=lambda c: c.id or "")
    ]
    is_copy = _CopyDetector(settings)
    groups = _group_into_events(linkable, settings)
    incidents = [_build_incident([m.claim for m in group], documents, is_copy) for group in groups]
    return sorted(incidents, key=lambda incident: incident.id)


def _group_into_events(linkable: list[_LinkableClaim], settings: LinkSettings) -> list[list[_LinkableClaim]]:
    # A general claim ("mass relocations have been alleged") has no time or place to share.
    general = [[c] for c in linkable if c.claim.modality == "general"]
    specific = [c for c in linkable if c.claim.modality != "general"]
    supporting = [c for c in specific if c.claim.stance != "denies"]
    denials = [c for c in specific if c.claim.stance == "denies"]

    sets = DisjointSets(c.id for c in supporting)
    for same_type in _by_type(supporting).values():
        for a, b in _date_compatible_pairs(same_type, settings.date_slack_days):
            if _describe_same_event(a, b, settings):
                sets.union(a.id, b.id)
    by_id = {c.id: c for c in supporting}
    events = [[by_id[claim_id] for claim_id in group] for group in sets.groups()]

    for denial in denials:
        target = _event_denied(denial, [e for e in events if e[0].claim.type == denial.claim.type], settings)
        if target is None:
            events.append([denial])
        else:
            target.append(denial)
    return events + general


def _by_type(claims: list[_LinkableClaim]) -> dict[str, list[_LinkableClaim]]:
    grouped: dict[str, list[_LinkableClaim]] = {}
    for c in claims:
        grouped.setdefault(c.claim.type, []).append(c)
    return grouped


def _date_compatible_pairs(
    claims: list[_LinkableClaim], slack_days: int
) -> Iterator[tuple[_LinkableClaim, _LinkableClaim]]:
    """Pairs whose dates can overlap, without comparing every claim with every other.

    Dated claims are swept in order of start date: once a later claim starts beyond the
    slack after this one ends, all later ones do too. Undated claims pair with everything.
    """
    dated = sorted(
        ((bounds, c) for c in claims if (bounds := date_bounds(c.claim.date)) is not None),
        key=lambda pair: (pair[0], pair[1].id),
    )
    undated = [c for c in claims if date_bounds(c.claim.date) is None]
    slack = timedelta(days=slack_days)
    for i, (bounds, a) in enumerate(dated):
        for later_bounds, b in dated[i + 1 :]:
            if later_bounds[0] - slack > bounds[1]:
                break
            yield a, b
    for i, a in enumerate(undated):
        for b in undated[i + 1 :]:
            yield a, b
        for _, b in dated:
            yield a, b


def _describe_same_event(a: _LinkableClaim, b: _LinkableClaim, settings: LinkSettings) -> bool:
    if not dates_compatible(a.claim.date, b.claim.date, settings.date_slack_days):
        return False
    relation = relate_places(a.claim.places, b.claim.places, settings.max_distance_km)
    if relation is PlaceRelation.CONFLICT:
        return False
    similarity = token_set_similarity(a.tokens, b.tokens)
    if relation is PlaceRelation.UNKNOWN:
        return similarity >= settings.strong_evidence
    return similarity >= settings.similar_evidence or _same_claimant(a.claim, b.claim)


def _same_claimant(a: Claim, b: Claim) -> bool:
    # One claimant's statement about one type of event at one place and time is one statement,
    # however differently two outlets word it.
    return a.claimant is not None and b.claimant is not None and a.claimant.name == b.claimant.name


def _event_denied(
    denial: _LinkableClaim, events: list[list[_LinkableClaim]], settings: LinkSettings
) -> list[_LinkableClaim] | None:
    """The event a denial contradicts: same place and date, or the same words where places are unknown."""
    best: tuple[bool, float] | None = None
    target = None
    for event in events:
        for member in event:
            if not dates_compatible(denial.claim.date, member.claim.date, settings.date_slack_days):
                continue
            relation = relate_places(denial.claim.places, member.claim.places, settings.max_distance_km)
            similarity = token_set_similarity(denial.tokens, member.tokens)
            if relation is PlaceRelation.CONFLICT or (
                relation is PlaceRelation.UNKNOWN and similarity < settings.strong_evidence
            ):
                continue
            score = (relation is PlaceRelation.MATCH, similarity)
            if best is None or score > best:
                best, target = score, event
    return target


class _CopyDetector:
    """Whether two documents are near-duplicates, with each document's shingles computed once."""

    def __init__(self, settings: LinkSettings) -> None:
        self._settings = settings
        self._shingles: dict[str, frozenset[int]] = {}

    def _of(self, document: Document) -> frozenset[int]:
        if document.id not in self._shingles:
            self._shingles[document.id] = shingles(document.text, self._settings.shingle_words)
        return self._shingles[document.id]

    def __call__(self, a: Document, b: Document) -> bool:
        return jaccard(self._of(a), self._of(b)) >= self._settings.copy_jaccard


def _build_incident(claims: list[Claim], documents: Mapping[str, Document], is_copy: _CopyDetector) -> Incident:
    claims = sorted(claims, key=lambda c: c.id or "")
    document_ids = sorted({c.document_id for c in claims})
    representatives = copy_representatives(document_ids, documents, is_copy)
    supporters = {attribute(c, representatives[c.document_id]) for c in _speaking_for_themselves(claims, False)}
    deniers = {attribute(c, representatives[c.document_id]) for c in _speaking_for_themselves(claims, True)}
    # A body and the ministry it answers to are one voice, not two; an unnamed crowd
    # ("residents describe ...") is a voice only where no identifiable claimant speaks.
    # With no allegation on record, a denial is its speaker's own statement: nobody contests
    # anything yet, and its voices are the deniers' (not zero claimants).
    voices = supporters or deniers
    identifiable = {independence_root(a.name) for a in voices if is_identifiable(a)}
    independent = identifiable or {a.name for a in voices}
    speakers = sorted(supporters, key=attrgetter("name")) + sorted(deniers, key=attrgetter("name"))
    places = merge_places(claims)
    date_start, date_end = _date_range(claims)
    return Incident(
        id=incident_id(claims),
        type=claims[0].type,
        claim_ids=[c.id or "" for c in claims],
        document_ids=document_ids,
        source_count=len(document_ids),
        independent_claimant_count=len(independent),
        claimants=list(dict.fromkeys(a.name for a in speakers)),
        claimant_kinds=list(dict.fromkeys(a.kind for a in speakers)),
        status=_status(len(independent), bool(supporters) and bool(deniers)),
        places=places,
        date_start=date_start,
        date_end=date_end,
        summary=summarise(claims[0].type, places, date_start, date_end),
    )


def _speaking_for_themselves(claims: list[Claim], denying: bool) -> list[Claim]:
    """Claims on one side (denying or not) that carry a voice of their own.

    An outlet speaks on its own authority only where it names nobody else on that side:
    a headline over the governor's statement is the governor's claim, not the outlet's.
    """
    on_side = [c for c in claims if (c.stance == "denies") == denying]
    named = {c.document_id for c in on_side if c.claimant is not None}
    return [c for c in on_side if c.claimant is not None or c.document_id not in named]


def incident_id(claims: list[Claim]) -> str:
    """Stable across re-runs for the same claims, so analyst decisions can follow the incident."""
    earliest = min(c.id or "" for c in claims)
    return "inc-" + hashlib.sha256(earliest.encode("utf-8")).hexdigest()[:16]


def _status(independent_claimants: int, denied: bool) -> IncidentStatus:
    if denied:
        return "contested"
    return "corroborated" if independent_claimants >= 2 else "single_source"


def merge_places(claims: list[Claim]) -> list[Place]:
    """Each distinct place once, most precise first, then the most often cited."""
    counts: Counter[tuple[object, ...]] = Counter()
    first_seen: dict[tuple[object, ...], Place] = {}
    for claim in claims:
        for place in claim.places:
            key = _place_key(place)
            counts[key] += 1
            first_seen.setdefault(key, place)
    return sorted(
        first_seen.values(),
        key=lambda p: (_PRECISION_RANK[p.precision], -counts[_place_key(p)], p.name),
    )


def _place_key(place: Place) -> tuple[object, ...]:
    return (place.geonameid,) if place.geonameid is not None else (place.name, place.precision)


def _date_range(claims: list[Claim]) -> tuple[date | None, date | None]:
    bounds = [b for b in (date_bounds(c.date) for c in claims) if b is not None]
    if not bounds:
        return None, None
    return min(b[0] for b in bounds), max(b[1] for b in bounds)


def summarise(claim_type: str, places: list[Place], start: date | None, end: date | None) -> str:
    """One line: type label, most precise place, date."""
    taxonomy = load_taxonomy()
    label = taxonomy[claim_type].label if claim_type in taxonomy else claim_type
    place = places[0].name if places else "place unknown"
    if start is None:
        when = "date unknown"
    elif end is None or end == start:
        when = start.isoformat()
    else:
        when = f"{start.isoformat()} to {end.isoformat()}"
    return f"{label} — {place} — {when}"


def build_incident(
    claims: list[Claim], documents: Mapping[str, Document], settings: LinkSettings = LinkSettings()
) -> Incident:
    """The incident the linker would make of exactly these claims (an analyst's merge or split).

    Sources, independent claimants (copies and aliases resolved) and status are counted as
    `link_claims` counts them. Raises ValueError when `claims` is empty.
    """
    if not claims:
        raise ValueError("an incident needs at least one claim")
    return _build_incident(claims, documents, _CopyDetector(settings))
