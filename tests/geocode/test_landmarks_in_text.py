"""`find_places` reads landmarks (landmarks.toml) in running text: the site takes the words
of its name before the settlement inside it, and never a settlement's own name."""
from __future__ import annotations

from svidok.geocode import Gazetteer, find_places
from svidok.geocode.landmarks import Landmarks

_SMALL = {
    "facility_words": ["airport"],
    "landmark": [
        {"name": "Test Plant", "kind": "plant", "admin1": "UA.26", "lat": 47.5, "lon": 34.6,
         "extent_km": 3, "names": ["Test nuclear power plant", "Test NPP", "Saur-Test"]},
    ],
}


def test_shelling_near_the_zaporizhzhia_nuclear_power_plant_gives_the_plant(gaz: Gazetteer) -> None:
    places = find_places("Shelling was reported near the Zaporizhzhia nuclear power plant overnight.", gaz)
    assert [(p.name, p.precision) for p in places] == [("Zaporizhzhia Nuclear Power Plant", "settlement")]
    plant = places[0]
    assert plant.span is not None and plant.span.text == "Zaporizhzhia nuclear power plant"
    assert abs(plant.lat - 47.51) < 0.05 and abs(plant.lon - 34.58) < 0.05  # type: ignore[operator]


def test_the_airport_takes_the_city_name_inside_it_and_the_city_alone_stays_the_city(gaz: Gazetteer) -> None:
    places = find_places("Missiles hit Kherson airport, then Kherson itself.", gaz)
    assert [p.name for p in places] == ["Kherson International Airport", "Kherson"]
    assert [p.mention for p in places] == ["Kherson airport", "Kherson"]


def test_a_landmark_named_in_cyrillic_or_with_a_hyphen_is_read(gaz: Gazetteer) -> None:
    assert [p.name for p in find_places("Азовсталь тримається.", gaz)] == ["Azovstal Iron and Steel Works"]
    assert [p.name for p in find_places("Fighting at Saur-Mohyla again.", gaz)] == ["Saur-Mohyla"]


def test_a_landmark_name_in_lower_case_only_is_no_landmark(gaz: Gazetteer) -> None:
    assert find_places("the storm left a black sea of mud behind", gaz) == []


def test_a_sea_is_found_but_lends_no_anchor_to_namesakes(gaz: Gazetteer) -> None:
    places = find_places("Russian ships in the Black Sea fired missiles.", gaz)
    assert [(p.name, p.precision) for p in places] == [("Black Sea", "region")]


def test_the_longest_landmark_name_from_a_word_is_taken() -> None:
    landmarks = Landmarks(_SMALL)
    keys = ["near", "test", "nuclear", "power", "plant", "today"]
    assert landmarks.named_at(keys, 1) is not None
    landmark, size = landmarks.named_at(keys, 1)  # type: ignore[misc]
    assert (landmark.name, size) == ("Test Plant", 4)
    assert landmarks.named_at(keys, 0) is None
    assert landmarks.named_at(["saur test"], 0) is not None  # a hyphenated word's key has a space
