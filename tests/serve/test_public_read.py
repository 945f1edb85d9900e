"""Nothing is public unless an admin opts in; then the public reads, never writes, and the switch is audited."""
from __future__ import annotations

from fastapi.testclient import TestClient
from workbench_clients import csrf_of, log_in

from svidok.serve.app import create_app
from svidok.store import Store
from svidok.store.audit import AuditLog


def _open_to_public(demo_store: Store, enabled: bool = True) -> None:
    admin = TestClient(create_app(demo_store, secret_key="test-secret"))
    token = log_in(admin, "admin")
    response = admin.post(
        "/admin/public-read", data={"enabled": str(enabled).lower(), "comment": "press briefing", "csrf_token": token}
    )
    assert response.status_code == 200 and ("open:" if enabled else "closed:") in response.text


def test_an_admin_opens_reading_to_the_public_and_the_switch_is_audited(client: TestClient, demo_store: Store) -> None:
    incident = demo_store.list_incidents()[0]
    assert client.get("/incidents", follow_redirects=False).status_code == 303
    _open_to_public(demo_store)
    for path in ("/incidents", "/map", f"/incidents/{incident.id}", f"/documents/{incident.document_ids[0]}"):
        assert client.get(path, follow_redirects=False).status_code == 200, path
    assert client.get("/api/incidents").status_code == 200
    assert "Accept" not in client.get(f"/incidents/{incident.id}").text
    entry = AuditLog(demo_store).entries()[0]
    assert (entry.actor, entry.action, entry.before, entry.after) == (
        "admin", "set_public_read", {"enabled": False}, {"enabled": True, "comment": "press briefing"},
    )


def test_the_public_cannot_change_anything_nor_read_the_audit_log(client: TestClient, demo_store: Store) -> None:
    _open_to_public(demo_store)
    incident = demo_store.list_incidents()[0]
    token = csrf_of(client.get("/login").text)  # a session's token, as a forged form would need
    response = client.post(f"/incidents/{incident.id}/review", data={"decision": "accepted", "csrf_token": token})
    assert response.status_code == 403
    assert client.get("/audit", follow_redirects=False).status_code == 303
    assert client.get("/admin", follow_redirects=False).status_code == 303
    assert [e.action for e in AuditLog(demo_store).entries()] == ["set_public_read"]


def test_closing_again_hides_everything(client: TestClient, demo_store: Store) -> None:
    _open_to_public(demo_store)
    _open_to_public(demo_store, enabled=False)
    assert client.get("/incidents", follow_redirects=False).status_code == 303
    assert client.get("/api/incidents").status_code == 401


def test_only_an_admin_may_switch(analyst_client: tuple[TestClient, str]) -> None:
    client, token = analyst_client
    response = client.post("/admin/public-read", data={"enabled": "true", "csrf_token": token})
    assert response.status_code == 403
    assert client.get("/admin").status_code == 403
