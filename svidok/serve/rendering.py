"""Jinja2 pages with autoescaping on, and the context every page needs (user, CSRF token)."""
from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from svidok.serve.auth import csrf_token, reader, session_account
from svidok.serve.services import Services

_environment = Environment(
    loader=FileSystemLoader(str(resources.files("svidok.serve") / "templates")),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    found: Services = request.app.state.services
    page = _environment.get_template(template).render(
        {
            "request": request,
            "user": reader(request, found),
            "signed_in": session_account(request, found) is not None,
            "csrf_token": csrf_token(request),
            **context,
        }
    )
    return HTMLResponse(page, status_code=status_code)
