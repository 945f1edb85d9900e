"""The store's contract, on SQLite and on PostgreSQL (see conftest.py)."""
from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

import svidok.store
from svidok.records import (
    Actor,
    Claim,
    Document,
    EventDate,
    Incident,
    LegalRef,
    Outcome,
    Place,
    Span,
)
from svidok.store import Store

ARTICLE = (
    "Displaced Ukrainians in Sorokine are forced to accept passports, the intelligence directorate "
    "claimed Friday. Those who refuse are deprived of food, medical aid and money."
)


def make_document(
    text: str = ARTICLE,
    raw: bytes | None = None,
    origin: str = "reports/sorokine.txt",
    title: str = "Passports forced in occupied Sorokine",
) -> Document:
    return Document(
        raw=raw if raw is not None else text.encode("utf-8"),
        origin=origin,
        captured_at=datetime(2022, 5, 8, 9, 30, 15, 123456, tzinfo=UTC),
        text=text,
        media_type="text/html",
        title=title,
        publisher="Kyiv Daily",
        authors=["Jane Roe", "John Doe"],
        language="en",
        published=date(2022, 5, 7),
        url="https://example.org/sorokine",
        external_id="a-1",
    )


def span_of(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def make_claim(document: Document, claim_id: str | None = "c-1") -> Claim:
    text = document.text
    return Claim(
        id=claim_id,
        document_id=document.id,
        type="citizenship_coercion",
        acled_event_type="Violence against civilians",
        acled_sub_event_type="Abduction/forced disappearance",
        modality="ongoing",
        stance="asserts",
        evidence=[span_of(text, "forced to accept passports")],
        claimant=Actor("GUR", "the intelligence directorate", "ukrainian_authority", span_of(text, "the intelligence directorate")),
        cue=span_of(text, "claimed"),
        perpetrators=[Actor("LPR authorities", "LPR", "occupation_authority")],
        victims=[Actor("displaced Ukrainians", "Displaced Ukrainians", "unknown", span_of(text, "Displaced Ukrainians"))],
        places=[Place("Sorokine", "Sorokyne", 704403, "Luhansk Oblast", "UA", 48.293, 39.733, "settlement", span_of(text, "Sorokine"))],
        date=EventDate(date(2022, 5, 6), date(2022, 5, 6), "day", "Friday", span_of(text, "Friday")),
        claimed_on=date(2022, 5, 6),
        claimed_on_span=span_of(text, "Friday"),
        people_affected=120,
        number_spans={"people_affected": Span(0, 3, "120")},
        legal=[LegalRef("Hague Regulations 1907", "art. 45", "oath of allegiance")],
        confidence=0.85,
    )


def test_adding_the_same_bytes_twice_stores_one_document_and_reports_a_duplicate(store: Store) -> None:
    document = make_document()
    first = store.add_document(document)
    again = store.add_document(make_document(origin="mirror/sorokine.txt"))
    assert (first.status, first.document_id) == ("stored", document.id)
    assert again.status == "duplicate"
    assert "reports/sorokine.txt" in again.reason
    stored = list(store.iter_documents())
    assert [d.origin for d in stored] == ["reports/sorokine.txt"]


def test_a_document_comes_back_field_for_field(store: Store) -> None:
    document = make_document(raw=b"\x00\xff raw bytes kept as received")
    store.add_document(document)
    assert store.get_document(document.id) == document
    assert store.get_document("0" * 64) is None


def test_claims_round_trip_through_json_exactly(store: Store) -> None:
    document = make_document()
    store.add_document(document)
    claim = make_claim(document)
    store.replace_claims(document.id, [claim])
    (stored,) = store.iter_claims()
    assert stored == claim
    assert stored.to_json() == claim.to_json()


def test_re_extraction_replaces_a_documents_claims_and_names_unnamed_ones(store: Store) -> None:
    document = make_document()
    store.add_document(document)
    store.replace_claims(document.id, [make_claim(document, "old")])
    store.replace_claims(document.id, [make_claim(document, None), make_claim(document, None)])
    assert [c.id for c in store.iter_claims()] == [f"{document.id}#0", f"{document.id}#1"]
    assert store.search("passports") and all(hit.id != "old" for hit in store.search("passports"))


def test_documents_wait_for_extraction_until_an_extraction_finishes_with_them(store: Store) -> None:
    extracted = make_document()
    empty = make_document(text="The council met to discuss the budget.", title="Budget")
    crashed = make_document(text="Shelling of Kharkiv overnight.", title="Kharkiv")
    waiting = make_document(text="Looting in Izium.", title="Izium")
    for document in (extracted, empty, crashed, waiting):
        store.add_document(document)
    store.replace_claims(extracted.id, [make_claim(extracted)])
    store.record_outcome(Outcome(extracted.origin, "stored", "1 claims", extracted.id), "extract")
    store.record_outcome(Outcome(empty.origin, "stored", "no claim found in the text", empty.id), "extract")
    store.record_outcome(Outcome(crashed.origin, "failed", "extraction crashed", crashed.id), "extract")
    assert set(store.document_ids_not_extracted()) == {crashed.id, waiting.id}


def test_claims_of_an_unknown_document_are_refused(store: Store) -> None:
    ghost = make_document(raw=b"bytes never stored")
    with pytest.raises(ValueError, match="no document"):
        store.replace_claims(ghost.id, [make_claim(ghost)])


def test_search_finds_a_word_of_a_document_and_of_a_claims_evidence(store: Store) -> None:
    document = make_document()
    other = make_document(text="Mass graves were found near Izium, officials said.", title="Izium")
    store.add_document(document)
    store.add_document(other)
    store.replace_claims(document.id, [make_claim(document)])
    in_title = store.search("occupied")
    assert [(h.kind, h.document_id) for h in in_title] == [("document", document.id)]
    passports = {(h.kind, h.id) for h in store.search("passports")}
    assert passports == {("document", document.id), ("claim", "c-1")}
    (izium,) = store.search("Izium graves")
    assert izium.document_id == other.id and "Izium" in izium.snippet
    assert store.search("Kherson") == []
    assert store.search('"; DROP TABLE documents; --') == []


def test_search_matches_cyrillic_words_regardless_of_case(store: Store) -> None:
    document = make_document(text="Окупанти примушують мешканців Сорокиного брати паспорти.")
    store.add_document(document)
    assert [h.document_id for h in store.search("сорокиного")] == [document.id]


def test_incidents_are_replaced_as_a_whole_and_keep_their_order(store: Store) -> None:
    document = make_document()
    store.add_document(document)
    store.replace_claims(document.id, [make_claim(document)])
    incident = Incident(
        id="i-1", type="citizenship_coercion", claim_ids=["c-1"], document_ids=[document.id],
        source_count=1, independent_claimant_count=1, claimants=["GUR"], claimant_kinds=["ukrainian_authority"],
        status="single_source", places=make_claim(document).places, date_start=date(2022, 5, 6),
        date_end=date(2022, 5, 6), summary="Forced passports in Sorokyne",
    )
    second = Incident(
        id="i-0", type="deprivation", claim_ids=[], document_ids=[], source_count=0,
        independent_claimant_count=0, claimants=[], claimant_kinds=[], status="single_source",
    )
    store.replace_incidents([incident, second])
    assert store.list_incidents() == [incident, second]
    store.replace_incidents([second])
    assert store.list_incidents() == [second]


def test_incidents_citing_unknown_claims_are_refused_and_nothing_changes(store: Store) -> None:
    kept = Incident("i-1", "killing", [], [], 0, 0, [], [], "single_source")
    store.replace_incidents([kept])
    broken = Incident("i-2", "killing", ["no-such-claim"], [], 1, 1, [], [], "single_source")
    with pytest.raises(ValueError, match="no-such-claim"):
        store.replace_incidents([broken])
    assert store.list_incidents() == [kept]


def test_outcomes_are_logged_in_order_and_filtered_by_step(store: Store) -> None:
    stored = store.add_document(make_document())
    store.record_outcome(stored, "ingest")
    store.record_outcome(Outcome("feeds/broken.xml", "failed", "not a feed: no RSS or Atom element"), "ingest")
    store.record_outcome(Outcome(stored.subject, "stored", "3 claims", stored.document_id), "extract")
    assert [step for step, _ in store.list_outcomes()] == ["ingest", "ingest", "extract"]
    assert store.list_outcomes("ingest")[1] == (
        "ingest", Outcome("feeds/broken.xml", "failed", "not a feed: no RSS or Atom element")
    )


def test_reopening_a_store_keeps_its_data_and_schema_version(store_url: str) -> None:
    document = make_document()
    with Store.open(store_url) as first:
        first.add_document(document)
    with Store.open(store_url) as second:
        assert second.get_document(document.id) == document
        assert second.add_document(document).status == "duplicate"
        assert second.search("passports")[0].document_id == document.id
    engine = sa.create_engine(store_url)
    with engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all()
    engine.dispose()
    assert versions == [_newest_migration()]


def _newest_migration() -> str:
    folder = Path(svidok.store.__file__).parent / "migrations" / "versions"
    return max(p.stem.split("_")[0] for p in folder.glob("[0-9]*_*.py"))


def test_sqlite_stores_enforce_foreign_keys_and_use_wal(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        engine = store._engine
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_control_characters_in_a_search_are_no_words_and_no_errors(store: Store) -> None:
    document = make_document()
    store.add_document(document)
    assert store.search("\x00") == []
    assert store.search("passports\x00") and store.search("passports\x00")[0].document_id == document.id
