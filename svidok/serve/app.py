"""The FastAPI application: pages, review actions, the JSON API and static files, behind a login."""
from __future__ import annotations

import os
import secrets
from collections.abc import Awaitable, Callable
from importlib import resources
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from svidok.serve import actions, admin, api, pages
from svidok.serve.auth import LoginRequired
from svidok.serve.rendering import render
from svidok.serve.services import Services
from svidok.store import Store

SESSION_HOURS = 8


def create_app(store: Store, secret_key: str | None = None, *, https_only: bool = False) -> FastAPI:
    """The workbench over `store`.

    `secret_key` signs session cookies; without one (and without $SVIDOK_SECRET_KEY) a random
    key is drawn, so sessions end when the server restarts.
    """
    app = FastAPI(
        title="svidok",
        summary="Sourced, geolocated claims and incidents, and their review.",
        # FastAPI's docs pages load scripts from a CDN, which svidok never does; the schema stays.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.services = Services.over(store)
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key or os.environ.get("SVIDOK_SECRET_KEY") or secrets.token_urlsafe(48),
        session_cookie="svidok_session",
        max_age=SESSION_HOURS * 3600,
        same_site="lax",
        https_only=https_only,
    )
    app.middleware("http")(_security_headers)
    app.mount("/static", StaticFiles(directory=str(resources.files("svidok.serve") / "static")), name="static")
    app.include_router(pages.router)
    app.include_router(actions.router)
    app.include_router(admin.router)
    app.include_router(api.router)
    app.add_exception_handler(LoginRequired, _to_login)
    app.add_exception_handler(HTTPException, _http_error)
    return app


async def _to_login(request: Request, _error: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


async def _http_error(request: Request, error: Exception) -> Response:
    """JSON for the API, a page for people."""
    assert isinstance(error, HTTPException)
    if request.url.path.startswith("/api/"):
        return await http_exception_handler(request, error)
    return render(request, "error.html", {"status": error.status_code, "detail": error.detail}, error.status_code)


async def _security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """No inline script, nothing from elsewhere: an injected tag in an article cannot run or load."""
    response: Response = await call_next(request)
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response
