"""Records to table rows and back."""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from svidok.records import Claim, Document


def document_row(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "raw": document.raw,
        "origin": document.origin,
        "captured_at": as_utc(document.captured_at),
        "text": document.text,
        "media_type": document.media_type,
        "title": document.title,
        "publisher": document.publisher,
        "authors": list(document.authors),
        "language": document.language,
        "published": document.published,
        "url": document.url,
        "external_id": document.external_id,
        # Empty metadata is NULL, as in every row written before migration 0003.
        "metadata": dict(document.metadata) or None,
    }


def document_from_row(row: sa.Row[Any]) -> Document:
    return Document(
        raw=bytes(row.raw),
        origin=row.origin,
        captured_at=as_utc(row.captured_at),
        text=row.text,
        media_type=row.media_type,
        title=row.title,
        publisher=row.publisher,
        authors=list(row.authors),
        language=row.language,
        published=row.published,
        url=row.url,
        external_id=row.external_id,
        metadata=dict(row.metadata or {}),
    )


def searchable_document_text(document: Document) -> str:
    return f"{document.title or ''} {document.text}"


def claim_row(claim: Claim, claim_id: str, position: int) -> dict[str, Any]:
    first_place = claim.places[0] if claim.places else None
    return {
        "id": claim_id,
        "document_id": claim.document_id,
        "position": position,
        "type": claim.type,
        "modality": claim.modality,
        "stance": claim.stance,
        "confidence": claim.confidence,
        "claimant_name": claim.claimant.name if claim.claimant else None,
        "claimant_kind": claim.claimant.kind if claim.claimant else None,
        "date_start": claim.date.start if claim.date else None,
        "admin1": first_place.admin1 if first_place else None,
        "evidence_text": " … ".join(span.text for span in claim.evidence),
        "data": {**claim.to_json(), "id": claim_id},
    }


def as_utc(moment: datetime) -> datetime:
    """SQLite drops the zone, so naive times read back are UTC; naive times given are taken as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
