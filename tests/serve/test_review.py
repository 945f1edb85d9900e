"""Analysts accept or reject claims and incidents and merge incidents; the list filters and pages."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from svidok.link.incidents import build_incident
from svidok.store import Store
from svidok.store.audit import AuditLog
from svidok.store.queries import IncidentFilter, IncidentQueries
from svidok.store.review import Reviews


def test_accepting_an_incident_makes_it_verified_in_list_and_api(
    analyst_client: tuple[TestClient, str], demo_store: Store
) -> None:
    client, token = analyst_client
    incident_id = demo_store.list_incidents()[0].id
    response = client.post(
        f"/incidents/{incident_id}/review", data={"decision": "accepted", "comment": "geolocated", "csrf_token": token}
    )
    assert response.status_code == 200
    assert "accepted by analyst" in response.text
    assert incident_id in client.get("/incidents?status=verified").text
    assert client.get(f"/api/incidents/{incident_id}").json()["incident"]["status"] == "verified"
    assert AuditLog(demo_store).entries()[0].action == "accept_incident"


def test_merging_moves_claims_and_sources_into_the_kept_incident(
    analyst_client: tuple[TestClient, str], demo_store: Store
) -> None:
    client, token = analyst_client
    kept, absorbed = [i for i in demo_store.list_incidents() if i.type == "attack_on_civilians"][:2]
    response = client.post(
        f"/incidents/{kept.id}/merge", data={"absorbed_id": absorbed.id, "comment": "same strike", "csrf_token": token}
    )
    assert response.status_code == 200
    queries = IncidentQueries(demo_store)
    merged = queries.get_incident(kept.id)
    assert queries.get_incident(absorbed.id) is None
    assert set(merged.claim_ids) == set(kept.claim_ids) | set(absorbed.claim_ids)
    assert {c.id for c in queries.claims_of_incident(kept.id)} == set(merged.claim_ids)
    assert merged.source_count == len(set(kept.document_ids) | set(absorbed.document_ids))
    assert AuditLog(demo_store).entries()[0].before["absorbed"]["id"] == absorbed.id


def test_incidents_of_different_types_are_not_merged(demo_store: Store) -> None:
    first = demo_store.list_incidents()[0]
    other = next(i for i in demo_store.list_incidents() if i.type != first.type)
    with pytest.raises(ValueError, match="cannot merge"):
        Reviews(demo_store, build_incident).merge("ana", first.id, other.id, "")
    assert AuditLog(demo_store).count() == 0


def test_filters_combine_and_pages_split_the_list(demo_store: Store) -> None:
    queries = IncidentQueries(demo_store)
    everything = queries.incident_page(IncidentFilter(), 1, 1000)
    killings_in_kharkiv = queries.incident_page(IncidentFilter(type="killing", oblast="Kharkiv Oblast"))
    assert 0 < killings_in_kharkiv.total < everything.total
    assert all(i.type == "killing" for i in killings_in_kharkiv.incidents)
    by_text = queries.incident_page(IncidentFilter(text="passports"))
    assert by_text.total >= 1
    assert all(i.id in {x.id for x in everything.incidents} for i in by_text.incidents)
    second_page = queries.incident_page(IncidentFilter(), 2, 5)
    assert [i.id for i in second_page.incidents] == [i.id for i in everything.incidents[5:10]]
    assert second_page.pages == -(-everything.total // 5)


def test_the_list_page_shows_the_filtered_incidents(viewer_client: tuple[TestClient, str], demo_store: Store) -> None:
    client, _ = viewer_client
    page = client.get("/incidents", params={"type": "killing"}).text
    killing_ids = {i.id for i in demo_store.list_incidents() if i.type == "killing"}
    other_ids = {i.id for i in demo_store.list_incidents()} - killing_ids
    assert all(f"/incidents/{i}" in page for i in killing_ids)
    assert not any(f"/incidents/{i}\"" in page for i in other_ids)
