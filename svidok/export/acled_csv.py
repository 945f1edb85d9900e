"""Incidents in ACLED's column layout, for analysts who merge svidok's record with ACLED data.

One row per incident, not per claim: an ACLED row is one event with all its sources, and
an incident is svidok's event. Ten outlets reprinting one statement stay one row, so
counts made from the CSV are not inflated by repetition. The row's ACLED type is the one
most of the incident's supporting claims carry. Incidents none of whose claims has an
ACLED type (citizenship coercion, atrocity labels, ...) are left out and counted by reason,
as are incidents an analyst rejected.

Cells are never guessed: where svidok has no value (admin2, source_scale, unreported
fatalities) the cell is empty. An incident without an event date takes its earliest
publication date with time_precision 3, as ACLED codes events dated only by their report.
"""
from __future__ import annotations

import csv
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

from svidok.records import Actor, Claim, Document, Incident, Place

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class AcledExportReport:
    rows: int = 0
    # Why incidents were left out, with how many incidents each reason covers.
    omitted: Counter[str] = field(default_factory=Counter)


@lru_cache(maxsize=1)
def _mapping() -> dict[str, Any]:
    text = resources.files("svidok.export").joinpath("acled_export.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def spreadsheet_safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula, prefixed with a quote; anything else as is."""
    if isinstance(value, str) and value.startswith(_FORMULA_TRIGGERS):
        return "'" + value
    return value


def write_acled_csv(
    incidents: Iterable[Incident],
    claims: Mapping[str, Claim],
    document_of: Callable[[str], Document | None],
    stream: TextIO,
    *,
    exported_at: datetime,
) -> AcledExportReport:
    """Write the header and one row per exportable incident; say what was left out and why."""
    writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    report = AcledExportReport()
    for incident in incidents:
        members = [claims[claim_id] for claim_id in incident.claim_ids if claim_id in claims]
        reason = _reason_to_omit(incident, members)
        if reason:
            report.omitted[reason] += 1
            continue
        documents = [d for d in map(document_of, incident.document_ids) if d is not None]
        row = acled_row(incident, members, documents, exported_at)
        writer.writerow({column: spreadsheet_safe(value) for column, value in row.items()})
        report.rows += 1
    return report


def _reason_to_omit(incident: Incident, members: list[Claim]) -> str | None:
    if incident.status == "rejected":
        return "rejected by an analyst"
    if _acled_type(members) is None:
        return f"no ACLED event type for {incident.type}"
    return None


def _supporting(members: list[Claim]) -> list[Claim]:
    return [c for c in members if c.stance != "denies"] or members


def _acled_type(members: list[Claim]) -> tuple[str, str] | None:
    votes = Counter(
        (c.acled_event_type, c.acled_sub_event_type or "")
        for c in _supporting(members)
        if c.acled_event_type is not None
    )
    if not votes:
        return None
    # Most claims win; ties go to the alphabetically first type so output is reproducible.
    return min(votes, key=lambda t: (-votes[t], t))


def acled_row(
    incident: Incident, members: list[Claim], documents: list[Document], exported_at: datetime
) -> dict[str, object]:
    mapping = _mapping()
    event_type, sub_event_type = _acled_type(members) or ("", "")
    event_date, time_precision = _event_date(incident, members, documents)
    actor1, assoc1 = _actors(c.perpetrators for c in _supporting(members))
    actor2, assoc2 = _actors(c.victims for c in _supporting(members))
    inter1 = mapping["inter"].get(actor1.kind, "") if actor1 else ""
    inter2 = mapping["inter"].get(actor2.kind, "") if actor2 else ""
    place = incident.places[0] if incident.places else None
    return {
        "event_id_cnty": f"UKR-{incident.id}",
        "event_date": event_date.isoformat() if event_date else "",
        "year": event_date.year if event_date else "",
        "time_precision": time_precision,
        "disorder_type": mapping["disorder_type"].get(event_type, ""),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1.name if actor1 else "",
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": actor2.name if actor2 else "",
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": f"{inter1}-{inter2}" if inter1 and inter2 else inter1 or inter2,
        "civilian_targeting": "Civilian targeting" if _targets_civilians(incident, actor2) else "",
        **_place_columns(place),
        "source": "; ".join(sorted({d.publisher or d.origin for d in documents})),
        "source_scale": "",
        "notes": _notes(incident),
        "fatalities": _fatalities(members),
        "tags": f"svidok_status={incident.status}; svidok_type={incident.type}; "
        f"independent_claimants={incident.independent_claimant_count}; sources={incident.source_count}",
        "timestamp": int(exported_at.timestamp()),
    }


def _event_date(
    incident: Incident, members: list[Claim], documents: list[Document]
) -> tuple[date | None, int]:
    precisions = _mapping()["time_precision"]
    if incident.date_start is not None:
        dated = [c.date.precision for c in members if c.date is not None and c.date.start is not None]
        # The incident is as precise as its most precise dated claim.
        return incident.date_start, min((precisions[p] for p in dated), default=precisions["unknown"])
    published = [d.published for d in documents if d.published is not None]
    return (min(published) if published else None), precisions["unknown"]


def _actors(actor_lists: Iterable[list[Actor]]) -> tuple[Actor | None, str]:
    """The actor named most often, and the others joined as ACLED's associated actors."""
    counts: Counter[Actor] = Counter()
    for actors in actor_lists:
        counts.update({Actor(a.name, a.name, a.kind) for a in actors})
    ranked = sorted(counts, key=lambda a: (-counts[a], a.name))
    if not ranked:
        return None, ""
    return ranked[0], "; ".join(a.name for a in ranked[1:])


def _targets_civilians(incident: Incident, victim: Actor | None) -> bool:
    return incident.type in _mapping()["civilian_targeting"]["types"] or (
        victim is not None and victim.kind == "civilians"
    )


def _place_columns(place: Place | None) -> dict[str, object]:
    country = _mapping()["countries"].get(place.country if place else "", {})
    return {
        "iso": country.get("iso", ""),
        "region": country.get("region", ""),
        "country": country.get("name", place.country if place and place.country else ""),
        "admin1": (place.admin1 or "") if place else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": _mapping()["geo_precision"][place.precision] if place else "",
    }


def _notes(incident: Incident) -> str:
    claimants = ", ".join(incident.claimants) or "no named claimant"
    return f"{incident.summary}. Status: {incident.status}. Claimants: {claimants}."


def _fatalities(members: list[Claim]) -> int | str:
    # ACLED takes the most conservative reported figure; none reported stays empty, not 0.
    reported = [c.fatalities for c in _supporting(members) if c.fatalities is not None]
    return min(reported) if reported else ""
