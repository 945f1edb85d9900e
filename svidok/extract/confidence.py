"""A claim's confidence from the evidence behind it.

The weights are a first estimate; `svidok eval` reports calibration so they can be fitted.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConfidenceSignals:
    trigger_length: int
    has_claimant: bool
    has_place: bool
    has_date_mention: bool
    triggers_in_sentence: int
    inherited: bool


def claim_confidence(signals: ConfidenceSignals) -> float:
    score = 0.45
    score += 0.1 if signals.trigger_length >= 10 else 0.0
    score += 0.15 if signals.has_claimant else 0.0
    score += 0.1 if signals.has_place else 0.0
    score += 0.05 if signals.has_date_mention else 0.0
    score -= 0.05 * max(0, signals.triggers_in_sentence - 2)
    score -= 0.05 if signals.inherited else 0.0
    return round(min(0.95, max(0.05, score)), 3)
