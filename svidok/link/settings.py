"""Thresholds that decide when two claims describe the same event.

They are parameters of the linking method, not knowledge about the world, so they live
beside it; change them in one place and the tests say what moved.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkSettings:
    # Two resolved places this close are one scene (a district, the edge of a city).
    max_distance_km: float = 25.0
    # Reports of one event often date it a day or two apart (night strikes, late reporting).
    date_slack_days: int = 3
    # Token-set similarity of evidence above which two claims plausibly tell the same story
    # once type, place and date already agree.
    similar_evidence: float = 0.3
    # Without places to compare, only near-identical wording is evidence enough.
    strong_evidence: float = 0.6
    # Word-shingle Jaccard above which two documents are copies (syndication, reprints).
    copy_jaccard: float = 0.8
    shingle_words: int = 5
