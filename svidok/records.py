"""The typed records passed between svidok's stages.

Field names follow ../shared/SPEC.md: they are the contract of the JSON output.
This module imports nothing else of svidok, so every stage can depend on it.

Provenance: every value drawn from text carries a `Span` (character offsets into
`Document.text`), so an analyst can see the exact words a field rests on.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Modality = Literal["occurred", "ongoing", "planned", "threatened", "general"]
Stance = Literal["asserts", "denies", "characterizes"]
ClaimantKind = Literal[
    "ukrainian_authority",
    "russian_authority",
    "occupation_authority",
    "ngo",
    "international_org",
    "media",
    "witness",
    "unknown",
]
PlacePrecision = Literal["settlement", "district", "region", "country"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
IncidentStatus = Literal["single_source", "corroborated", "contested", "verified", "rejected"]
OutcomeStatus = Literal["stored", "duplicate", "skipped", "failed"]


def _date_or_none(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _span_or_none(value: dict[str, Any] | None) -> Span | None:
    return Span.from_json(value) if value else None


@dataclass(frozen=True)
class Span:
    """Characters `text == document.text[start:end]` of a preserved document."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Span:
        return cls(start=data["start"], end=data["end"], text=data["text"])


@dataclass(frozen=True)
class Actor:
    """A claimant, perpetrator or victim as named in the text and canonicalised."""

    name: str
    mention: str
    kind: str
    span: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mention": self.mention,
            "kind": self.kind,
            "span": self.span.to_json() if self.span else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Actor:
        return cls(
            name=data["name"],
            mention=data["mention"],
            kind=data["kind"],
            span=_span_or_none(data.get("span")),
        )


@dataclass(frozen=True)
class Place:
    """A toponym in the text, resolved against the gazetteer."""

    mention: str
    name: str
    geonameid: int | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: PlacePrecision
    span: Span | None = None
    score: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "mention": self.mention,
            "name": self.name,
            "geonameid": self.geonameid,
            "admin1": self.admin1,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "span": self.span.to_json() if self.span else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Place:
        # `score` is not part of the JSON contract, so it comes back as its default.
        return cls(
            mention=data["mention"],
            name=data["name"],
            geonameid=data.get("geonameid"),
            admin1=data.get("admin1"),
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            precision=data["precision"],
            span=_span_or_none(data.get("span")),
        )


@dataclass(frozen=True)
class EventDate:
    """When the event happened, resolved against the publication date."""

    start: date | None
    end: date | None
    precision: DatePrecision
    mention: str | None
    span: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "mention": self.mention,
            "span": self.span.to_json() if self.span else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventDate:
        return cls(
            start=_date_or_none(data.get("start")),
            end=_date_or_none(data.get("end")),
            precision=data["precision"],
            mention=data.get("mention"),
            span=_span_or_none(data.get("span")),
        )


@dataclass(frozen=True)
class LegalRef:
    instrument: str
    article: str
    label: str

    def to_json(self) -> dict[str, Any]:
        return {"instrument": self.instrument, "article": self.article, "label": self.label}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LegalRef:
        return cls(instrument=data["instrument"], article=data["article"], label=data["label"])


@dataclass
class Document:
    """One captured source. Immutable once stored: re-ingesting the same bytes is a no-op."""

    raw: bytes
    origin: str
    captured_at: datetime
    text: str
    media_type: str = "text/plain"
    title: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    published: date | None = None
    url: str | None = None
    external_id: str | None = None
    # Source-specific facts with no column of their own (a Telegram post's channel id,
    # forward origin, edit time, media files with their SHA-256), as JSON-ready values.
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def id(self) -> str:
        return self.sha256

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sha256": self.sha256,
            "origin": self.origin,
            "captured_at": self.captured_at.isoformat(),
            "media_type": self.media_type,
            "title": self.title,
            "publisher": self.publisher,
            "authors": list(self.authors),
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "external_id": self.external_id,
            "metadata": dict(self.metadata),
            "text": self.text,
        }


@dataclass
class Claim:
    """One statement in one document that something happened, is planned, or deserves a label."""

    document_id: str
    type: str
    modality: Modality
    stance: Stance
    evidence: list[Span]
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    claimant: Actor | None = None
    cue: Span | None = None
    perpetrators: list[Actor] = field(default_factory=list)
    victims: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    date: EventDate | None = None
    claimed_on: date | None = None
    claimed_on_span: Span | None = None
    fatalities: int | None = None
    injured: int | None = None
    people_affected: int | None = None
    # Spans behind the numeric fields, keyed by field name ("fatalities", ...).
    number_spans: dict[str, Span] = field(default_factory=dict)
    # For atrocity_label: which label ("genocide", "war_crime", ...).
    label: str | None = None
    legal: list[LegalRef] = field(default_factory=list)
    confidence: float = 0.5
    id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document_id": self.document_id,
            "type": self.type,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "modality": self.modality,
            "stance": self.stance,
            "label": self.label,
            "claimant": self.claimant.to_json() if self.claimant else None,
            "cue": self.cue.text if self.cue else None,
            "cue_span": self.cue.to_json() if self.cue else None,
            "perpetrators": [a.to_json() for a in self.perpetrators],
            "victims": [a.to_json() for a in self.victims],
            "places": [p.to_json() for p in self.places],
            "date": self.date.to_json() if self.date else None,
            "claimed_on": self.claimed_on.isoformat() if self.claimed_on else None,
            "claimed_on_span": self.claimed_on_span.to_json() if self.claimed_on_span else None,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "people_affected": self.people_affected,
            "number_spans": {k: s.to_json() for k, s in self.number_spans.items()},
            "evidence": [s.to_json() for s in self.evidence],
            "legal": [r.to_json() for r in self.legal],
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Claim:
        """The claim `to_json` wrote; `cue` comes back from `cue_span`, which holds its offsets."""
        return cls(
            id=data.get("id"),
            document_id=data["document_id"],
            type=data["type"],
            acled_event_type=data.get("acled_event_type"),
            acled_sub_event_type=data.get("acled_sub_event_type"),
            modality=data["modality"],
            stance=data["stance"],
            label=data.get("label"),
            claimant=Actor.from_json(data["claimant"]) if data.get("claimant") else None,
            cue=_span_or_none(data.get("cue_span")),
            perpetrators=[Actor.from_json(a) for a in data.get("perpetrators", [])],
            victims=[Actor.from_json(a) for a in data.get("victims", [])],
            places=[Place.from_json(p) for p in data.get("places", [])],
            date=EventDate.from_json(data["date"]) if data.get("date") else None,
            claimed_on=_date_or_none(data.get("claimed_on")),
            claimed_on_span=_span_or_none(data.get("claimed_on_span")),
            fatalities=data.get("fatalities"),
            injured=data.get("injured"),
            people_affected=data.get("people_affected"),
            number_spans={k: Span.from_json(v) for k, v in data.get("number_spans", {}).items()},
            evidence=[Span.from_json(s) for s in data.get("evidence", [])],
            legal=[LegalRef.from_json(r) for r in data.get("legal", [])],
            confidence=data.get("confidence", 0.5),
        )


@dataclass
class Incident:
    """Claims from all documents that describe the same event."""

    id: str
    type: str
    claim_ids: list[str]
    document_ids: list[str]
    source_count: int
    independent_claimant_count: int
    claimants: list[str]
    claimant_kinds: list[str]
    status: IncidentStatus
    places: list[Place] = field(default_factory=list)
    date_start: date | None = None
    date_end: date | None = None
    summary: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "source_count": self.source_count,
            "independent_claimant_count": self.independent_claimant_count,
            "claimants": list(self.claimants),
            "claimant_kinds": list(self.claimant_kinds),
            "claim_ids": list(self.claim_ids),
            "document_ids": list(self.document_ids),
            "places": [p.to_json() for p in self.places],
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "summary": self.summary,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Incident:
        return cls(
            id=data["id"],
            type=data["type"],
            status=data["status"],
            source_count=data["source_count"],
            independent_claimant_count=data["independent_claimant_count"],
            claimants=list(data.get("claimants", [])),
            claimant_kinds=list(data.get("claimant_kinds", [])),
            claim_ids=list(data.get("claim_ids", [])),
            document_ids=list(data.get("document_ids", [])),
            places=[Place.from_json(p) for p in data.get("places", [])],
            date_start=_date_or_none(data.get("date_start")),
            date_end=_date_or_none(data.get("date_end")),
            summary=data.get("summary", ""),
        )


@dataclass(frozen=True)
class Outcome:
    """How one input or one step ended: never silent."""

    subject: str
    status: OutcomeStatus
    reason: str = ""
    document_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
