"""Calibration of claim confidence: which claims are right, the reliability table and its error."""
from __future__ import annotations

import pytest
from claims_for_scoring import claim_json, extraction, gold

from svidok.evaluate.datasets import annotated_gold, bellingcat_gold, cir_gold
from svidok.evaluate.scoring import (
    claim_is_correct,
    expected_calibration_error,
    judged_claims,
    reliability_table,
    score_extractions,
)


def test_a_perfectly_calibrated_set_has_zero_error():
    judged = [(0.25, True)] + [(0.25, False)] * 3 + [(0.95, True)] * 19 + [(0.95, False)]
    assert expected_calibration_error(judged) == pytest.approx(0.0)


def test_error_is_the_claim_weighted_gap_of_each_bin():
    # Bin 0.9-1.0: 4 claims at 0.9, all right (gap 0.1); bin 0.1-0.2: 1 claim at 0.1, right (gap 0.9).
    judged = [(0.9, True)] * 4 + [(0.1, True)]
    assert expected_calibration_error(judged) == pytest.approx((4 * 0.1 + 1 * 0.9) / 5)


def test_reliability_table_has_ten_equal_bins_and_puts_1_0_in_the_last():
    table = reliability_table([(0.0, False), (0.05, True), (0.55, True), (1.0, True)])
    assert len(table) == 10
    assert [(b.low, b.high) for b in table][:2] == [(0.0, 0.1), (0.1, 0.2)]
    assert (table[0].count, table[0].mean_confidence, table[0].accuracy) == (2, pytest.approx(0.025), 0.5)
    assert (table[5].count, table[9].count, table[9].accuracy) == (1, 1, 1.0)
    assert table[3].count == 0 and table[3].accuracy is None and table[3].mean_confidence is None


def test_error_of_no_claims_is_undefined():
    assert expected_calibration_error([]) is None


def test_every_claim_of_a_record_is_judged_by_the_accepted_types():
    record = extraction(
        gold(accepted_types=frozenset({"killing", "attack_on_civilians"})),
        [claim_json("killing", 0.9), claim_json("detention", 0.4), claim_json("attack_on_civilians", 0.7)],
    )
    assert judged_claims([record]) == [(0.9, True), (0.4, False), (0.7, True)]


def test_a_record_whose_gold_cannot_judge_types_contributes_no_claims():
    record = extraction(gold(accepted_types=None), [claim_json("killing", 0.9)])
    assert judged_claims([record]) == []
    assert score_extractions("ucdp-like", [record]).calibration is None


def test_any_claim_on_a_text_reporting_no_event_is_wrong():
    row = {"gold": {"types": [], "claimant": None, "date": None}}
    assert claim_is_correct(claim_json("killing"), annotated_gold(row)) is False


def test_civilian_harm_accepts_killing_and_attack_on_civilians_in_bellingcat_and_cir():
    bellingcat = bellingcat_gold({"gold": {"date": "2022-03-01", "lat": 50.0, "lon": 30.0}})
    casualty = cir_gold({"gold": {"date": "2022-03-01", "category": "Civilian Casualty"}})
    presence = cir_gold({"gold": {"date": "2022-03-01", "category": "Russian Military Presence"}})
    bombing = cir_gold({"gold": {"date": "2022-03-01", "category": "Bombing or Explosion"}})
    assert claim_is_correct(claim_json("killing"), bellingcat) and claim_is_correct(claim_json("attack_on_civilians"), casualty)
    assert claim_is_correct(claim_json("military_losses"), bellingcat) is False
    assert claim_is_correct(claim_json("military_movement"), presence)
    assert claim_is_correct(claim_json("military_losses"), presence) is False
    assert claim_is_correct(claim_json("attack_on_civilians"), bombing) is None


def test_scorecard_reports_the_calibration_of_judged_claims():
    records = [
        extraction(gold(type="killing", accepted_types=frozenset({"killing"})), [claim_json("killing", 0.8)]),
        extraction(gold(type="killing", accepted_types=frozenset({"killing"})), [claim_json("torture", 0.8)]),
    ]
    card = score_extractions("cir", records)
    assert card.calibration is not None and card.calibration.claims == 2
    assert card.calibration.expected_calibration_error == pytest.approx(0.3)
    assert card.calibration.bins[8].accuracy == 0.5
