"""Review actions from the pages (analyst or admin, CSRF-checked): decide on claims and incidents, merge."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException
from fastapi.responses import RedirectResponse, Response

from svidok.serve.auth import analyst, local_path, require_csrf
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


def _decide(found: Services, user: Account, kind: SubjectKind, subject_id: str, decision: Decision, comment: str) -> None:
    try:
        found.reviews.decide(user.name, kind, subject_id, decision, comment)
    except ValueError as error:
        raise HTTPException(status_code=404, detail=str(error)) from None
