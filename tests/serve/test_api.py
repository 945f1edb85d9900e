"""The JSON API answers with what its OpenAPI schema promises."""
from __future__ import annotations

from fastapi.testclient import TestClient

from svidok.serve.api_models import (
    ClaimOut,
    DocumentOut,
    IncidentDetailOut,
    IncidentListOut,
)
from svidok.store import Store


def test_openapi_schema_describes_the_record_endpoints(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/claims/{claim_id}", "/api/documents/{document_id}"} <= set(schema["paths"])
    listed = schema["paths"]["/api/incidents"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert listed["$ref"].endswith("/IncidentListOut")


def test_each_endpoint_returns_its_model_and_404s_unknown_ids(
    viewer_client: tuple[TestClient, str], demo_store: Store
) -> None:
    client, _ = viewer_client
    listed = IncidentListOut.model_validate(client.get("/api/incidents", params={"per_page": 3}).json())
    assert len(listed.items) == 3 and listed.total == len(demo_store.list_incidents())
    detail = IncidentDetailOut.model_validate(client.get(f"/api/incidents/{listed.items[0].id}").json())
    claim = ClaimOut.model_validate(client.get(f"/api/claims/{detail.claims[0].id}").json())
    document = DocumentOut.model_validate(client.get(f"/api/documents/{claim.document_id}").json())
    assert claim.id in document.claim_ids
    for path in ("/api/incidents/nope", "/api/claims/nope", "/api/documents/nope"):
        assert client.get(path).status_code == 404
    assert client.get("/api/incidents", params={"page": 0}).status_code == 422
