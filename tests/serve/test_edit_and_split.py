"""Analysts split incidents and correct claim fields; both are audited and show in pages and API."""
from __future__ import annotations

from fastapi.testclient import TestClient

from svidok.records import Incident
from svidok.store import Store
from svidok.store.audit import AuditLog
from svidok.store.queries import IncidentQueries


def _incident_of_several_documents(store: Store) -> Incident:
    return next(i for i in store.list_incidents() if len(i.document_ids) >= 2)


def _edit_form(claim: dict, **changes: str) -> dict[str, str]:
    date = claim["date"] or {}
    form = {
        "type": claim["type"], "modality": claim["modality"],
        "places": "\n".join(str(p["geonameid"]) if p["geonameid"] else p["name"] for p in claim["places"]),
        "date_start": date.get("start") or "", "date_end": date.get("end") or "",
        "date_precision": date.get("precision") or "day",
        "fatalities": "", "injured": "", "people_affected": "", "comment": "checked against the video",
    }
    return {**form, **changes}


def test_splitting_moves_the_chosen_claims_into_a_new_incident_with_exact_counts(
    analyst_client: tuple[TestClient, str], demo_store: Store
) -> None:
    client, token = analyst_client
    original = _incident_of_several_documents(demo_store)
    moved_document = original.document_ids[-1]
    moved = [c.id for c in IncidentQueries(demo_store).claims_of_incident(original.id) if c.document_id == moved_document]
    response = client.post(
        f"/incidents/{original.id}/split",
        data={"moved_claim_ids": moved, "comment": "another strike", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    new_id = response.headers["location"].removeprefix("/incidents/")
    new = client.get(f"/api/incidents/{new_id}").json()["incident"]
    rest = client.get(f"/api/incidents/{original.id}").json()["incident"]
    assert sorted(new["claim_ids"]) == sorted(moved) and new["document_ids"] == [moved_document]
    assert set(rest["claim_ids"]) == set(original.claim_ids) - set(moved)
    assert new["source_count"] == 1 and rest["source_count"] == original.source_count - 1
    entry = AuditLog(demo_store).entries()[0]
    assert (entry.action, entry.subject) == ("split_incident", f"incident:{original.id}")
    assert entry.before["claim_ids"] == original.claim_ids and entry.after["split_off"]["id"] == new_id
    assert entry.after["comment"] == "another strike"


def test_a_split_taking_every_claim_or_a_strangers_claim_is_refused(
    analyst_client: tuple[TestClient, str], demo_store: Store
) -> None:
    client, token = analyst_client
    original = _incident_of_several_documents(demo_store)
    other = next(i for i in demo_store.list_incidents() if i.id != original.id)
    for moved in (original.claim_ids, [other.claim_ids[0]]):
        response = client.post(f"/incidents/{original.id}/split", data={"moved_claim_ids": moved, "csrf_token": token})
        assert response.status_code == 400
    assert AuditLog(demo_store).count() == 0


def test_editing_a_claim_updates_it_rebuilds_its_incident_and_is_audited(
    analyst_client: tuple[TestClient, str], demo_store: Store
) -> None:
    client, token = analyst_client
    incident = demo_store.list_incidents()[0]
    claim = client.get(f"/api/claims/{incident.claim_ids[0]}").json()
    form = _edit_form(claim, places="Izium", date_start="2022-04-01", date_end="", fatalities="7", csrf_token=token)
    assert client.post(f"/claims/{claim['id']}/edit", data=form).status_code == 200
    edited = client.get(f"/api/claims/{claim['id']}").json()
    assert edited["fatalities"] == 7 and [p["name"] for p in edited["places"]] == ["Izyum"]
    assert edited["places"][0]["admin1"] == "Kharkiv Oblast" and edited["date"]["start"] == "2022-04-01"
    assert edited["evidence"] == claim["evidence"]
    rebuilt = client.get(f"/api/incidents/{incident.id}").json()["incident"]
    assert "Izyum" in [p["name"] for p in rebuilt["places"]]
    entry = AuditLog(demo_store).entries()[0]
    assert (entry.action, entry.subject) == ("edit_claim", f"claim:{claim['id']}")
    assert entry.before["fatalities"] == claim["fatalities"] and entry.after["claim"]["fatalities"] == 7
    assert entry.after["comment"] == "checked against the video"


def test_changing_a_claims_type_takes_it_out_of_an_incident_of_other_claims(
    analyst_client: tuple[TestClient, str], demo_store: Store
) -> None:
    client, token = analyst_client
    incident = next(i for i in demo_store.list_incidents() if len(i.claim_ids) >= 2)
    claim = client.get(f"/api/claims/{incident.claim_ids[0]}").json()
    new_type = "detention" if claim["type"] != "detention" else "killing"
    response = client.post(f"/claims/{claim['id']}/edit", data=_edit_form(claim, type=new_type, csrf_token=token))
    assert response.status_code == 200
    now_in = IncidentQueries(demo_store).incident_ids_of_claims([claim["id"]])[claim["id"]]
    assert now_in != incident.id
    assert client.get(f"/api/incidents/{now_in}").json()["incident"]["type"] == new_type


def test_an_unknown_place_or_a_bad_count_is_refused_and_changes_nothing(
    analyst_client: tuple[TestClient, str], demo_store: Store
) -> None:
    client, token = analyst_client
    claim = client.get(f"/api/claims/{demo_store.list_incidents()[0].claim_ids[0]}").json()
    for bad in ({"places": "Nowhereville Qqq"}, {"fatalities": "many"}, {"date_start": "yesterday"}, {"type": "picnic"}):
        response = client.post(f"/claims/{claim['id']}/edit", data=_edit_form(claim, csrf_token=token, **bad))
        assert response.status_code == 400, bad
    assert AuditLog(demo_store).count() == 0
    assert client.get(f"/api/claims/{claim['id']}").json() == claim


def test_a_viewer_can_neither_split_nor_edit(viewer_client: tuple[TestClient, str], demo_store: Store) -> None:
    client, token = viewer_client
    incident = _incident_of_several_documents(demo_store)
    claim = client.get(f"/api/claims/{incident.claim_ids[0]}").json()
    assert client.post(f"/incidents/{incident.id}/split",
                       data={"moved_claim_ids": incident.claim_ids[:1], "csrf_token": token}).status_code == 403
    assert client.post(f"/claims/{claim['id']}/edit", data=_edit_form(claim, csrf_token=token)).status_code == 403
    assert "Edit fields" not in client.get(f"/incidents/{incident.id}").text
