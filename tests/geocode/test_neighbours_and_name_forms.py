"""Farther Russian and Belarusian regions, hromada adjectives, translated name prefixes,
cut-off and letter-swapped names, and document neighbours in find_places: texts written for
these tests."""
from __future__ import annotations

import pytest

from svidok.geocode import Gazetteer, find_places, geocode
from svidok.geocode.distance import haversine_km
from svidok.geocode.fuzzy import letters_swapped


def best(query: str, gaz: Gazetteer, context: str = "") -> tuple[str, str | None, str]:
    places = geocode(query, gaz, context)
    assert places, f"{query!r} found nothing"
    return places[0].name, places[0].admin1, places[0].precision


@pytest.mark.parametrize(("query", "name", "admin1"), [
    ("Moscow", "Moscow", "Moscow City"),
    ("Москва", "Moscow", "Moscow City"),
    ("Moskovskiy settlement, Moscow Region", "Moskovskiy", "Moscow City"),
    ("Engels, Saratov region", "Engels", "Saratov Oblast"),
    ("Novorossiysk", "Novorossiysk", "Krasnodar Krai"),
    ("Yeysk", "Yeysk", "Krasnodar Krai"),
    ("Millerovo", "Millerovo", "Rostov Oblast"),
    ("Minsk", "Minsk", "Minsk City"),
    ("Gomel", "Homyel'", "Gomel Region"),
])
def test_russian_and_belarusian_towns_that_reports_name_are_found(gaz: Gazetteer, query: str, name: str,
                                                                   admin1: str) -> None:
    assert best(query, gaz)[:2] == (name, admin1)


def test_a_belarusian_region_named_alone_is_a_region(gaz: Gazetteer) -> None:
    assert best("Gomel region", gaz) == ("Gomel Region", "Gomel Region", "region")


def test_a_ukrainian_village_outweighs_a_moscow_district_of_the_same_name(gaz: Gazetteer) -> None:
    assert geocode("Sokolniki", gaz)[0].country == "UA"


def test_the_minsk_talks_name_no_place(gaz: Gazetteer) -> None:
    text = "Fighting kills 45 ahead of Minsk peace summit; Moscow says it will attend."
    assert [p.name for p in find_places(text, gaz)] == []


@pytest.mark.parametrize(("query", "centre"), [
    ("Beryslavska (Kherson region)", "Beryslav"),
    ("Snihurivska, Mykolaiv Oblast", "Snihurivka"),
])
def test_a_hromada_adjective_resolves_to_the_hromada_centre(gaz: Gazetteer, query: str, centre: str) -> None:
    assert best(query, gaz)[0] == centre


def test_a_surname_shaped_like_a_hromada_is_no_place_in_text(gaz: Gazetteer) -> None:
    assert find_places("Nadia Dobrianska spoke to reporters.", gaz) == []


@pytest.mark.parametrize(("query", "name"), [
    ("New Korotich", "Novyi Korotych"),
    ("Old Saltiv", "Staryi Saltiv"),
    ("New Aidar", "Novoaidar"),
    ("Great Novosilka", "Velyka Novosilka"),
    ("Little Danylivka", "Mala Danylivka"),
])
def test_a_translated_prefix_reads_as_its_ukrainian_form(gaz: Gazetteer, query: str, name: str) -> None:
    assert best(query, gaz)[0] == name


def test_a_translated_prefix_with_no_such_place_finds_nothing(gaz: Gazetteer) -> None:
    assert geocode("New Atlantis", gaz) == []


def test_a_cut_off_name_reaches_the_one_name_it_begins(gaz: Gazetteer) -> None:
    assert best("Kupyan", gaz)[0] == "Kupyansk"


def test_a_cut_off_name_that_begins_several_names_finds_nothing(gaz: Gazetteer) -> None:
    assert geocode("Novoolek", gaz) == []


def test_two_swapped_letters_are_recovered(gaz: Gazetteer) -> None:
    assert letters_swapped("enerdohar", "enerhodar")
    assert not letters_swapped("enerdohar", "enerhodat")
    assert best("Enerdohar", gaz)[0] == "Enerhodar"


def test_a_misspelling_shared_by_namesakes_in_the_named_region_is_kept(gaz: Gazetteer) -> None:
    # "Shakhtarsk" is one letter from Shakhtarske, a town and two villages of Dnipropetrovsk Oblast.
    name, admin1, _ = best("Shakhtarsk (Dnipro region)", gaz)
    assert (name, admin1) == ("Shakhtarske", "Dnipropetrovsk Oblast")


def test_find_places_pulls_a_namesake_towards_the_other_places_of_the_document(gaz: Gazetteer) -> None:
    alone = find_places("Shelling hit Novoselivka overnight.", gaz)[0]
    text = "Shelling hit Novoselivka overnight, the head of the Avdiivka administration said."
    places = {p.mention: p for p in find_places(text, gaz)}
    near, avdiivka = places["Novoselivka"], places["Avdiivka"]
    assert (near.lat, near.lon) != (alone.lat, alone.lon)
    assert haversine_km(near.lat, near.lon, avdiivka.lat, avdiivka.lon) < 30
