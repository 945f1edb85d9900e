"""The list narrows by claimant kind and by date range, in the store, on the page and in the API."""
from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from svidok.store import Store
from svidok.store.queries import IncidentFilter, IncidentQueries


def test_claimant_kind_keeps_incidents_with_a_claim_of_that_kind(demo_store: Store) -> None:
    queries = IncidentQueries(demo_store)
    by_ngos = queries.incident_page(IncidentFilter(claimant_kind="ngo"), 1, 1000).incidents
    expected = {i.id for i in demo_store.list_incidents() if "ngo" in i.claimant_kinds}
    assert by_ngos and {i.id for i in by_ngos} == expected
    assert "ngo" in queries.filter_choices().claimant_kinds


def test_date_range_keeps_incidents_with_a_claim_starting_inside_it(demo_store: Store) -> None:
    queries = IncidentQueries(demo_store)
    may = queries.incident_page(IncidentFilter(date_from=date(2022, 5, 1), date_to=date(2022, 5, 31)), 1, 1000)
    assert may.total > 0
    assert all(i.date_start and i.date_start <= date(2022, 5, 31) and i.date_end >= date(2022, 5, 1) for i in may.incidents)
    from_december = queries.incident_page(IncidentFilter(date_from=date(2022, 12, 1)), 1, 1000).incidents
    assert from_december and all(i.date_end >= date(2022, 12, 1) for i in from_december)
    undated = {i.id for i in demo_store.list_incidents() if i.date_start is None}
    assert undated and not undated & {i.id for i in may.incidents}


def test_the_page_and_the_api_apply_the_same_filters(viewer_client: tuple[TestClient, str], demo_store: Store) -> None:
    client, _ = viewer_client
    params = {"claimant_kind": "ukrainian_authority", "date_from": "2022-06-01", "date_to": "2022-08-31"}
    api = client.get("/api/incidents", params={**params, "per_page": 200}).json()
    expected = IncidentQueries(demo_store).incident_page(
        IncidentFilter(claimant_kind="ukrainian_authority", date_from=date(2022, 6, 1), date_to=date(2022, 8, 31)),
        1, 200,
    )
    assert {i["id"] for i in api["items"]} == {i.id for i in expected.incidents} and api["total"] > 0
    page = client.get("/incidents", params={**params, "type": "", "q": ""}).text
    assert all(f"/incidents/{i['id']}" in page for i in api["items"])
    assert 'value="2022-06-01"' in page and '<option value="ukrainian_authority" selected>' in page
    assert client.get("/incidents", params={"date_from": "June"}).status_code == 400
    assert client.get("/api/incidents", params={"date_from": "June"}).status_code == 422


def test_a_search_of_control_characters_lists_everything_without_an_error(analyst_client) -> None:
    client, _ = analyst_client
    for query in ("\x00", "Kharkiv\x00\x1b"):
        assert client.get("/api/incidents", params={"q": query}).status_code == 200
        assert client.get("/incidents", params={"q": query}).status_code == 200
