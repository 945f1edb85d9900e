"""Raions from before the 2020 reform resolve to the town they were named after, and
German, Dutch and Polish spellings read back into English romanisation."""
from __future__ import annotations

import pytest

from svidok.geocode import Gazetteer, find_places, geocode
from svidok.geocode.names import foreign_readings


@pytest.mark.parametrize("query", [
    "Popasnianskyi raion", "Popasnyans'kyi district, Luhansk Oblast", "Popasnyans'kyi, Luhansk Oblast",
    "Попаснянський район", "Popasna district",
])
def test_a_raion_abolished_in_2020_is_placed_at_its_centre_town(gaz: Gazetteer, query: str) -> None:
    best = geocode(query, gaz)[0]
    assert best.name == "Popasnianskyi Raion (before 2020)"
    assert (best.precision, best.admin1) == ("district", "Luhansk Oblast")
    assert abs(best.lat - 48.63) < 0.05 and abs(best.lon - 38.37) < 0.05  # type: ignore[operator]


def test_a_raion_that_still_exists_is_not_taken_for_a_former_one(gaz: Gazetteer) -> None:
    assert geocode("Bakhmutskyi raion", gaz)[0].name == "Bakhmutskyi Raion"


def test_a_former_raion_in_running_text_is_read_in_its_case_forms(gaz: Gazetteer) -> None:
    places = find_places("Обстріл у Попаснянському районі Луганської області.", gaz)
    assert [(p.name, p.precision) for p in places] == [
        ("Popasnianskyi Raion (before 2020)", "district"), ("Luhansk Oblast", "region")]


def test_an_adjective_no_raion_ever_had_finds_no_former_raion(gaz: Gazetteer) -> None:
    assert gaz.former_raions("qwertyskyi") == []


@pytest.mark.parametrize(("key", "reading"), [
    ("sewerodonezk", "severodonetsk"),   # German z is ц, w is в
    ("schachtarsk", "shakhtarsk"),       # German sch is ш, ch is х
    ("nowoasowsk", "novoazovsk"),        # German s between vowels is з
    ("lyssytschansk", "lysychansk"),     # German ss is с, tsch is ч
    ("sjachtarsk", "shakhtarsk"),        # Dutch sj is ш
    ("tsjasiv jar", "chasiv yar"),       # Dutch tsj is ч, j is й
    ("donieck", "donetsk"),              # Polish soft i, c is ц
    ("szczastia", "shchastia"),          # Polish szcz is щ
])
def test_a_foreign_spelling_has_its_english_reading(key: str, reading: str) -> None:
    assert reading in foreign_readings(key)


def test_a_cyrillic_or_english_key_needs_no_foreign_reading() -> None:
    assert foreign_readings("сєвєродонецьк") == []
    assert foreign_readings("kramatorsk") == []


@pytest.mark.parametrize(("query", "admin1"), [
    ("Sewerodonezk", "Luhansk Oblast"), ("Schachtarsk", "Donetsk Oblast"), ("Sjachtarsk", "Donetsk Oblast"),
])
def test_german_and_dutch_city_names_resolve(gaz: Gazetteer, query: str, admin1: str) -> None:
    best = geocode(query, gaz)[0]
    assert (best.precision, best.admin1) == ("settlement", admin1)
    assert best.score >= 0.9
