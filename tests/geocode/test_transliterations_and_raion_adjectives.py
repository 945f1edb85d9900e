"""Dutch, German and Polish romanisations reach the place through the spelling skeleton, and
a raion or hromada adjective without the word "district", or spelt another way, still names it."""
from __future__ import annotations

from svidok.geocode import Gazetteer, geocode
from svidok.geocode.names import spelling_skeleton


def test_dutch_german_and_polish_che_share_the_skeleton_of_the_english_spelling() -> None:
    english = spelling_skeleton("lysychansk")
    for foreign in ("lysytsjansk", "lyssytschansk", "łysyczansk"):
        assert spelling_skeleton(foreign) == english, foreign


def test_dutch_zje_is_zhe() -> None:
    assert spelling_skeleton("zjytomyr") == spelling_skeleton("zhytomyr")


def test_a_city_in_another_romanisation_beats_a_wrong_oblast_in_the_query(gaz: Gazetteer) -> None:
    best = geocode("Lysytsjansk, Donetsk Oblast", gaz)[0]
    assert (best.name, best.admin1) == ("Lysychansk", "Luhansk Oblast")


def test_a_name_inside_the_named_oblast_is_matched_by_skeleton_against_its_listed_spellings(gaz: Gazetteer) -> None:
    best = geocode("Sjevjerodonetsk, Luhansk Oblast", gaz)[0]
    assert best.precision == "settlement" and best.admin1 == "Luhansk Oblast"
    assert abs(best.lat - 48.95) < 0.1  # type: ignore[operator]


def test_a_raion_adjective_spelt_with_yu_is_the_raion(gaz: Gazetteer) -> None:
    best = geocode("Izyums'kyi district, Kharkiv Oblast", gaz)[0]
    assert (best.name, best.precision) == ("Iziumskyi Raion", "district")


def test_a_lone_raion_adjective_is_the_raion(gaz: Gazetteer) -> None:
    for query in ("Brovars'kyi, Kyiv Oblast", "Бахмутський"):
        best = geocode(query, gaz)[0]
        assert best.precision == "district" and best.name.endswith("Raion"), query


def test_a_settlement_named_like_an_adjective_is_still_the_settlement(gaz: Gazetteer) -> None:
    assert geocode("Myronivskyi", gaz)[0].name == "Myronivskyi"


def test_a_hromada_adjective_spelt_another_way_is_its_centre(gaz: Gazetteer) -> None:
    best = geocode("Zymohiryivs'ka, Luhansk Oblast", gaz)[0]
    assert (best.name, best.admin1) == ("Zymohiria", "Luhansk Oblast")
