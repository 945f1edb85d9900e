"""Scoring of extracted claims against gold, on small hand-made pairs."""
from __future__ import annotations

from datetime import date

import pytest
from claims_for_scoring import claim_json, extraction, gold, place

from svidok.evaluate.scoring import (
    NO_CLAIM,
    class_scores,
    confusion_counts,
    haversine_km,
    macro_f1,
    numbers_stated,
    primary_claim,
    score_by_language,
    score_extractions,
)

KRAMATORSK = (48.7389, 37.5848)
SLOVIANSK = (48.8528, 37.6050)


def metric(card, name):
    return next(m for m in card.metrics + card.coverage if m.name == name)


def test_kyiv_to_kharkiv_is_about_410_km():
    assert haversine_km(50.4501, 30.5234, 49.9935, 36.2304) == pytest.approx(410, abs=5)


def test_a_point_is_zero_km_from_itself():
    assert haversine_km(*KRAMATORSK, *KRAMATORSK) == 0.0


def test_primary_claim_is_the_most_confident_and_the_first_on_a_tie():
    claims = [claim_json("killing", 0.4), claim_json("detention", 0.9), claim_json("torture", 0.9)]
    assert primary_claim(claims)["type"] == "detention"
    assert primary_claim([]) is None


def test_date_one_day_off_is_within_tolerance_but_not_exact():
    card = score_extractions("t", [extraction(gold(date=date(2022, 3, 9)), [claim_json(start=date(2022, 3, 8))])])
    assert metric(card, "date_exact").value == 0.0
    assert metric(card, "date_within_1d").value == 1.0


def test_date_two_days_off_is_a_miss_and_a_missing_date_counts_in_the_denominator():
    records = [
        extraction(gold(date=date(2022, 3, 9)), [claim_json(start=date(2022, 3, 11))]),
        extraction(gold(date=date(2022, 3, 9)), [claim_json()]),
    ]
    card = score_extractions("t", records)
    assert (metric(card, "date_within_1d").hits, metric(card, "date_within_1d").total) == (0, 2)
    assert metric(card, "coverage_date").hits == 1


def test_date_is_read_from_the_primary_claim_only():
    claims = [claim_json(confidence=0.3, start=date(2022, 3, 9)), claim_json(confidence=0.8, start=date(2022, 1, 1))]
    card = score_extractions("t", [extraction(gold(date=date(2022, 3, 9)), claims)])
    assert metric(card, "date_exact").hits == 0


def test_coordinates_count_when_the_nearest_place_of_any_claim_is_within_10_km():
    far = place("Kyiv", "Kyiv City", 50.45, 30.52)
    near = place("Kramatorsk", "Donetsk Oblast", *KRAMATORSK)
    records = [
        extraction(gold(lat=KRAMATORSK[0] + 0.05, lon=KRAMATORSK[1]), [claim_json(places=[far]), claim_json(places=[near])]),
        # Sloviansk is about 13 km from Kramatorsk: outside the tolerance.
        extraction(gold(lat=SLOVIANSK[0], lon=SLOVIANSK[1]), [claim_json(places=[near])]),
    ]
    coords = metric(score_extractions("t", records), "coords_10km")
    assert (coords.hits, coords.total) == (1, 2)


def test_admin1_matches_any_place_in_any_spelling_and_kyiv_city_counts_for_kyiv_oblast():
    records = [
        extraction(gold(admin1="Donetsk Oblast", admin1_raw="Donets'ka oblast"),
                   [claim_json(places=[place("Kyiv", "Kyiv City", 50.45, 30.52), place("Bakhmut", "Donetsk oblast", 48.6, 38.0)])]),
        extraction(gold(admin1="Kyiv Oblast", admin1_raw="Kyiv Oblast"), [claim_json(places=[place("Kyiv", "Kyiv City", 50.45, 30.52)])]),
        extraction(gold(admin1="Luhansk Oblast", admin1_raw="Luhansk oblast"), [claim_json(places=[place("Kyiv", "Kyiv City", 50.45, 30.52)])]),
    ]
    admin1 = metric(score_extractions("t", records), "admin1")
    assert (admin1.hits, admin1.total) == (2, 3)


def test_gold_province_that_names_no_single_oblast_is_left_out_of_the_admin1_denominator():
    records = [extraction(gold(admin1=None, admin1_raw="Donbass"), [claim_json()])]
    admin1 = metric(score_extractions("t", records), "admin1")
    assert (admin1.total, admin1.value) == (0, None)


def test_numbers_written_in_words_or_digits_are_stated():
    assert {5, 2} <= numbers_stated("Five dead as police storm camp; 2 wounded")
    assert 1 not in numbers_stated("Dead man found hanging on square")


def test_deaths_are_scored_only_where_the_text_states_the_gold_count():
    records = [
        extraction(gold(deaths=5), [claim_json(fatalities=5)], text="Five dead as police storm protest camp"),
        extraction(gold(deaths=3), [claim_json(fatalities=2)], text="Three soldiers killed near Avdiivka"),
        extraction(gold(deaths=1), [claim_json(fatalities=1)], text="Soldier killed by sniper"),
    ]
    deaths = metric(score_extractions("t", records), "deaths_exact")
    assert (deaths.hits, deaths.total) == (1, 2)


def test_claimant_matches_when_the_primary_claimants_canonical_name_is_among_the_gold_ones():
    dpr = "Donetsk People's Republic authorities (DPR)"
    records = [
        extraction(gold(claimants=frozenset({dpr}), claimant_raw="Eduard Basurin"), [claim_json(claimant=dpr)]),
        extraction(gold(claimants=frozenset({dpr}), claimant_raw="DPR"), [claim_json(claimant="Armed Forces of Ukraine")]),
        extraction(gold(claimants=frozenset(), claimant_raw="MemoryBook"), [claim_json(claimant=dpr)]),
    ]
    claimant = metric(score_extractions("t", records), "claimant")
    assert (claimant.hits, claimant.total) == (1, 2)


def test_confusion_counts_each_gold_and_predicted_pair():
    pairs = [("killing", "killing"), ("killing", "attack_on_civilians"), ("killing", "killing"), ("detention", NO_CLAIM)]
    assert confusion_counts(pairs) == {
        "detention": {NO_CLAIM: 1},
        "killing": {"killing": 2, "attack_on_civilians": 1},
    }


def test_macro_f1_averages_the_gold_classes_equally():
    # killing: P = 2/2, R = 2/3, F1 = 0.8; detention: P = 1/2, R = 1/1, F1 = 2/3.
    pairs = [("killing", "killing"), ("killing", "killing"), ("killing", "detention"), ("detention", "detention")]
    scores = {s.code: s for s in class_scores(pairs)}
    assert scores["killing"].f1 == pytest.approx(0.8)
    assert scores["detention"].precision == pytest.approx(0.5)
    assert macro_f1(pairs) == pytest.approx((0.8 + 2 / 3) / 2)


def test_macro_f1_of_nothing_is_undefined():
    assert macro_f1([]) is None


def test_records_whose_gold_category_has_no_svidok_code_are_not_scored_for_type():
    records = [
        extraction(gold(type="none", category_raw="Munitions"), [claim_json("killing")]),
        extraction(gold(type="killing", category_raw="Civilian Casualty"), []),
    ]
    card = score_extractions("t", records)
    assert metric(card, "type_accuracy").total == 1
    assert card.confusion == {"killing": {NO_CLAIM: 1}}
    assert card.type_macro_f1 == 0.0


def test_metrics_for_gold_fields_the_data_set_lacks_are_not_shown():
    card = score_extractions("t", [extraction(gold(date=date(2022, 3, 9)), [])])
    assert [m.name for m in card.metrics] == ["date_exact", "date_within_1d"]


def test_scores_split_by_document_language():
    records = [
        extraction(gold(date=date(2022, 3, 9)), [claim_json(start=date(2022, 3, 9))], language="uk"),
        extraction(gold(date=date(2022, 3, 9)), [], language=None),
    ]
    cards = score_by_language("t", records)
    assert sorted(cards) == ["uk", "unknown"]
    assert metric(cards["uk"], "date_exact").value == 1.0


def test_a_claimant_above_or_below_the_gold_body_in_the_actor_files_parent_chain_is_the_same_voice():
    armed_forces = "Armed Forces of Ukraine"
    records = [
        extraction(gold(claimants=frozenset({armed_forces}), claimant_raw="Ukrainian military"),
                   [claim_json(claimant="Ministry of Defence of Ukraine")]),
        extraction(gold(claimants=frozenset({"Donetsk People's Republic authorities (DPR)"}), claimant_raw="DPR"),
                   [claim_json(claimant="Donetsk News Agency")]),
        extraction(gold(claimants=frozenset({armed_forces}), claimant_raw="Ukrainian military"),
                   [claim_json(claimant="National Police of Ukraine")]),
    ]
    claimant = metric(score_extractions("t", records), "claimant")
    assert (claimant.hits, claimant.total) == (2, 3)


def test_deaths_are_read_from_the_most_confident_claim_that_states_a_count_and_never_added_up():
    claims = [claim_json(confidence=0.9), claim_json(confidence=0.6, fatalities=2), claim_json(confidence=0.5, fatalities=3)]
    records = [extraction(gold(deaths=2), claims, text="Shelling kills two; three dead in Donetsk")]
    card = score_extractions("t", records)
    assert metric(card, "deaths_exact").hits == 1
    assert metric(card, "coverage_fatalities").hits == 1


def test_a_field_left_empty_lowers_recall_and_a_wrong_value_lowers_precision():
    records = [
        extraction(gold(date=date(2022, 3, 9)), [claim_json(start=date(2022, 3, 9))]),  # right
        extraction(gold(date=date(2022, 3, 9)), [claim_json(start=date(2022, 2, 1))]),  # wrong
        extraction(gold(date=date(2022, 3, 9)), [claim_json()]),  # no date given
        extraction(gold(date=date(2022, 3, 9)), []),  # no claim at all
    ]
    exact = metric(score_extractions("t", records), "date_exact")
    assert (exact.hits, exact.answered_hits, exact.answered, exact.total) == (1, 1, 2, 4)
    assert (exact.precision, exact.value) == (0.5, 0.25)
    assert exact.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_a_right_abstention_is_a_hit_for_recall_but_no_answer_for_precision():
    records = [
        extraction(gold(type=NO_CLAIM), []),  # no event, no claim: right
        extraction(gold(type="killing"), [claim_json("killing")]),  # right
        extraction(gold(type="killing"), [claim_json("detention")]),  # wrong
    ]
    types = metric(score_extractions("t", records), "type_accuracy")
    assert (types.hits, types.total, types.answered_hits, types.answered) == (2, 3, 1, 2)
    assert types.precision == 0.5
