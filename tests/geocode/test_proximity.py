"""Nearness to the text's other places: anchors a band of latitude away are skipped without
changing any weight, and a place named again is one anchor."""
from __future__ import annotations

import random

import pytest

from svidok.geocode.distance import KM_PER_DEGREE_OF_LATITUDE, haversine_km
from svidok.geocode.gazetteer import Gazetteer, Settlement
from svidok.geocode.recognise import _anchors, find_name_mentions, tokenize
from svidok.geocode.resolve import PROXIMITY_WEIGHT, SETTLEMENT_REACH_KM, Anchor, anchor_of, proximity_weight


def village(lat: float, lon: float) -> Settlement:
    return Settlement(None, "Novoselivka", lat, lon, "UA", "UA.14", 0, "PPL")


def weight_from_every_distance(entry: Settlement, anchors: list[Anchor]) -> float:
    """The weight with the distance to every anchor computed in full."""
    best = max([0.0] + [1.0 - haversine_km(entry.lat, entry.lon, a.lat, a.lon) / a.reach_km for a in anchors])
    return 1.0 + PROXIMITY_WEIGHT * best


def test_proximity_weight_equals_the_weight_from_every_distance_across_ukraine() -> None:
    rng = random.Random(4)
    for _ in range(2000):
        entry = village(rng.uniform(44.4, 52.4), rng.uniform(22.1, 40.2))
        anchors = [Anchor(entry.lat + rng.uniform(-1.0, 1.0), entry.lon + rng.uniform(-1.0, 1.0), rng.choice([30.0, 60.0]))
                   for _ in range(rng.randint(1, 12))]
        assert proximity_weight(entry, anchors) == weight_from_every_distance(entry, anchors)


def test_an_anchor_due_north_just_inside_its_reach_still_pulls() -> None:
    entry = village(48.0, 37.0)
    inside = Anchor(48.0 + 0.999 * SETTLEMENT_REACH_KM / KM_PER_DEGREE_OF_LATITUDE, 37.0, SETTLEMENT_REACH_KM)
    assert proximity_weight(entry, [inside]) == pytest.approx(1.0 + PROXIMITY_WEIGHT * 0.001, abs=1e-6)
    assert proximity_weight(entry, [inside]) == weight_from_every_distance(entry, [inside])


def test_an_anchor_a_degree_of_latitude_away_leaves_the_weight_at_one() -> None:
    assert proximity_weight(village(48.0, 37.0), [Anchor(49.0, 37.0, SETTLEMENT_REACH_KM)]) == 1.0


def test_a_place_named_twice_anchors_its_namesake_neighbours_once(gaz: Gazetteer) -> None:
    text = "Shelling hit Avdiivka. Avdiivka again. Fighting near Novoselivka."
    tokens = tokenize(text)
    mentions = find_name_mentions(text, tokens, gaz, set())
    novoselivka = next(m for m in mentions if text[m.start:m.end] == "Novoselivka")
    avdiivka = next(m.matches[0].entry for m in mentions if text[m.start:m.end] == "Avdiivka")
    assert _anchors(novoselivka, [avdiivka, avdiivka], []) == [anchor_of(avdiivka)]
