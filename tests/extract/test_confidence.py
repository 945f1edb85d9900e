"""Claim confidence: a calibrated probability read from the fitted coefficients."""
from __future__ import annotations

from dataclasses import replace

from svidok.extract.confidence import (
    FEATURE_NAMES,
    ConfidenceSignals,
    claim_confidence,
    load_confidence_coefficients,
)

HEADLINE = ConfidenceSignals(
    trigger_length=8, has_claimant=False, has_place=True, has_date_mention=False, triggers_in_sentence=1,
    inherited=False, model_probability=0.6, by_model=False, claimant_canonical=False, document_length=60,
    language="en",
)


def test_the_fitted_file_loads_one_coefficient_per_feature():
    assert len(load_confidence_coefficients()) == len(FEATURE_NAMES)


def test_confidence_rises_with_the_models_probability():
    confidences = [claim_confidence(replace(HEADLINE, model_probability=p / 10)) for p in range(0, 11)]
    assert confidences == sorted(confidences)
    assert confidences[-1] > confidences[5] > confidences[0]


def test_confidence_is_a_probability_strictly_between_0_and_1_even_at_the_extremes():
    extremes = [
        replace(HEADLINE, model_probability=1.0, has_claimant=True, claimant_canonical=True, has_date_mention=True,
                document_length=10**6),
        replace(HEADLINE, model_probability=0.0, by_model=True, triggers_in_sentence=12, inherited=True,
                document_length=0, language="ru"),
        replace(HEADLINE, model_probability=None, language="uk"),
    ]
    assert all(0.0 < claim_confidence(signals) < 1.0 for signals in extremes)


def test_a_named_claimant_raises_confidence():
    named = replace(HEADLINE, has_claimant=True, claimant_canonical=True)
    assert claim_confidence(named) > claim_confidence(HEADLINE)


def test_a_type_the_model_guessed_alone_is_less_sure_than_one_a_pattern_found():
    assert claim_confidence(replace(HEADLINE, by_model=True, trigger_length=60)) < claim_confidence(HEADLINE)


def test_a_stated_casualty_count_raises_confidence():
    assert claim_confidence(replace(HEADLINE, states_casualties=True)) > claim_confidence(HEADLINE)
