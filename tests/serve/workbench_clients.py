"""Logging a test client in, as a user of each role would."""
from __future__ import annotations

import re

from fastapi.testclient import TestClient

from svidok.store.accounts import Role

PASSWORDS: dict[Role, str] = {"viewer": "viewer-pass-1", "analyst": "analyst-pass-1", "admin": "admin-pass-1"}


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "page has no CSRF token"
    return found.group(1)


def log_in(client: TestClient, role: Role) -> str:
    """Log in as the account of `role`; return the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login", data={"username": role, "password": PASSWORDS[role], "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/incidents").text)
