"""SPEC.md's worked example, field by field: the first acceptance test of every version."""
from __future__ import annotations

import math
from datetime import date

import pytest

from svidok.extract import extract_claims
from svidok.records import Claim, Document

pytestmark = pytest.mark.shared_data

SOROKYNE = (48.293, 39.733)
GUR = "Defence Intelligence of Ukraine (GUR)"
ZMINA = "ZMINA Human Rights Centre (ZMINA)"


@pytest.fixture(scope="module")
def claims(worked_example: Document) -> list[Claim]:
    return extract_claims(worked_example)


def claims_of(claims: list[Claim], claim_type: str) -> list[Claim]:
    found = [c for c in claims if c.type == claim_type]
    assert found, f"no {claim_type} claim among {[c.type for c in claims]}"
    return found


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def assert_at_sorokyne(claim: Claim) -> None:
    place = claim.places[0]
    assert place.geonameid == 704403 and place.mention == "Sorokine"
    assert place.admin1 == "Luhansk Oblast" and place.precision == "settlement"
    assert km((place.lat, place.lon), SOROKYNE) < 5


def test_passport_coercion_is_asserted_by_gur_at_sorokyne_on_friday(claims: list[Claim]) -> None:
    claim = claims_of(claims, "citizenship_coercion")[0]
    assert claim.modality == "ongoing" and claim.stance == "asserts"
    assert claim.claimant is not None and claim.claimant.name == GUR
    assert claim.claimant.kind == "ukrainian_authority"
    assert "Intelligence Directorate" in claim.claimant.mention
    assert claim.cue is not None and claim.cue.text == "claimed"
    assert claim.claimed_on == date(2022, 5, 6)
    assert claim.date is not None and claim.date.start == date(2022, 5, 6) and claim.date.mention == "Friday"
    assert_at_sorokyne(claim)
    assert any("LPR" in p.name for p in claim.perpetrators)
    assert any("citizens" in v.mention for v in claim.victims)
    assert any(r.instrument == "Hague Regulations 1907" and r.article == "45" for r in claim.legal)


def test_deprivation_shares_the_coercion_claimant_place_and_date(claims: list[Claim]) -> None:
    claim = claims_of(claims, "deprivation")[0]
    assert claim.claimant is not None and claim.claimant.name == GUR
    assert_at_sorokyne(claim)
    assert claim.date is not None and claim.date.start == date(2022, 5, 6)
    assert "food, medical aid and money" in claim.evidence[0].text


@pytest.mark.parametrize("claim_type", ["forced_displacement", "sexual_violence", "killing"])
def test_unattributed_allegations_are_general_and_have_no_claimant(claims: list[Claim], claim_type: str) -> None:
    general = [c for c in claims_of(claims, claim_type) if c.modality == "general"]
    assert general, f"no general {claim_type} claim"
    assert general[0].claimant is None
    assert general[0].places == [] and general[0].date is None


def test_zmina_characterises_the_conduct_as_genocide(claims: list[Claim]) -> None:
    labels = [c for c in claims_of(claims, "atrocity_label") if c.claimant is not None]
    claim = labels[0]
    assert claim.claimant is not None and claim.claimant.name == ZMINA and claim.claimant.kind == "ngo"
    assert "Nadia Dobrianska" in claim.claimant.mention
    assert claim.stance == "characterizes" and claim.label == "genocide"
    assert "We argue that this is genocide" in claim.evidence[0].text


def test_pseudo_referendums_are_planned_according_to_gur(claims: list[Claim]) -> None:
    claim = claims_of(claims, "administrative_imposition")[0]
    assert claim.modality == "planned"
    assert claim.claimant is not None and claim.claimant.name == GUR
    assert "pseudo-referendums" in claim.evidence[0].text


def test_forced_mobilisation_is_placed_in_four_occupied_regions(claims: list[Claim]) -> None:
    regions = {p.admin1 for c in claims_of(claims, "forced_conscription") for p in c.places}
    assert {"Luhansk Oblast", "Donetsk Oblast", "Kherson Oblast", "Zaporizhzhia Oblast"} <= regions


def test_heavy_russian_losses_are_dated_to_day_72_of_the_invasion(claims: list[Claim]) -> None:
    claim = claims_of(claims, "military_losses")[0]
    assert claim.date is not None and claim.date.start == date(2022, 5, 7)
    assert claim.date.mention == "72 days into the invasion"


def test_lpr_officials_deployment_is_attributed_to_gur_with_three_oblasts(claims: list[Claim]) -> None:
    claim = claims_of(claims, "military_movement")[0]
    assert claim.claimant is not None and claim.claimant.name == GUR
    assert claim.cue is not None and claim.cue.text == "According to"
    assert {p.name for p in claim.places} == {"Donetsk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"}
    assert all(p.precision == "region" for p in claim.places)


def test_the_authors_are_neither_claimants_nor_actors(claims: list[Claim]) -> None:
    for claim in claims:
        people = [claim.claimant] if claim.claimant else []
        people += claim.perpetrators + claim.victims
        assert not any("Starr" in a.mention or "Reich" in a.mention for a in people)
        assert not any("contributed to this report" in s.text for s in claim.evidence)


def test_every_field_drawn_from_text_points_at_its_exact_span(worked_example: Document, claims: list[Claim]) -> None:
    text = worked_example.text
    for claim in claims:
        spans = list(claim.evidence) + list(claim.number_spans.values())
        spans += [s for s in (claim.cue, claim.claimed_on_span, claim.date.span if claim.date else None) if s]
        spans += [a.span for a in ([claim.claimant] if claim.claimant else []) + claim.perpetrators + claim.victims if a.span]
        spans += [p.span for p in claim.places if p.span]
        for span in spans:
            assert text[span.start : span.end] == span.text


def test_claims_carry_stable_ids_and_calibrated_confidence_bounds(claims: list[Claim]) -> None:
    assert len({c.id for c in claims}) == len(claims)
    assert all(0 < c.confidence < 1 for c in claims)
