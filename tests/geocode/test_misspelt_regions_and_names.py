"""A misspelt oblast name or oblast word in a query still names the oblast, and within a
named oblast a misspelt settlement name is guessed even when short or wrong at its start."""
from __future__ import annotations

from svidok.geocode import Gazetteer, geocode
from svidok.geocode.query import region_of_part


def test_german_and_dutch_romanisations_of_an_oblast_name_are_read(gaz: Gazetteer) -> None:
    for part, region in [("Charkow Oblast", "Kharkiv Oblast"), ("Poltawa Oblast", "Poltava Oblast"),
                         ("Tsjerkasy Oblast", "Cherkasy Oblast")]:
        found = region_of_part(part, gaz, first=False)
        assert found is not None and found.name == region, part


def test_a_misspelt_oblast_word_still_makes_a_region_phrase(gaz: Gazetteer) -> None:
    assert region_of_part("Sumy Oblats", gaz, first=False).name == "Sumy Oblast"  # type: ignore[union-attr]
    assert region_of_part("Odessa Oblst", gaz, first=False).name == "Odesa Oblast"  # type: ignore[union-attr]


def test_a_word_close_to_no_oblast_is_no_region(gaz: Gazetteer) -> None:
    assert region_of_part("Atlantis Oblast", gaz, first=False) is None


def test_a_misspelt_oblast_keeps_the_settlement_inside_it(gaz: Gazetteer) -> None:
    assert {p.admin1 for p in geocode("Novoselivka, Charkow Oblast", gaz)} == {"Kharkiv Oblast"}


def test_a_six_letter_misspelling_is_guessed_only_within_a_named_oblast(gaz: Gazetteer) -> None:
    assert geocode("Tokamk, Zaporizhzhia Oblast", gaz)[0].name == "Tokmak"
    assert geocode("Tokamk", gaz) == []  # too short to guess among every name in the country


def test_a_name_misspelt_at_its_start_is_found_within_the_named_oblast(gaz: Gazetteer) -> None:
    assert geocode("Kadovsk, Kherson Oblast", gaz)[0].name == "Skadovsk"
    assert geocode("Xkadovsk, Kherson Oblast", gaz)[0].name == "Skadovsk"
