"""The admin page: whether the public may read the workbench without logging in (audited)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from svidok.serve.auth import admin, require_csrf
from svidok.serve.rendering import render
from svidok.serve.services import Services, services
from svidok.store.accounts import Account

router = APIRouter(prefix="/admin", include_in_schema=False)

Found = Annotated[Services, Depends(services)]
Admin = Annotated[Account, Depends(admin)]


@router.get("", response_class=HTMLResponse)
def admin_page(request: Request, found: Found, _admin: Admin) -> Response:
    return render(
        request,
        "admin.html",
        {"public_read": found.settings.public_read(), "history": found.audit.entries(subject="setting:public_read")},
    )


@router.post("/public-read", dependencies=[Depends(require_csrf)])
def set_public_read(
    found: Found,
    user: Admin,
    enabled: Annotated[bool, Form()],
    comment: Annotated[str, Form()] = "",
) -> Response:
    found.settings.set_public_read(user.name, enabled, comment)
    return RedirectResponse("/admin", status_code=303)
