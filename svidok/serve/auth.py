"""Who is asking, and may they: signed-cookie sessions, roles and CSRF tokens.

The session cookie (signed with itsdangerous by Starlette's SessionMiddleware) holds only the
user name and the CSRF token; the account and its role are read from the store on every
request, so a changed role takes effect at once.
"""
from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import Depends, Form, HTTPException, Request

from svidok.serve.services import Services, services
from svidok.store.accounts import Account, Role

SESSION_USER = "user"
SESSION_CSRF = "csrf"
# Who reads when nobody is logged in and an admin has opened reading to the public.
PUBLIC_READER = Account("public", "viewer", "")


class LoginRequired(Exception):
    """Raised by page dependencies; the app answers with a redirect to the login page."""


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use (the login form needs one before login)."""
    token = request.session.get(SESSION_CSRF)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[SESSION_CSRF] = token
    return str(token)


def start_session(request: Request, account: Account) -> None:
    """A fresh session for `account`: a new CSRF token, so one seen before login is worthless after."""
    request.session.clear()
    request.session[SESSION_USER] = account.name
    request.session[SESSION_CSRF] = secrets.token_urlsafe(32)


def end_session(request: Request) -> None:
    request.session.clear()


def session_account(request: Request, found: Services) -> Account | None:
    name = request.session.get(SESSION_USER)
    return found.accounts.get(name) if isinstance(name, str) else None


def reader(request: Request, found: Services) -> Account | None:
    """The logged-in account; else, where an admin has opened the workbench to the public, a viewer."""
    account = session_account(request, found)
    if account is None and found.settings.public_read():
        return PUBLIC_READER
    return account


def page_user(request: Request, found: Annotated[Services, Depends(services)]) -> Account:
    account = reader(request, found)
    if account is None:
        raise LoginRequired()
    return account


def signed_in_user(request: Request, found: Annotated[Services, Depends(services)]) -> Account:
    """A logged-in account, even where the public may read: for pages that name the staff."""
    account = session_account(request, found)
    if account is None:
        raise LoginRequired()
    return account


def api_user(request: Request, found: Annotated[Services, Depends(services)]) -> Account:
    account = reader(request, found)
    if account is None:
        raise HTTPException(status_code=401, detail="log in first (POST /login), then send the session cookie")
    return account


def require_csrf(request: Request, csrf_token_field: Annotated[str, Form(alias="csrf_token")] = "") -> None:
    """Form POSTs must echo the session's token; a forged cross-site form cannot know it."""
    expected = request.session.get(SESSION_CSRF)
    if not expected or not hmac.compare_digest(str(expected), csrf_token_field):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token; reload the page and try again")


def analyst(account: Annotated[Account, Depends(page_user)]) -> Account:
    return _at_least(account, "analyst")


def admin(account: Annotated[Account, Depends(signed_in_user)]) -> Account:
    return _at_least(account, "admin")


def _at_least(account: Account, role: Role) -> Account:
    if not account.may(role):
        raise HTTPException(status_code=403, detail=f"{account.name} is a {account.role}; this needs {role} or above")
    return account


def local_path(target: str, fallback: str) -> str:
    """`target` if it is a path on this site, else `fallback`: a crafted link must not send a user elsewhere."""
    on_this_site = target.startswith("/") and not target.startswith("//") and "\\" not in target
    return target if on_this_site else fallback
