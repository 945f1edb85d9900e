"""War-notable sites that are not settlements (landmarks.toml) resolve to their own point,
with the precision their extent allows, and never shadow a settlement of the same name."""
from __future__ import annotations

import pytest

from svidok.geocode import Gazetteer, geocode
from svidok.geocode.landmarks import Landmarks, precision_for_extent

_SMALL = {
    "facility_words": ["airport", "power plant", "plant"],
    "landmark": [
        {"name": "Snake Island", "kind": "island", "admin1": "UA.17", "lat": 45.255, "lon": 30.203,
         "extent_km": 1, "names": ["Zmiinyi Island", "Змеиный"]},
    ],
}


def test_snake_island_is_found_under_its_ukrainian_russian_and_english_names(gaz: Gazetteer) -> None:
    for query in ("Snake Island", "Zmiinyi Island", "острів Зміїний", "Змеиный", "Snake Island, Odessa Oblast"):
        best = geocode(query, gaz)[0]
        assert (best.name, best.precision, best.admin1) == ("Snake Island", "settlement", "Odesa Oblast"), query
        assert abs(best.lat - 45.255) < 0.05 and abs(best.lon - 30.203) < 0.05  # type: ignore[operator]


def test_a_landmark_name_among_other_words_is_still_read() -> None:
    landmarks = Landmarks(_SMALL)
    assert landmarks.mentioned_in("snake island zmiinyi").name == "Snake Island"  # type: ignore[union-attr]
    assert landmarks.mentioned_in("road to kherson") is None


def test_snake_island_written_with_a_village_after_a_slash_is_the_island(gaz: Gazetteer) -> None:
    assert geocode("Snake Island/Bile", gaz)[0].name == "Snake Island"


def test_the_city_keeps_its_name_and_its_airport_is_the_airfield(gaz: Gazetteer) -> None:
    city = geocode("Kherson", gaz)[0]
    airport = geocode("Kherson airport", gaz)[0]
    assert (city.name, city.precision) == ("Kherson", "settlement")
    assert airport.name == "Kherson International Airport"
    assert geocode("Chornobaivka airfield", gaz)[0].name == "Kherson International Airport"
    assert geocode("Chornobaivka", gaz)[0].name == "Chornobaivka"  # the village itself


def test_a_sea_is_only_a_region_with_no_oblast(gaz: Gazetteer) -> None:
    sea = geocode("Black Sea", gaz)[0]
    assert (sea.name, sea.precision, sea.admin1) == ("Black Sea", "region", None)


def test_a_sea_named_after_an_unknown_part_is_the_sea_not_a_village(gaz: Gazetteer) -> None:
    best = geocode("Chorne Sea, Black Sea", gaz)[0]
    assert best.name == "Black Sea" and best.score < 0.6


def test_precision_follows_the_extent_of_the_site() -> None:
    assert precision_for_extent(2) == "settlement"
    assert precision_for_extent(40) == "district"
    assert precision_for_extent(240) == "region"


def test_a_facility_of_a_settlement_falls_back_to_the_settlement(gaz: Gazetteer) -> None:
    best = geocode("Voznesensk airbase, Mykolaiv Oblast", gaz)[0]
    assert (best.name, best.admin1, best.mention) == ("Voznesensk", "Mykolaiv Oblast", "Voznesensk airbase")
    assert best.score < 0.8


def test_facility_words_are_removed_whole_at_either_end() -> None:
    landmarks = Landmarks(_SMALL)
    assert landmarks.without_facility_word("avdiivka power plant") == "avdiivka"
    assert landmarks.without_facility_word("airport boryspil") == "boryspil"
    assert landmarks.without_facility_word("airport") is None


def test_two_landmarks_may_not_share_a_name() -> None:
    twice = dict(_SMALL, landmark=_SMALL["landmark"] * 2)
    with pytest.raises(ValueError, match="snake island"):
        Landmarks(twice)


def test_every_packaged_landmark_lies_in_or_by_ukraine(gaz: Gazetteer) -> None:
    for key in ("azovstal", "zaporizhzhia npp", "crimean bridge", "kinburn spit", "saur mohyla", "belbek airbase"):
        landmark = gaz.landmarks.named(key)
        assert landmark is not None, key
        assert 43 < landmark.lat < 53 and 22 < landmark.lon < 41, key
