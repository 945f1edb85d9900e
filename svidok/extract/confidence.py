"""A claim's confidence: the probability that its type is right, from the evidence behind it.

A logistic calibration over a dozen signals (the type model's probability, whether a pattern
fired, whether a known body is named as the source, where and when, whether the sentence
states how many were killed or hurt, how crowded the sentence is, how long the document,
which language). The coefficients are fitted on the development
data by `scripts/fit_confidence.py` and live in `knowledge/data/confidence.toml`, so a refit
changes data, not code; `svidok eval` reports how well calibrated the result is.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from svidok.knowledge import read_data_file

CONFIDENCE_FILE = "confidence.toml"
# A claim is never certain nor impossible: the data it was fitted on cannot support 0 or 1.
FLOOR, CEILING = 0.01, 0.99
# The model probability is clipped before its logit so that a 0 or 1 stays finite.
_PROBABILITY_CLIP = 0.005
# A pattern match shorter than this ("hit", "shot") is a weaker sign than a phrase.
SHORT_TRIGGER = 10
# Languages with their own coefficient; any other language is scored like English.
CALIBRATED_LANGUAGES = ("uk", "ru")


@dataclass(frozen=True)
class ConfidenceSignals:
    trigger_length: int
    has_claimant: bool
    has_place: bool
    has_date_mention: bool
    triggers_in_sentence: int
    inherited: bool
    # The trained type model's probability of the claim's type; None where no model ran.
    model_probability: float | None = None
    # The model typed the sentence without any pattern firing.
    by_model: bool = False
    # The claimant is a body svidok's actor file knows (not just "officials").
    claimant_canonical: bool = False
    # Characters of the document: one-line reports (headlines, captions) differ from articles.
    document_length: int = 0
    language: str = "en"
    # The claim states a number killed or injured: a count of casualties beside the words that
    # typed it is a second, independent sign that violence is reported.
    states_casualties: bool = False


FEATURE_NAMES: tuple[str, ...] = (
    "intercept",
    "model_logit",
    "no_model",
    "by_model",
    "short_trigger",
    "claimant",
    "canonical_claimant",
    "place",
    "date_mention",
    "extra_triggers",
    "inherited",
    "states_casualties",
    "log_document_length",
    *(f"language_{code}" for code in CALIBRATED_LANGUAGES),
)


def _logit(p: float) -> float:
    p = min(1 - _PROBABILITY_CLIP, max(_PROBABILITY_CLIP, p))
    return math.log(p / (1 - p))


def confidence_features(signals: ConfidenceSignals) -> tuple[float, ...]:
    """The calibration's inputs, in the order of FEATURE_NAMES."""
    has_model = signals.model_probability is not None
    by_name = {
        "intercept": 1.0,
        "model_logit": _logit(signals.model_probability) if signals.model_probability is not None else 0.0,
        "no_model": float(not has_model),
        "by_model": float(signals.by_model),
        "short_trigger": float(not signals.by_model and signals.trigger_length < SHORT_TRIGGER),
        "claimant": float(signals.has_claimant),
        "canonical_claimant": float(signals.claimant_canonical),
        "place": float(signals.has_place),
        "date_mention": float(signals.has_date_mention),
        "extra_triggers": float(max(0, signals.triggers_in_sentence - 1)),
        "inherited": float(signals.inherited),
        "states_casualties": float(signals.states_casualties),
        "log_document_length": math.log10(max(10, signals.document_length)),
        **{f"language_{code}": float(signals.language == code) for code in CALIBRATED_LANGUAGES},
    }
    return tuple(by_name[name] for name in FEATURE_NAMES)


@lru_cache(maxsize=1)
def load_confidence_coefficients() -> tuple[float, ...]:
    """The fitted coefficients in FEATURE_NAMES order; ValueError naming any missing or unknown one."""
    coefficients = read_data_file(CONFIDENCE_FILE)["coefficients"]
    missing = sorted(set(FEATURE_NAMES) - coefficients.keys())
    unknown = sorted(coefficients.keys() - set(FEATURE_NAMES))
    if missing or unknown:
        raise ValueError(
            f"knowledge/data/{CONFIDENCE_FILE}: missing coefficients {missing}, unknown {unknown}; "
            "refit with scripts/fit_confidence.py"
        )
    return tuple(float(coefficients[name]) for name in FEATURE_NAMES)


def probability_from_features(features: tuple[float, ...], coefficients: tuple[float, ...]) -> float:
    score = sum(x * w for x, w in zip(features, coefficients, strict=True))
    # Written so that exp never overflows, whatever the sign of the score.
    sigmoid = 1 / (1 + math.exp(-score)) if score >= 0 else math.exp(score) / (1 + math.exp(score))
    return min(CEILING, max(FLOOR, sigmoid))


def claim_confidence(signals: ConfidenceSignals) -> float:
    """The calibrated probability that a claim with these signals has the right type."""
    return round(probability_from_features(confidence_features(signals), load_confidence_coefficients()), 3)
