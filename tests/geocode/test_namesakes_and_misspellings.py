"""Choosing among namesakes by the raion and places a text names, and recovering misspellings."""
from __future__ import annotations

from svidok.geocode import Gazetteer, find_places, geocode
from svidok.geocode.distance import haversine_km
from svidok.geocode.fuzzy import within_one_edit
from svidok.geocode.resolve import DISTRICT_REACH_KM


def test_namesake_is_resolved_by_its_raion(gaz: Gazetteer) -> None:
    unqualified = geocode("Novoselivka, Donetsk Oblast", gaz)[0]
    raion = geocode("Pokrovsk district, Donetsk Oblast", gaz)[0]
    best = geocode("Novoselivka, Pokrovsk district, Donetsk Oblast", gaz)[0]
    assert best.name == "Novoselivka" and best.admin1 == "Donetsk Oblast"
    assert haversine_km(best.lat, best.lon, raion.lat, raion.lon) < DISTRICT_REACH_KM
    assert (best.lat, best.lon) != (unqualified.lat, unqualified.lon)


def test_namesake_near_another_place_in_the_context_wins(gaz: Gazetteer) -> None:
    context = "Satellite imagery shows heavy shelling in the area near Berestove."
    best = geocode("Mykolaivka, Luhansk Oblast", gaz, context)[0]
    berestove = find_places(context, gaz)[0]
    assert haversine_km(best.lat, best.lon, berestove.lat, berestove.lon) < 15


def test_namesakes_nothing_tells_apart_score_low_with_runner_ups(gaz: Gazetteer) -> None:
    candidates = geocode("Vesele, Kharkiv Oblast", gaz)
    assert len(candidates) > 1 and all(c.admin1 == "Kharkiv Oblast" for c in candidates)
    assert candidates[0].score < 0.6


def test_misspelling_one_edit_from_a_unique_place_is_recovered_at_lower_score(gaz: Gazetteer) -> None:
    # ("Lysytsjansk", once the example here, is now read as the Dutch spelling it is.)
    best = geocode("Lysychnask, Luhansk Oblast", gaz)[0]
    assert best.name == "Lysychansk" and best.precision == "settlement" and best.score < 0.7
    assert geocode("Kramatorks", gaz)[0].name == "Kramatorsk"


def test_misspelling_close_to_two_places_stays_unresolved(gaz: Gazetteer) -> None:
    assert geocode("Novoselivkq", gaz) == []
    assert geocode("Novoselivkq, Donetsk Oblast", gaz)[0].precision == "region"


def test_one_edit_counts_insertions_deletions_substitutions_and_swaps() -> None:
    assert within_one_edit("kramatorsk", "kramatorks")
    assert within_one_edit("kramatorsk", "kramatosk")
    assert within_one_edit("kramatorsk", "kramatorskk")
    assert within_one_edit("kramatorsk", "kramatursk")
    assert not within_one_edit("kramatorsk", "kramotarsk")


def test_bare_oblast_centre_over_a_text_about_another_town_is_that_town(gaz: Gazetteer) -> None:
    best = geocode("Kherson", gaz, "Damage to a school in Kakhovka.")[0]
    assert best.name == "Kakhovka" and best.score < 1.0


def test_bare_oblast_centre_named_again_in_the_text_stays_the_city(gaz: Gazetteer) -> None:
    assert geocode("Kherson", gaz, "Massive damage visible in Kherson and Kakhovka.")[0].name == "Kherson"
