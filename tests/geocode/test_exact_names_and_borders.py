"""An exact name outranks a place that only lists it among its alternates; a foreign spelling
goes through the namesake weighing; a village just across the named region's border
outranks a misspelling inside it."""
from __future__ import annotations

from svidok.geocode import Gazetteer, geocode
from svidok.geocode.gazetteer import OTHER_NAME, PRIMARY_NAME, SPELLING_VARIANT, NameMatch, Settlement
from svidok.geocode.resolve import exact_names_first


def _settlement(name: str, population: int = 0) -> Settlement:
    return Settlement(None, name, 48.0, 37.0, "UA", "UA.05", population, "PPL")


def test_a_place_listing_the_name_as_an_alternate_yields_to_one_bearing_it() -> None:
    district = NameMatch(_settlement("Shevchenkivskyi", 90_000), SPELLING_VARIANT)
    village = NameMatch(_settlement("Shevchenkove"), PRIMARY_NAME)
    ranked = exact_names_first([district, village], "shevchenkove")
    assert ranked == [NameMatch(district.entry, OTHER_NAME), village]


def test_a_listed_spelling_of_the_own_name_keeps_its_weight() -> None:
    # One letter apart in the skeleton: "Prybuzke" is a spelling of "Prybuzske".
    spelt = NameMatch(_settlement("Hrabovske"), SPELLING_VARIANT)
    exact = NameMatch(_settlement("Hrabove"), PRIMARY_NAME)
    assert exact_names_first([spelt, exact], "hrabovske") == [spelt, exact]
    one_letter = NameMatch(_settlement("Prybuzske", 3_000), SPELLING_VARIANT)
    assert exact_names_first([one_letter, NameMatch(_settlement("Prybuzke"), PRIMARY_NAME)], "prybuzke")[0] == one_letter


def test_the_first_word_of_a_compound_name_is_its_short_form() -> None:
    city = NameMatch(_settlement("Novhorod-Siverskyi", 15_000), SPELLING_VARIANT)
    village = NameMatch(_settlement("Novhorod"), PRIMARY_NAME)
    assert exact_names_first([city, village], "novhorod") == [city, village]


def test_without_a_place_bearing_the_name_alternates_are_left_alone() -> None:
    alternates = [NameMatch(_settlement("Pryvokzalnyi", 90_000), SPELLING_VARIANT),
                  NameMatch(_settlement("Zaliznychne"), SPELLING_VARIANT)]
    assert exact_names_first(alternates, "stantsiia") == alternates


def test_village_named_in_its_region_is_not_the_district_listing_its_name(gaz: Gazetteer) -> None:
    for query in ("Vasylivka in the Donetsk region", "Kalynivka (Donetsk region)"):
        best = geocode(query, gaz)[0]
        assert best.admin1 == "Donetsk Oblast" and best.name == query.split(" ")[0]


def test_german_spelling_of_a_city_is_the_city_not_a_village_listing_it(gaz: Gazetteer) -> None:
    best, runner_up = geocode("Tscherniwzi", gaz)[:2]
    assert (best.name, best.admin1) == ("Chernivtsi", "Chernivtsi Oblast")
    assert runner_up.admin1 != best.admin1 and runner_up.score < best.score


def test_german_spelling_of_a_name_no_place_lists_still_reads(gaz: Gazetteer) -> None:
    assert geocode("Sewerodonezk", gaz)[0].admin1 == "Luhansk Oblast"


def test_town_just_across_the_named_regions_border_is_meant(gaz: Gazetteer) -> None:
    best = geocode("Soledar, Luhansk Oblast", gaz)[0]
    assert (best.name, best.admin1, best.precision) == ("Soledar", "Donetsk Oblast", "settlement")


def test_town_far_from_the_named_region_leaves_only_the_region(gaz: Gazetteer) -> None:
    best = geocode("Vuhledar, Kherson Oblast", gaz)[0]
    assert (best.name, best.precision) == ("Kherson Oblast", "region")


def test_distance_to_a_region_is_zero_inside_and_large_far_away(gaz: Gazetteer) -> None:
    soledar = geocode("Soledar", gaz)[0]
    assert gaz.km_to_regions(soledar.lat, soledar.lon, {"UA.05"}) < 1
    assert gaz.km_to_regions(soledar.lat, soledar.lon, {"UA.08"}) > 150
