"""Review actions from the pages (analyst or admin, CSRF-checked): decide, merge, split, edit claims."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException
from fastapi.responses import RedirectResponse, Response

from svidok.serve.auth import analyst, local_path, require_csrf
from svidok.serve.claim_edits import ClaimEditForm, edited_claim, geocoded_place
from svidok.serve.services import Services, services
from svidok.store.accounts import Account
from svidok.store.review import Decision, SubjectKind

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_csrf)])

Found = Annotated[Services, Depends(services)]
Analyst = Annotated[Account, Depends(analyst)]


@router.post("/claims/{claim_id}/review")
def review_claim(
    claim_id: str,
    found: Found,
    user: Analyst,
    decision: Annotated[Decision, Form()],
    comment: Annotated[str, Form()] = "",
    back_to: Annotated[str, Form()] = "",
) -> Response:
    _decide(found, user, "claim", claim_id, decision, comment)
    incident_id = found.queries.incident_ids_of_claims([claim_id]).get(claim_id)
    fallback = f"/incidents/{incident_id}" if incident_id else "/incidents"
    return RedirectResponse(local_path(back_to, fallback) + f"#claim-{claim_id}", status_code=303)


@router.post("/incidents/{incident_id}/review")
def review_incident(
    incident_id: str,
    found: Found,
    user: Analyst,
    decision: Annotated[Decision, Form()],
    comment: Annotated[str, Form()] = "",
) -> Response:
    _decide(found, user, "incident", incident_id, decision, comment)
    return RedirectResponse(f"/incidents/{incident_id}", status_code=303)


@router.post("/incidents/{incident_id}/merge")
def merge_incident(
    incident_id: str,
    found: Found,
    user: Analyst,
    absorbed_id: Annotated[str, Form()],
    comment: Annotated[str, Form()] = "",
) -> Response:
    try:
        found.reviews.merge(user.name, incident_id, absorbed_id, comment)
    except ValueError as error:
        raise HTTPException(status_code=400, detail=str(error)) from None
    return RedirectResponse(f"/incidents/{incident_id}", status_code=303)


@router.post("/incidents/{incident_id}/split")
def split_incident(
    incident_id: str,
    found: Found,
    user: Analyst,
    moved_claim_ids: Annotated[list[str], Form()],
    comment: Annotated[str, Form()] = "",
) -> Response:
    try:
        moved = found.reviews.split(user.name, incident_id, moved_claim_ids, comment)
    except ValueError as error:
        raise HTTPException(status_code=400, detail=str(error)) from None
    return RedirectResponse(f"/incidents/{moved.id}", status_code=303)


@router.post("/claims/{claim_id}/edit")
def edit_claim(
    claim_id: str,
    found: Found,
    user: Analyst,
    form: Annotated[ClaimEditForm, Form()],
    comment: Annotated[str, Form()] = "",
    back_to: Annotated[str, Form()] = "",
) -> Response:
    claim = found.queries.get_claim(claim_id)
    if claim is None:
        raise HTTPException(status_code=404, detail=f"no claim {claim_id}")
    incident_id = found.queries.incident_ids_of_claims([claim_id]).get(claim_id)
    incident = found.queries.get_incident(incident_id) if incident_id else None
    try:
        edited = edited_claim(claim, form, incident.places if incident else [], geocoded_place)
        found.reviews.edit_claim(user.name, edited, comment)
    except ValueError as error:
        raise HTTPException(status_code=400, detail=str(error)) from None
    now_in = found.queries.incident_ids_of_claims([claim_id]).get(claim_id)
    fallback = f"/incidents/{now_in}" if now_in else f"/documents/{claim.document_id}"
    return RedirectResponse(local_path(back_to if now_in == incident_id else "", fallback) + f"#claim-{claim_id}", status_code=303)


def _decide(found: Services, user: Account, kind: SubjectKind, subject_id: str, decision: Decision, comment: str) -> None:
    try:
        found.reviews.decide(user.name, kind, subject_id, decision, comment)
    except ValueError as error:
        raise HTTPException(status_code=404, detail=str(error)) from None
