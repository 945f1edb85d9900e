"""Namesakes near the front of the report's era (eras.toml fronts) are preferred."""
from __future__ import annotations

from datetime import date

import pytest

from svidok.geocode import Gazetteer, geocode
from svidok.geocode.distance import haversine_km
from svidok.geocode.front import FrontLine

# Two made-up front lines: one west-east along the 48th parallel, one a single besieged town.
LINE = [(48.0, 37.0), (48.0, 38.0)]
TOWN = (51.5, 31.3)


def test_a_point_on_the_front_is_fully_near_and_one_beyond_its_reach_not_at_all() -> None:
    front = FrontLine([LINE], reach_km=40.0)
    assert front.nearness(48.0, 37.5) == pytest.approx(1.0)
    assert front.nearness(48.5, 37.5) == 0.0  # some 55 km north of the line


def test_nearness_falls_linearly_with_the_distance_to_the_nearest_segment() -> None:
    front = FrontLine([LINE], reach_km=40.0)
    lat = 48.0 + 20.0 / 111.2  # 20 km north of the middle of the segment
    assert front.nearness(lat, 37.5) == pytest.approx(0.5, abs=0.01)
    # Beyond the segment's end the distance is to its end point, not to the line extended.
    assert front.nearness(48.0, 38.0 + 20.0 / 74.4) == pytest.approx(0.5, abs=0.02)


def test_a_front_of_one_town_is_near_around_that_town() -> None:
    front = FrontLine([LINE, [TOWN]], reach_km=40.0)
    assert front.nearness(*TOWN) == pytest.approx(1.0)
    assert front.nearness(51.5 + 10 / 111.2, 31.3) == pytest.approx(0.75, abs=0.01)


def test_no_front_makes_nothing_near() -> None:
    assert FrontLine([]).nearness(48.0, 37.5) == 0.0
    assert not FrontLine([])


def test_a_report_from_summer_2022_means_the_namesake_on_the_zaporizhzhia_front(gaz: Gazetteer) -> None:
    # Novodanylivka by Orikhiv was on the line; its namesake near the Azov coast was not.
    dated = geocode("Novodanylivka, Zaporizhzhia Oblast", gaz, published="2022-07-15")[0]
    assert haversine_km(dated.lat, dated.lon, 47.576, 35.783) < 25  # Orikhiv
    undated = geocode("Novodanylivka, Zaporizhzhia Oblast", gaz)[0]
    assert haversine_km(undated.lat, undated.lon, 47.576, 35.783) > 50


def test_the_front_of_the_reports_own_era_decides(gaz: Gazetteer) -> None:
    # Zelene Pole by Velyka Novosilka was on the 2022 front, far from the 2015-2022 line of
    # contact (where a namesake's hromada lies): sure in 2022, in doubt in 2016.
    in_2022 = geocode("Zelene Pole, Donetsk Oblast", gaz, published="2022-08-01")[0]
    in_2016 = geocode("Zelene Pole, Donetsk Oblast", gaz, published="2016-08-01")
    assert haversine_km(in_2022.lat, in_2022.lon, 47.843, 36.836) < 25  # Velyka Novosilka
    same_in_2016 = next(p for p in in_2016 if (p.lat, p.lon) == (in_2022.lat, in_2022.lon))
    assert in_2022.score > 0.9 > same_in_2016.score + 0.1


def test_every_front_of_eras_toml_names_known_points(gaz: Gazetteer) -> None:
    # A misspelt point name would fail at load; here: each dated era of the war has a front.
    days = ("2016-01-01", "2022-03-01", "2022-06-01", "2022-10-01", "2023-06-01")
    priors = [gaz.era_prior(date.fromisoformat(day)) for day in days]
    assert all(prior.front for prior in priors)
    assert not gaz.era_prior(None).front


def test_a_point_known_only_roughly_counts_as_that_much_farther_from_the_front() -> None:
    front = FrontLine([LINE], reach_km=40.0)
    assert front.nearness(48.0, 37.5, uncertainty_km=10.0) == pytest.approx(0.75)
    assert front.nearness(48.0 + 35.0 / 111.2, 37.5, uncertainty_km=10.0) == 0.0


def test_a_village_with_its_own_point_near_the_front_beats_a_hromada_centroid_on_it(gaz: Gazetteer) -> None:
    # Novomykhailivka by Marinka (a point of its own, some 10 km from the line) against a
    # namesake known only by its hromada's centroid near Lyman, right on the 2022 line.
    best = geocode("Novomykhailivka (Donetsk region)", gaz, published="2022-06-15")[0]
    assert best.precision == "settlement"
    assert haversine_km(best.lat, best.lon, 47.945, 37.505) < 20  # Marinka
