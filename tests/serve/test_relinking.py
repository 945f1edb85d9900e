"""Analysts' decisions survive `svidok ingest` relinking every claim: statuses, merges and splits hold."""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from svidok import workflow
from svidok.extract import Extraction
from svidok.link.incidents import build_incident
from svidok.records import Claim, Document, EventDate, Incident, Place, Span
from svidok.store import Store
from svidok.store.groupings import GroupingDecision, apply_groupings, keep_incident_ids
from svidok.store.queries import IncidentQueries
from svidok.store.review import Reviews

KHARKIV = Place("Kharkiv", "Kharkiv", 706483, "Kharkiv Oblast", "UA", 49.98, 36.25, "settlement")
STRIKE = "A missile struck an apartment block in Kharkiv on {day}, killing four civilians. Report {n}."


def _claim_dated_in_text(document: Document) -> Extraction:
    """One claim per document, dated by the ISO date its text names: the linker joins same-day reports."""
    found = re.search(r"\d{4}-\d{2}-\d{2}", document.text)
    assert found, document.text
    day = date.fromisoformat(found.group())
    claim = Claim(
        document_id=document.id, type="attack_on_civilians", modality="occurred", stance="asserts",
        evidence=[Span(0, len(document.text), document.text)], places=[KHARKIV],
        date=EventDate(day, day, "day", found.group()),
    )
    return Extraction("en", [claim], "extracted", "1 claims")


@pytest.fixture
def store(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(workflow, "extract", _claim_dated_in_text)
    with Store.open(sqlite_url) as opened:
        yield opened


def _ingest(store: Store, folder: Path, reports: dict[str, str]) -> None:
    paths = []
    for name, day in reports.items():
        path = folder / f"{name}.txt"
        path.write_text(STRIKE.format(day=day, n=name), encoding="utf-8")
        paths.append(str(path))
    assert workflow.run_ingest(store, paths, progress=False).linked.status == "stored"


def _incident_holding(store: Store, document_name: str) -> Incident:
    claims = {c.id: c for c in store.iter_claims()}
    document_ids = {d.id for d in store.iter_documents() if f"Report {document_name}." in d.text}
    return next(i for i in store.list_incidents() if any(claims[c].document_id in document_ids for c in i.claim_ids))


def test_statuses_merges_and_splits_hold_after_new_documents_are_linked(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path, {"a": "2022-05-06", "b": "2022-05-06", "c": "2022-05-20", "d": "2022-06-10"})
    reviews = Reviews(store, build_incident)
    same_day = _incident_holding(store, "a")
    assert same_day.source_count == 2  # the linker joined a and b
    b_alone = reviews.split("ana", same_day.id, sorted(_claim_ids_of(store, "b")), "b is another block")
    kept = reviews.merge("ana", _incident_holding(store, "c").id, _incident_holding(store, "d").id, "one campaign")
    reviews.decide("ana", "incident", kept.id, "accepted", "geolocated")
    reviews.decide("ana", "incident", b_alone.id, "rejected", "misdated")

    _ingest(store, tmp_path, {"e": "2022-05-06"})  # links with a and b

    queries = IncidentQueries(store)
    after_a, after_b, after_c = (_incident_holding(store, name) for name in "abc")
    assert after_a.id == same_day.id and after_a.source_count == 2  # a and the new e, still without b
    assert after_b.id == b_alone.id and after_b.source_count == 1
    assert after_c.id == kept.id and after_c == _incident_holding(store, "d") and after_c.source_count == 2
    assert queries.get_incident(kept.id).status == "verified"
    assert queries.get_incident(b_alone.id).status == "rejected"
    assert len(store.list_incidents()) == 3


def _claim_ids_of(store: Store, document_name: str) -> set[str]:
    document_ids = {d.id for d in store.iter_documents() if f"Report {document_name}." in d.text}
    return {c.id or "" for c in store.iter_claims() if c.document_id in document_ids}


def test_decisions_replay_in_order_over_the_linkers_groups() -> None:
    linked = [["a", "b", "e"], ["c"], ["d"]]
    decisions = [
        GroupingDecision("merge", frozenset({"c", "d"})),
        GroupingDecision("split", frozenset({"b"})),
        GroupingDecision("split", frozenset({"gone"})),  # a claim no longer stored changes nothing
    ]
    assert apply_groupings(linked, decisions) == [["a", "e"], ["b"], ["c", "d"]]
    # A later merge undoes an earlier split: the analyst changed their mind.
    assert apply_groupings(linked, [*decisions, GroupingDecision("merge", frozenset({"a", "b"}))]) == [
        ["a", "b", "e"], ["c", "d"],
    ]


def _incident(incident_id: str, claim_ids: list[str]) -> Incident:
    return Incident(incident_id, "killing", claim_ids, [], 1, 1, [], [], "single_source")


def test_new_incidents_take_the_id_of_the_old_one_they_share_most_claims_with() -> None:
    old = [_incident("inc-old1", ["a", "b"]), _incident("inc-old2", ["c"])]
    new = [_incident("inc-x", ["a"]), _incident("inc-y", ["b", "c", "z"]), _incident("inc-old2", ["q"])]
    kept = keep_incident_ids(new, old)
    assert [i.id for i in kept[:2]] == ["inc-old1", "inc-old2"]
    # "q" alone would be called inc-old2, which is taken: it gets an id from its claims instead.
    assert kept[2].id.startswith("inc-") and kept[2].id not in {"inc-old1", "inc-old2"}
