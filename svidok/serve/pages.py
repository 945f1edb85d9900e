"""Server-rendered pages: login, the incident list and map, an incident, a document, the audit log."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from svidok.knowledge import load_taxonomy
from svidok.records import Claim, Document, LegalRef
from svidok.serve.auth import (
    end_session,
    local_path,
    page_user,
    require_csrf,
    signed_in_user,
    start_session,
)
from svidok.serve.claim_edits import DATE_PRECISIONS, MODALITIES, place_lines
from svidok.serve.filters import ListFilters, list_filters
from svidok.serve.highlight import Highlighted, highlight_spans
from svidok.serve.map_svg import (
    HEIGHT,
    TIMELINE_HEIGHT,
    WIDTH,
    map_points,
    oblast_outlines,
    weekly_timeline,
)
from svidok.serve.passwords import password_matches
from svidok.serve.rendering import render
from svidok.serve.services import Services, services
from svidok.store.accounts import Account
from svidok.store.queries import MAX_PAGE, IncidentFilter

router = APIRouter(include_in_schema=False)

PER_PAGE = 25
# Points on one map page: beyond this a map is a blot, and the page grows past a few megabytes.
MAP_LIMIT = 5000
EDIT_CHOICES = {"types": sorted(load_taxonomy()), "modalities": MODALITIES, "date_precisions": DATE_PRECISIONS}
Found = Annotated[Services, Depends(services)]
User = Annotated[Account, Depends(page_user)]
SignedIn = Annotated[Account, Depends(signed_in_user)]


@dataclass(frozen=True)
class SourceSection:
    """One document of an incident: its text with the incident's evidence marked, and its claims."""

    document: Document
    text: Highlighted
    claims: list[Claim]


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/incidents") -> Response:
    return render(request, "login.html", {"next": local_path(next, "/incidents"), "error": None})


@router.post("/login", dependencies=[Depends(require_csrf)])
def login(
    request: Request,
    found: Found,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/incidents",
) -> Response:
    account = found.accounts.get(username)
    if account is None or not password_matches(account.password_hash, password):
        context = {"next": local_path(next, "/incidents"), "error": "Unknown user or wrong password."}
        return render(request, "login.html", context, status_code=401)
    start_session(request, account)
    return RedirectResponse(local_path(next, "/incidents"), status_code=303)


@router.post("/logout", dependencies=[Depends(require_csrf)])
def logout(request: Request) -> Response:
    end_session(request)
    return RedirectResponse("/login", status_code=303)


@router.get("/")
def home(_user: User) -> Response:
    return RedirectResponse("/incidents", status_code=303)


@router.get("/incidents", response_class=HTMLResponse)
def incident_list(
    request: Request,
    found: Found,
    _user: User,
    filters: Annotated[ListFilters, Depends(list_filters)],
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
) -> Response:
    listed = found.queries.incident_page(filters.wanted, page, PER_PAGE)
    return render(
        request,
        "incidents.html",
        {
            "listed": listed,
            "filters": filters,
            "choices": found.queries.filter_choices(),
            "page_url": lambda number: filters.url("/incidents", page=number),
        },
    )


@router.get("/map", response_class=HTMLResponse)
def incident_map(
    request: Request,
    found: Found,
    _user: User,
    filters: Annotated[ListFilters, Depends(list_filters)],
) -> Response:
    """The filtered incidents on Ukraine's oblast outlines, and per week."""
    shown = found.queries.incident_page(filters.wanted, 1, MAP_LIMIT)
    return render(
        request,
        "map.html",
        {
            "shown": shown,
            "filters": filters,
            "choices": found.queries.filter_choices(),
            "outlines": oblast_outlines(),
            "points": map_points(shown.incidents),
            "timeline": weekly_timeline(shown.incidents),
            "size": {"width": WIDTH, "height": HEIGHT, "timeline": TIMELINE_HEIGHT},
        },
    )


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: str, found: Found, _user: User) -> Response:
    incident = found.queries.get_incident(incident_id)
    if incident is None:
        raise HTTPException(status_code=404, detail=f"no incident {incident_id}")
    claims = found.queries.claims_of_incident(incident_id)
    merge_candidates = [
        other
        for other in found.queries.incident_page(IncidentFilter(type=incident.type), 1, 200).incidents
        if other.id != incident.id
    ]
    return render(
        request,
        "incident.html",
        {
            "incident": incident,
            "review": found.reviews.review_of("incident", incident_id),
            "sources": _source_sections(found, claims),
            "claim_reviews": found.reviews.reviews_of_claims([c.id or "" for c in claims]),
            "legal": _legal_references(claims),
            "merge_candidates": merge_candidates,
            "history": found.audit.entries(subject=f"incident:{incident_id}"),
            "edit_choices": EDIT_CHOICES,
            "place_lines": place_lines,
        },
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str, found: Found, _user: User) -> Response:
    document = found.store.get_document(document_id)
    if document is None:
        raise HTTPException(status_code=404, detail=f"no document {document_id}")
    claims = found.queries.claims_of_document(document_id)
    return render(
        request,
        "document.html",
        {
            "document": document,
            "text": highlight_spans(document.text, [span for claim in claims for span in claim.evidence]),
            "claims": claims,
            "incident_of": found.queries.incident_ids_of_claims([c.id or "" for c in claims]),
            "claim_reviews": found.reviews.reviews_of_claims([c.id or "" for c in claims]),
        },
    )


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, found: Found, _user: SignedIn) -> Response:
    return render(request, "audit.html", {"entries": found.audit.entries(limit=500)})


def _source_sections(found: Services, claims: list[Claim]) -> list[SourceSection]:
    by_document: dict[str, list[Claim]] = {}
    for claim in claims:
        by_document.setdefault(claim.document_id, []).append(claim)
    sections = []
    for document_id, its_claims in by_document.items():
        document = found.store.get_document(document_id)
        if document is not None:
            spans = [span for claim in its_claims for span in claim.evidence]
            sections.append(SourceSection(document, highlight_spans(document.text, spans), its_claims))
    return sections


def _legal_references(claims: list[Claim]) -> list[LegalRef]:
    return list(dict.fromkeys(ref for claim in claims for ref in claim.legal))
