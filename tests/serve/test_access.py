"""Nothing is visible without login; viewers read only; every form POST needs the session's CSRF token."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from workbench_clients import csrf_of, log_in

from svidok.store import Store
from svidok.store.audit import AuditLog
from svidok.store.queries import IncidentQueries


def _some_incident_and_claim(store: Store) -> tuple[str, str]:
    incident = store.list_incidents()[0]
    return incident.id, incident.claim_ids[0]


@pytest.mark.parametrize("path", ["/", "/incidents", "/audit", "/incidents/x", "/documents/x"])
def test_pages_redirect_to_login_without_a_session(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize("path", ["/api/incidents", "/api/incidents/x", "/api/claims/x", "/api/documents/x"])
def test_api_answers_401_without_a_session(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 401


def test_wrong_password_does_not_log_in(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"username": "analyst", "password": "wrong-password", "csrf_token": token})
    assert response.status_code == 401
    assert client.get("/incidents", follow_redirects=False).status_code == 303


def test_login_form_without_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/login")
    response = client.post("/login", data={"username": "analyst", "password": "analyst-pass-1"})
    assert response.status_code == 403
    assert client.get("/incidents", follow_redirects=False).status_code == 303


def test_login_redirect_never_leaves_the_site(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    data = {"username": "viewer", "password": "viewer-pass-1", "csrf_token": token, "next": "//evil.example/"}
    assert client.post("/login", data=data, follow_redirects=False).headers["location"] == "/incidents"


def test_viewer_reads_but_cannot_review_or_merge(viewer_client: tuple[TestClient, str], demo_store: Store) -> None:
    client, token = viewer_client
    incident_id, claim_id = _some_incident_and_claim(demo_store)
    assert client.get(f"/incidents/{incident_id}").status_code == 200
    assert "Accept" not in client.get(f"/incidents/{incident_id}").text
    forms = [
        (f"/claims/{claim_id}/review", {"decision": "accepted"}),
        (f"/incidents/{incident_id}/review", {"decision": "rejected"}),
        (f"/incidents/{incident_id}/merge", {"absorbed_id": "inc-other"}),
    ]
    for path, data in forms:
        assert client.post(path, data={**data, "csrf_token": token}).status_code == 403
    assert AuditLog(demo_store).count() == 0


def test_review_without_the_csrf_token_changes_nothing(
    analyst_client: tuple[TestClient, str], demo_store: Store
) -> None:
    client, _token = analyst_client
    incident_id, claim_id = _some_incident_and_claim(demo_store)
    for forged in ({}, {"csrf_token": "guessed"}):
        response = client.post(f"/claims/{claim_id}/review", data={"decision": "accepted", **forged})
        assert response.status_code == 403
    assert AuditLog(demo_store).count() == 0
    assert IncidentQueries(demo_store).get_incident(incident_id).status != "verified"


def test_logout_ends_the_session(client: TestClient) -> None:
    token = log_in(client, "analyst")
    assert client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert client.get("/incidents", follow_redirects=False).status_code == 303
