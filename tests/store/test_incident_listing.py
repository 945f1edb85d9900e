"""The incident list's filters and text search return exactly the right incidents, on SQLite and PostgreSQL,
and stay right through relinking and analysts' merges, splits and edits."""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import UTC, date, datetime

import pytest
from alembic import command

from svidok.records import Actor, Claim, Document, EventDate, Incident, Place, Span
from svidok.store import Store
from svidok.store.migrate import alembic_config
from svidok.store.queries import IncidentFilter, IncidentQueries
from svidok.store.review import Reviews

KHARKIV = Place("Kharkiv", "Kharkiv", 706483, "Kharkiv Oblast", "UA", 49.98, 36.25, "settlement")
KHERSON = Place("Kherson", "Kherson", 706448, "Kherson Oblast", "UA", 46.64, 32.61, "settlement")

# Each document's words are its own, so a search names the documents it must find.
TEXTS = {
    "school": "A missile hit the school in Kharkiv at night.",
    "market": "Shelling struck the market in Kharkiv; volunteers cleared rubble.",
    "bridge": "Artillery destroyed the bridge near Kherson, the governor said.",
    "camp": "Residents of Kherson were held in a filtration camp and deported.",
    "grain": "A drone burned the grain warehouse outside Kherson.",
}


def _document(key: str) -> Document:
    return Document(
        raw=TEXTS[key].encode(), origin=f"test:{key}", captured_at=datetime(2025, 1, 1, tzinfo=UTC),
        text=TEXTS[key], title=f"Report on the {key}", language="en",
    )


def _claim(key: str, claim_type: str, place: Place, day: date, kind: str) -> Claim:
    document = _document(key)
    return Claim(
        id=f"claim-{key}", document_id=document.id, type=claim_type, modality="occurred", stance="asserts",
        evidence=[Span(0, len(document.text), document.text)], places=[place],
        date=EventDate(day, day, "day", day.isoformat()), claimant=Actor(f"{kind} source", "they", kind),
    )


CLAIMS = {
    "school": _claim("school", "missile_strike", KHARKIV, date(2022, 5, 3), "ngo"),
    "market": _claim("market", "missile_strike", KHARKIV, date(2022, 5, 4), "media"),
    "bridge": _claim("bridge", "shelling", KHERSON, date(2022, 11, 2), "ukrainian_authority"),
    "camp": _claim("camp", "deportation", KHERSON, date(2022, 9, 20), "ngo"),
    "grain": _claim("grain", "shelling", KHERSON, date(2023, 2, 1), "media"),
}


def _incident(incident_id: str, claims: list[Claim], status: str = "single_source") -> Incident:
    first = claims[0]
    return Incident(
        id=incident_id, type=first.type, claim_ids=[c.id or "" for c in claims],
        document_ids=sorted({c.document_id for c in claims}), source_count=len(claims),
        independent_claimant_count=len(claims), claimants=[c.claimant.name for c in claims if c.claimant],
        claimant_kinds=sorted({c.claimant.kind for c in claims if c.claimant}), status=status,  # type: ignore[arg-type]
        places=first.places, date_start=first.date.start if first.date else None,
        date_end=first.date.start if first.date else None,
    )


def _build_incident(claims: list[Claim], _documents: Mapping[str, Document]) -> Incident:
    """Stands in for the linker's builder: an incident of exactly these claims."""
    return _incident("inc-" + "+".join(sorted(c.id or "" for c in claims)), claims)


@pytest.fixture
def filled(store: Store) -> Store:
    for key, claim in CLAIMS.items():
        store.add_document(_document(key))
        store.replace_claims(claim.document_id, [claim])
    store.replace_incidents([
        _incident("kharkiv-strikes", [CLAIMS["school"], CLAIMS["market"]], "corroborated"),
        _incident("bridge", [CLAIMS["bridge"]], "contested"),
        _incident("camp", [CLAIMS["camp"]]),
        _incident("grain", [CLAIMS["grain"]]),
    ])
    return store


def _ids(store: Store, **wanted: object) -> list[str]:
    page = IncidentQueries(store).incident_page(IncidentFilter(**wanted), 1, 100)  # type: ignore[arg-type]
    assert page.total == len(page.incidents)
    return [incident.id for incident in page.incidents]


def test_a_text_search_finds_the_incidents_whose_documents_hold_every_word(filled: Store) -> None:
    assert _ids(filled, text="Kherson") == ["bridge", "camp", "grain"]
    assert _ids(filled, text="kherson DEPORTED") == ["camp"]
    # Words from two documents of one incident find it; words from two incidents find neither.
    assert _ids(filled, text="school market") == ["kharkiv-strikes"]
    assert _ids(filled, text="school bridge") == []
    assert _ids(filled, text="report warehouse") == ["grain"]
    assert _ids(filled, text='"; DROP TABLE incidents; --') == []
    assert _ids(filled, text="  ") == ["kharkiv-strikes", "bridge", "camp", "grain"]


def test_filters_combine_with_the_text_search_and_with_each_other(filled: Store) -> None:
    assert _ids(filled, text="Kherson", type="shelling") == ["bridge", "grain"]
    assert _ids(filled, text="Kherson", claimant_kind="ngo") == ["camp"]
    assert _ids(filled, text="Kherson", status="contested") == ["bridge"]
    assert _ids(filled, type="missile_strike", oblast="Kharkiv Oblast") == ["kharkiv-strikes"]
    assert _ids(filled, oblast="Kherson Oblast", date_from=date(2022, 10, 1)) == ["bridge", "grain"]
    assert _ids(filled, status="single_source") == ["camp", "grain"]


def test_oblast_kind_and_dates_must_hold_for_one_and_the_same_claim(filled: Store) -> None:
    # The Kharkiv incident has an NGO claim of 3 May and a media claim of 4 May.
    assert _ids(filled, claimant_kind="ngo", date_from=date(2022, 5, 3), date_to=date(2022, 5, 3)) == [
        "kharkiv-strikes"
    ]
    assert _ids(filled, claimant_kind="ngo", date_from=date(2022, 5, 4), date_to=date(2022, 5, 4)) == []
    assert _ids(filled, oblast="Kharkiv Oblast", claimant_kind="ukrainian_authority") == []


def test_pages_of_a_search_split_the_matches_and_count_them_all(filled: Store) -> None:
    queries = IncidentQueries(filled)
    first, second = (queries.incident_page(IncidentFilter(text="Kherson"), page, 2) for page in (1, 2))
    assert [i.id for i in first.incidents] == ["bridge", "camp"] and [i.id for i in second.incidents] == ["grain"]
    assert first.total == second.total == 3 and first.pages == 2
    beyond = queries.incident_page(IncidentFilter(text="Kherson", type="shelling"), 2, 2)
    assert beyond.incidents == [] and beyond.total == 2


def test_an_analysts_decision_sets_the_status_the_filter_sees(filled: Store) -> None:
    reviews = Reviews(filled, _build_incident)
    reviews.decide("ana", "incident", "bridge", "accepted", "seen on video")
    reviews.decide("ana", "incident", "grain", "rejected", "old footage")
    assert _ids(filled, status="verified") == ["bridge"]
    assert _ids(filled, status="rejected") == ["grain"]
    assert _ids(filled, status="contested") == []
    assert _ids(filled, status="single_source") == ["camp"]


def test_a_merge_moves_the_absorbed_incidents_words_to_the_kept_one(filled: Store) -> None:
    Reviews(filled, _build_incident).merge("ana", "bridge", "grain", "same night")
    assert _ids(filled, text="warehouse") == ["bridge"]
    assert _ids(filled, text="warehouse bridge governor") == ["bridge"]
    assert _ids(filled, oblast="Kherson Oblast", date_from=date(2023, 1, 1)) == ["bridge"]
    assert _ids(filled, text="Kherson") == ["bridge", "camp"]


def test_a_split_gives_the_moved_claims_words_to_the_new_incident_only(filled: Store) -> None:
    moved = Reviews(filled, _build_incident).split("ana", "kharkiv-strikes", ["claim-market"], "two strikes")
    assert _ids(filled, text="market") == [moved.id]
    assert _ids(filled, text="school") == ["kharkiv-strikes"]
    assert _ids(filled, text="school market") == []
    assert _ids(filled, claimant_kind="media", oblast="Kharkiv Oblast") == [moved.id]
    assert _ids(filled, text="Kharkiv") == ["kharkiv-strikes", moved.id]


def test_an_edit_that_changes_a_claims_type_moves_it_and_its_words_out(filled: Store) -> None:
    edited = dataclasses.replace(CLAIMS["market"], type="shelling", places=[KHERSON])
    Reviews(filled, _build_incident).edit_claim("ana", edited, "it was shelling, in Kherson")
    (new_id,) = set(_ids(filled, text="market")) - {"kharkiv-strikes"}
    assert _ids(filled, text="market") == [new_id]
    assert _ids(filled, type="shelling", oblast="Kherson Oblast", text="volunteers") == [new_id]
    assert _ids(filled, text="school") == ["kharkiv-strikes"]
    assert _ids(filled, oblast="Kharkiv Oblast") == ["kharkiv-strikes"]


def test_an_edit_of_a_claims_place_and_claimant_moves_its_incident_between_filters(filled: Store) -> None:
    edited = dataclasses.replace(CLAIMS["grain"], places=[KHARKIV], claimant=Actor("A witness", "she", "witness"))
    Reviews(filled, _build_incident).edit_claim("ana", edited, "the warehouse is in Kharkiv")
    assert _ids(filled, oblast="Kharkiv Oblast", claimant_kind="witness") == ["grain"]
    assert _ids(filled, oblast="Kherson Oblast") == ["bridge", "camp"]
    assert _ids(filled, text="warehouse") == ["grain"]


def test_relinking_replaces_the_searchable_texts_with_the_new_incidents(filled: Store) -> None:
    filled.replace_incidents([_incident("everything-in-kherson", [CLAIMS[k] for k in ("bridge", "camp", "grain")])])
    assert _ids(filled, text="deported warehouse") == ["everything-in-kherson"]
    assert _ids(filled, text="school") == []
    filled.replace_incidents([])
    assert _ids(filled, text="Kherson") == []


def test_upgrading_a_store_with_incidents_makes_them_searchable(filled: Store) -> None:
    # Back to the schema before incident texts, then up again: the migration fills them.
    with filled.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0004")
    with filled.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    assert _ids(filled, text="Kherson") == ["bridge", "camp", "grain"]
    assert _ids(filled, text="school market") == ["kharkiv-strikes"]
    Reviews(filled, _build_incident).merge("ana", "bridge", "grain", "same night")
    assert _ids(filled, text="warehouse") == ["bridge"]


def _wide_vocabulary_text(words: int) -> str:
    """Distinct made-up words, as in a dump of names and numbers: the worst case for a tsvector."""
    letters = "абвгдежзиклмнопрстуфхцчшщюя"
    return " ".join(
        "".join(letters[(n // len(letters) ** k) % len(letters)] for k in range(5)) + "ів" for n in range(words)
    )


def test_a_document_too_wide_for_one_tsvector_is_stored_whole_and_found_by_its_opening_words(store: Store) -> None:
    opening = "Ракетний удар по Харкову."
    text = opening + " " + _wide_vocabulary_text(400_000)  # 3 MB of UTF-8, 400,000 distinct words
    document = Document(raw=text.encode(), origin="test:wide", captured_at=datetime(2025, 1, 1, tzinfo=UTC), text=text)
    claim = dataclasses.replace(CLAIMS["school"], id="claim-wide", document_id=document.id,
                                evidence=[Span(0, len(opening), opening)])

    assert store.add_document(document).status == "stored"
    store.replace_claims(document.id, [claim])
    store.replace_incidents([_incident("wide", [claim])])

    assert store.get_document(document.id).text == text  # type: ignore[union-attr]
    assert [hit.document_id for hit in store.search("Харкову", limit=5)] == [document.id, document.id]
    assert _ids(store, text="Харкову") == ["wide"]
