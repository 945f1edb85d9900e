"""SPEC.md's worked example in Ukrainian and Russian (our own translations): the same eight
claims as the English original, field by field, read natively without translation."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from extract_documents import make_document

from svidok.extract import extract
from svidok.records import Claim

FIXTURES = Path(__file__).parent / "fixtures"
GUR = "Defence Intelligence of Ukraine (GUR)"
ZMINA = "ZMINA Human Rights Centre (ZMINA)"
SOROKYNE = 704403

# Per language: the words each test looks for in the claims' mentions and evidence.
WORDS = {
    "uk": {"gur": "Головному управлінні розвідки", "cue": "заявили", "friday": "у п'ятницю", "citizens": "громадян",
           "deprived": "їжі, медичної допомоги та грошей", "speaker": "Надія Добрянська", "quote": "Ми вважаємо, що це геноцид",
           "referendum": "псевдореферендуми", "war_day": "на 72-й день вторгнення", "according": "За даними",
           "authors": ("Старр", "Райх")},
    "ru": {"gur": "Главном управлении разведки", "cue": "заявили", "friday": "в пятницу", "citizens": "граждан",
           "deprived": "еды, медицинской помощи и денег", "speaker": "Надежда Добрянская", "quote": "Мы считаем, что это геноцид",
           "referendum": "псевдореферендумы", "war_day": "на 72-й день вторжения", "according": "По данным",
           "authors": ("Старр", "Райх")},
}


@pytest.fixture(scope="module", params=["uk", "ru"])
def translated(request: pytest.FixtureRequest) -> tuple[str, list[Claim], str]:
    language = request.param
    text = (FIXTURES / f"sorokine.{language}.txt").read_text(encoding="utf-8")
    document = make_document(text, published=date(2022, 5, 7))
    document.language = language
    result = extract(document)
    assert result.language == language and result.status == "extracted"
    return language, result.claims, text


def claims_of(claims: list[Claim], claim_type: str) -> list[Claim]:
    found = [c for c in claims if c.type == claim_type]
    assert found, f"no {claim_type} claim among {[c.type for c in claims]}"
    return found


def test_passport_coercion_is_asserted_by_gur_at_sorokyne_on_friday(translated) -> None:
    language, claims, _ = translated
    words = WORDS[language]
    claim = claims_of(claims, "citizenship_coercion")[0]
    assert claim.modality == "ongoing" and claim.stance == "asserts"
    assert claim.claimant is not None and claim.claimant.name == GUR and claim.claimant.kind == "ukrainian_authority"
    assert words["gur"] in claim.claimant.mention
    assert claim.cue is not None and claim.cue.text == words["cue"]
    assert claim.claimed_on == date(2022, 5, 6)
    assert claim.date is not None and claim.date.start == date(2022, 5, 6) and claim.date.mention == words["friday"]
    place = claim.places[0]
    assert place.geonameid == SOROKYNE and place.admin1 == "Luhansk Oblast" and place.precision == "settlement"
    assert any("LPR" in p.name for p in claim.perpetrators)
    assert any(words["citizens"] in v.mention for v in claim.victims)
    assert any(r.instrument == "Hague Regulations 1907" and r.article == "45" for r in claim.legal)


def test_deprivation_shares_the_coercion_claimant_place_and_date(translated) -> None:
    language, claims, _ = translated
    claim = claims_of(claims, "deprivation")[0]
    assert claim.claimant is not None and claim.claimant.name == GUR
    assert claim.places[0].geonameid == SOROKYNE
    assert claim.date is not None and claim.date.start == date(2022, 5, 6)
    assert WORDS[language]["deprived"] in claim.evidence[0].text


@pytest.mark.parametrize("claim_type", ["forced_displacement", "sexual_violence", "killing"])
def test_unattributed_allegations_are_general_and_have_no_claimant(translated, claim_type: str) -> None:
    _, claims, _ = translated
    general = [c for c in claims_of(claims, claim_type) if c.modality == "general"]
    assert general, f"no general {claim_type} claim"
    assert general[0].claimant is None and general[0].places == [] and general[0].date is None


def test_zmina_characterises_the_conduct_as_genocide(translated) -> None:
    language, claims, _ = translated
    claim = [c for c in claims_of(claims, "atrocity_label") if c.claimant is not None][0]
    assert claim.claimant is not None and claim.claimant.name == ZMINA and claim.claimant.kind == "ngo"
    assert WORDS[language]["speaker"] in claim.claimant.mention
    assert claim.stance == "characterizes" and claim.label == "genocide"
    assert WORDS[language]["quote"] in claim.evidence[0].text


def test_pseudo_referendums_are_planned_according_to_gur(translated) -> None:
    language, claims, _ = translated
    claim = claims_of(claims, "administrative_imposition")[0]
    assert claim.modality == "planned"
    assert claim.claimant is not None and claim.claimant.name == GUR
    assert WORDS[language]["referendum"] in claim.evidence[0].text


def test_forced_mobilisation_is_placed_in_four_occupied_regions(translated) -> None:
    _, claims, _ = translated
    regions = {p.admin1 for c in claims_of(claims, "forced_conscription") for p in c.places}
    assert {"Luhansk Oblast", "Donetsk Oblast", "Kherson Oblast", "Zaporizhzhia Oblast"} <= regions


def test_heavy_russian_losses_are_dated_to_day_72_of_the_invasion(translated) -> None:
    language, claims, _ = translated
    claim = claims_of(claims, "military_losses")[0]
    assert claim.date is not None and claim.date.start == date(2022, 5, 7)
    assert claim.date.mention == WORDS[language]["war_day"]


def test_lpr_officials_deployment_is_attributed_to_gur_with_three_oblasts(translated) -> None:
    language, claims, _ = translated
    claim = claims_of(claims, "military_movement")[0]
    assert claim.claimant is not None and claim.claimant.name == GUR
    assert claim.cue is not None and claim.cue.text == WORDS[language]["according"]
    assert {p.name for p in claim.places} == {"Donetsk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"}
    assert all(p.precision == "region" for p in claim.places)


def test_the_authors_are_neither_claimants_nor_actors_nor_evidence(translated) -> None:
    language, claims, _ = translated
    for claim in claims:
        people = ([claim.claimant] if claim.claimant else []) + claim.perpetrators + claim.victims
        assert not any(author in a.mention for a in people for author in WORDS[language]["authors"])
        assert not any(author in s.text for s in claim.evidence for author in WORDS[language]["authors"])


def test_every_span_points_at_its_exact_text(translated) -> None:
    _, claims, text = translated
    for claim in claims:
        spans = list(claim.evidence) + list(claim.number_spans.values())
        spans += [s for s in (claim.cue, claim.claimed_on_span, claim.date.span if claim.date else None) if s]
        spans += [a.span for a in ([claim.claimant] if claim.claimant else []) + claim.perpetrators + claim.victims if a.span]
        spans += [p.span for p in claim.places if p.span]
        assert all(text[s.start : s.end] == s.text for s in spans)


def test_the_translations_yield_the_same_claim_types_as_the_english_original(translated) -> None:
    _, claims, _ = translated
    expected = {"citizenship_coercion", "deprivation", "forced_displacement", "sexual_violence", "killing",
                "atrocity_label", "administrative_imposition", "forced_conscription", "military_losses",
                "military_movement"}
    assert {c.type for c in claims} == expected
