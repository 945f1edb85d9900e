"""The JSON API under /api: incidents, claims and documents, read with the session of a logged-in user."""
from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query

from svidok.records import Claim
from svidok.serve.api_models import (
    ClaimOut,
    DocumentOut,
    IncidentDetailOut,
    IncidentListOut,
    ReviewOut,
)
from svidok.serve.auth import api_user
from svidok.serve.services import Services, services
from svidok.store.queries import MAX_PAGE, IncidentFilter
from svidok.store.review import Review

router = APIRouter(prefix="/api", tags=["records"], dependencies=[Depends(api_user)])

Found = Annotated[Services, Depends(services)]
_NOT_FOUND = {404: {"description": "No such record"}, 401: {"description": "Not logged in"}}


@router.get("/incidents", response_model=IncidentListOut, responses=_NOT_FOUND)
def list_incidents(
    found: Found,
    type: str | None = None,
    oblast: str | None = None,
    status: str | None = None,
    q: Annotated[str | None, Query(description="Words that must all occur in the sources (titles and texts) of the incident")] = None,
    claimant_kind: Annotated[str | None, Query(description="Kind of claimant of some claim of the incident")] = None,
    date_from: Annotated[date | None, Query(description="Some claim dates the event's start on or after this day")] = None,
    date_to: Annotated[date | None, Query(description="Some claim dates the event's start on or before this day")] = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> IncidentListOut:
    """Incidents matching every filter given, a page at a time."""
    wanted = IncidentFilter(type, oblast, status, q, claimant_kind, date_from, date_to)
    listed = found.queries.incident_page(wanted, page, per_page)
    return IncidentListOut.model_validate(
        {
            "items": [incident.to_json() for incident in listed.incidents],
            "total": listed.total,
            "page": listed.page,
            "per_page": listed.per_page,
        }
    )


@router.get("/incidents/{incident_id}", response_model=IncidentDetailOut, responses=_NOT_FOUND)
def get_incident(incident_id: str, found: Found) -> IncidentDetailOut:
    """An incident with its claims and the analysts' decisions on them."""
    incident = found.queries.get_incident(incident_id)
    if incident is None:
        raise HTTPException(status_code=404, detail=f"no incident {incident_id}")
    claims = found.queries.claims_of_incident(incident_id)
    reviews = found.reviews.reviews_of_claims([c.id or "" for c in claims])
    review = found.reviews.review_of("incident", incident_id)
    return IncidentDetailOut.model_validate(
        {
            "incident": incident.to_json(),
            "review": review.to_json() if review else None,
            "claims": [_claim_json(claim, reviews.get(claim.id or "")) for claim in claims],
        }
    )


@router.get("/claims/{claim_id}", response_model=ClaimOut, responses=_NOT_FOUND)
def get_claim(claim_id: str, found: Found) -> ClaimOut:
    claim = found.queries.get_claim(claim_id)
    if claim is None:
        raise HTTPException(status_code=404, detail=f"no claim {claim_id}")
    return ClaimOut.model_validate(_claim_json(claim, found.reviews.review_of("claim", claim_id)))


@router.get("/documents/{document_id}", response_model=DocumentOut, responses=_NOT_FOUND)
def get_document(document_id: str, found: Found) -> DocumentOut:
    """A preserved document (without its raw bytes) and the ids of its claims."""
    document = found.store.get_document(document_id)
    if document is None:
        raise HTTPException(status_code=404, detail=f"no document {document_id}")
    claim_ids = [claim.id or "" for claim in found.queries.claims_of_document(document_id)]
    return DocumentOut.model_validate({**document.to_json(), "claim_ids": claim_ids})


def _claim_json(claim: Claim, review: Review | None) -> dict[str, object]:
    return {**claim.to_json(), "review": ReviewOut.model_validate(review.to_json()) if review else None}
