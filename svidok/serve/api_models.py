"""Response models of the JSON API, so the OpenAPI schema describes what it returns.

They mirror the records' `to_json` (../shared/SPEC.md); nested records that the API passes
through unchanged are typed as objects.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class PlaceOut(BaseModel):
    mention: str
    name: str
    geonameid: int | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    span: SpanOut | None


class IncidentOut(BaseModel):
    id: str
    type: str
    status: str
    source_count: int
    independent_claimant_count: int
    claimants: list[str]
    claimant_kinds: list[str]
    claim_ids: list[str]
    document_ids: list[str]
    places: list[PlaceOut]
    date_start: str | None
    date_end: str | None
    summary: str


class IncidentListOut(BaseModel):
    items: list[IncidentOut]
    total: int
    page: int
    per_page: int


class ReviewOut(BaseModel):
    kind: str
    subject_id: str
    decision: str
    comment: str
    reviewer: str
    at: str


class ClaimOut(BaseModel):
    # The full claim record (SPEC.md); only the fields a client filters on are spelled out.
    model_config = ConfigDict(extra="allow")

    id: str
    document_id: str
    type: str
    modality: str
    stance: str
    evidence: list[SpanOut]
    legal: list[dict[str, Any]]
    confidence: float
    review: ReviewOut | None = None


class IncidentDetailOut(BaseModel):
    incident: IncidentOut
    review: ReviewOut | None
    claims: list[ClaimOut]


class DocumentOut(BaseModel):
    id: str
    sha256: str
    origin: str
    captured_at: str
    media_type: str
    title: str | None
    publisher: str | None
    authors: list[str]
    language: str | None
    published: str | None
    url: str | None
    external_id: str | None
    text: str
    claim_ids: list[str]
