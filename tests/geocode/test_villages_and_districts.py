"""KATOTTG villages and raions, co-mentioned places, and the capital standing for the government."""
from __future__ import annotations

from importlib import resources

from svidok.geocode import Gazetteer, find_places, geocode


def test_packaged_locality_file_is_compact() -> None:
    size = resources.files("svidok.geocode").joinpath("data", "localities.tsv.gz").stat().st_size  # type: ignore[attr-defined]
    assert size < 1_500_000


def test_village_missing_from_cities500_is_placed_at_its_post_office(gaz: Gazetteer) -> None:
    best = geocode("Horokhovatka, Kharkiv Oblast", gaz)[0]
    assert best.precision == "settlement" and best.admin1 == "Kharkiv Oblast" and best.geonameid is None
    assert abs(best.lat - 49.35) < 0.05 and abs(best.lon - 37.53) < 0.05  # on the Oskil, south of Kupiansk


def test_village_without_a_post_office_point_resolves_to_its_hromada_at_district_precision(gaz: Gazetteer) -> None:
    best = geocode("Novoselivka Druha village, Donetsk region", gaz)[0]
    assert best.precision == "district" and best.admin1 == "Donetsk Oblast" and best.geonameid is None


def test_village_is_found_by_its_ukrainian_name_too(gaz: Gazetteer) -> None:
    best = geocode("Гороховатка, Харківська область", gaz)[0]
    assert best.name == "Horokhovatka" and best.admin1 == "Kharkiv Oblast"


def test_city_district_named_with_its_city_resolves_to_the_district(gaz: Gazetteer) -> None:
    best = geocode("Saltivskyi district, Kharkiv", gaz)[0]
    assert best.name == "Saltivskyi District, Kharkiv" and best.precision == "district"
    assert abs(best.lat - 50.02) < 0.05 and abs(best.lon - 36.35) < 0.05  # Saltivka, north-east Kharkiv


def test_city_district_with_a_unique_name_resolves_without_its_city(gaz: Gazetteer) -> None:
    best = geocode("Obolonskyi district", gaz)[0]
    assert best.name == "Obolonskyi District, Kyiv" and best.admin1 == "Kyiv City"


def test_inflected_city_district_phrase_is_found_in_text(gaz: Gazetteer) -> None:
    places = find_places("Уночі ворог обстріляв Салтівський район Харкова.", gaz)
    assert [(p.name, p.precision) for p in places] == [
        ("Saltivskyi District, Kharkiv", "district"), ("Kharkiv", "settlement"),
    ]


def test_city_district_shared_by_several_cities_needs_its_city_named(gaz: Gazetteer) -> None:
    places = find_places("Shelling of the Kyivskyi district of Donetsk.", gaz)
    assert ("Kyivskyi District, Donetsk", "district") in [(p.name, p.precision) for p in places]
    assert all(p.name != "Kyivskyi District, Donetsk" for p in find_places("Shelling of the Kyivskyi district.", gaz))


def test_raion_named_after_its_town_is_a_district(gaz: Gazetteer) -> None:
    best = geocode("Bakhmut district", gaz)[0]
    assert best.precision == "district" and best.name == "Bakhmutskyi Raion" and best.admin1 == "Donetsk Oblast"


def test_raion_adjective_with_its_oblast_is_a_district(gaz: Gazetteer) -> None:
    best = geocode("Kramatorskyi raion, Donetsk Oblast", gaz)[0]
    assert best.precision == "district" and best.admin1 == "Donetsk Oblast"


def test_inflected_ukrainian_raion_phrase_is_found_in_text(gaz: Gazetteer) -> None:
    places = find_places("Уночі окупанти обстріляли села Бахмутського району.", gaz)
    assert [(p.name, p.precision, p.span.text) for p in places if p.span] == [
        ("Bakhmutskyi Raion", "district", "Бахмутського району")
    ]


def test_raion_in_english_text_leaves_the_towns_alone(gaz: Gazetteer) -> None:
    places = find_places("Shelling in the Izium district of Kharkiv region, near Balakliia.", gaz)
    assert [(p.span.text, p.precision) for p in places if p.span] == [
        ("Izium district", "district"), ("Kharkiv region", "region"), ("Balakliia", "settlement"),
    ]


def test_another_place_in_the_same_text_picks_the_namesake(gaz: Gazetteer) -> None:
    alone = find_places("Two soldiers were wounded near Pisky.", gaz)[0]
    beside = find_places("Two soldiers were wounded near Pisky and Avdiivka.", gaz)[0]
    assert alone.admin1 != "Donetsk Oblast" or beside.admin1 == "Donetsk Oblast"
    assert beside.admin1 == "Donetsk Oblast"


def test_capital_followed_by_a_verb_of_saying_is_the_government(gaz: Gazetteer) -> None:
    names = [p.name for p in find_places("Kiev says rebels shelled Debaltseve", gaz)]
    assert names == ["Debaltseve"]


def test_capital_after_a_colon_is_the_source_not_the_place(gaz: Gazetteer) -> None:
    names = [p.name for p in find_places("Three soldiers killed near Avdiivka: Kiev", gaz)]
    assert names == ["Avdiyivka"]  # GeoNames spelling


def test_capital_as_a_place_is_still_found(gaz: Gazetteer) -> None:
    names = [p.name for p in find_places("A missile hit a block of flats in Kiev on Monday.", gaz)]
    assert names == ["Kyiv"]


def test_a_hromada_named_in_any_case_is_placed_at_its_centre_at_district_precision(gaz: Gazetteer) -> None:
    for text in ("У Марганецькій громаді дрон атакував автомобіль.", "Марганецька громада під обстрілом.",
                 "В Марганецкой общине повреждены дома."):
        (place,) = find_places(text, gaz)
        assert (place.name, place.admin1, place.precision) == ("Marhanets", "Dnipropetrovsk Oblast", "district")
        assert place.span is not None and text[place.span.start:place.span.end] == place.mention
        assert place.mention.split()[-1] in {"громаді", "громада", "общине"}


def test_a_hromada_places_a_village_named_beside_it(gaz: Gazetteer) -> None:
    places = find_places("Уламки пошкодили школу в селі Сокільники Пустомитівської громади.", gaz)
    assert [(p.name, p.admin1) for p in places] == [("Sokilnyky", "Lviv Oblast"), ("Pustomyty", "Lviv Oblast")]
