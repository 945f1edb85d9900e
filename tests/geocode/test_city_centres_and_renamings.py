"""Big cities at their centre of population, city districts of the named city, a bare city
stem as an anchor, and settlements renamed after a report was written (renamings.toml)."""
from __future__ import annotations

from svidok.geocode import Gazetteer, geocode
from svidok.geocode.distance import haversine_km

# GeoNames puts Mariupol at its old centre on the Kalmius (37.54 E) and Kharkiv at its
# historic core; their people spread east (Livoberezhnyi) and north-east (Saltivka).
MARIUPOL_GEONAMES = (47.09514, 37.54131)
KHARKIV_GEONAMES = (49.98177, 36.25475)


def test_mariupol_is_placed_at_its_centre_of_population_east_of_the_old_centre(gaz: Gazetteer) -> None:
    best = geocode("Маріуполь", gaz)[0]
    assert best.name == "Mariupol"
    assert best.lon > MARIUPOL_GEONAMES[1] + 0.01
    assert haversine_km(best.lat, best.lon, *MARIUPOL_GEONAMES) < 5


def test_kharkiv_centre_of_population_leans_towards_saltivka(gaz: Gazetteer) -> None:
    best = geocode("Kharkiv", gaz)[0]
    assert best.lat > KHARKIV_GEONAMES[0] and best.lon > KHARKIV_GEONAMES[1]
    assert haversine_km(best.lat, best.lon, *KHARKIV_GEONAMES) < 5


def test_a_city_with_no_sections_keeps_its_geonames_point(gaz: Gazetteer) -> None:
    best = geocode("Izium", gaz)[0]
    assert (best.lat, best.lon) == (49.20697, 37.27679)  # Izium's GeoNames point, under 100,000 people


def test_city_district_named_with_a_city_in_another_region_is_not_that_citys_district(gaz: Gazetteer) -> None:
    # Only Chernihiv's Desnianskyi district has a point; Kyiv's is meant here.
    best = geocode("Desnianskyi district, Kyiv", gaz)[0]
    assert best.admin1 == "Kyiv City"
    assert geocode("Desnianskyi district, Chernihiv", gaz)[0].name == "Desnianskyi District, Chernihiv"


def test_a_bare_city_stem_after_the_name_pulls_the_namesake_near_that_city(gaz: Gazetteer) -> None:
    # "Kostyantynivka, Mykolaiv": the village by Mykolaiv city, not the one 90 km north-west.
    city = geocode("Mykolaiv", gaz)[0]
    best = geocode("Kostyantynivka, Mykolaiv", gaz)[0]
    assert best.admin1 == "Mykolaiv Oblast"
    assert haversine_km(best.lat, best.lon, city.lat, city.lon) < 20


def test_a_former_name_is_the_current_name_in_a_report_written_before_the_renaming(gaz: Gazetteer) -> None:
    before = geocode("Первомайськ", gaz, published="2022-06-01")[0]
    after = geocode("Первомайськ", gaz, published="2025-03-01")[0]
    assert (before.name, before.admin1) == ("Sokolohirsk", "Luhansk Oblast")
    assert after.admin1 == "Mykolaiv Oblast"


def test_a_new_name_does_not_denote_the_renamed_city_before_the_renaming(gaz: Gazetteer) -> None:
    before = geocode("Шахтарське, Дніпропетровська область", gaz, published="2023-02-01")[0]
    after = geocode("Шахтарське, Дніпропетровська область", gaz, published="2025-02-01")[0]
    assert after.lon > 36.3  # the former Pershotravensk
    assert before.lon < 36.3  # a village of that name, the city being Pershotravensk then


def test_an_undated_query_reads_names_as_they_are_now(gaz: Gazetteer) -> None:
    assert geocode("Chervonohrad", gaz)[0].name == "Sheptytskyi"
    assert geocode("Sheptytskyi", gaz)[0].name == "Sheptytskyi"
