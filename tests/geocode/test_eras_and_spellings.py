"""The era prior (eras.toml), Donbas, spelling skeletons and query parsing, on texts written for these tests."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from svidok.cli.geocode import command
from svidok.geocode import Gazetteer, find_places, geocode
from svidok.geocode.names import spelling_skeleton

DONBAS = {"Donetsk Oblast", "Luhansk Oblast"}


def test_pisky_in_a_2015_report_is_the_front_line_village_in_donbas(gaz: Gazetteer) -> None:
    [place] = find_places("A Ukrainian soldier was killed near Pisky.", gaz, published="2015-03-01")
    assert place.admin1 in DONBAS


def test_vodiane_in_a_2019_report_is_in_donbas_not_zaporizhzhia(gaz: Gazetteer) -> None:
    [place] = find_places("Two servicemen wounded near Vodiane.", gaz, published="2019-06-01")
    assert place.admin1 in DONBAS


def test_the_era_prior_never_overrides_a_region_named_in_the_query(gaz: Gazetteer) -> None:
    best = geocode("Pisky, Poltava Oblast", gaz, published="2015-03-01")[0]
    assert best.admin1 == "Poltava Oblast"


def test_a_date_that_is_not_iso_is_refused_with_the_value(gaz: Gazetteer) -> None:
    with pytest.raises(ValueError, match="yesterday"):
        geocode("Pisky", gaz, published="yesterday")


def test_donbass_alone_resolves_to_the_area_at_region_precision(gaz: Gazetteer) -> None:
    best = geocode("Donbass region", gaz)[0]
    assert (best.name, best.precision, best.admin1) == ("Donbas", "region", None)


def test_donbas_in_a_text_steers_namesakes_into_donetsk_or_luhansk(gaz: Gazetteer) -> None:
    places = find_places("Fighting went on in Donbas near Pisky.", gaz)
    assert [p.name for p in places] == ["Donbas", "Pisky"]
    assert places[1].admin1 in DONBAS


def test_russian_and_ukrainian_spellings_share_a_skeleton() -> None:
    pairs = [("Пески", "Піски"), ("Marinovka", "Marynivka"), ("Zaporozhye", "Zaporizhzhia"),
             ("Krasnoarmeyskoye", "Krasnoarmiiske"), ("Blagodatnoye", "Blahodatne"), ("Schastye", "Shchastia")]
    for russian, ukrainian in pairs:
        assert spelling_skeleton(russian.lower()) == spelling_skeleton(ukrainian.lower()), russian


def test_the_skeleton_keeps_names_with_a_different_a_apart() -> None:
    assert spelling_skeleton("marianivka") != spelling_skeleton("marynivka")


def test_a_russian_spelling_reaches_a_village_known_only_by_its_ukrainian_name(gaz: Gazetteer) -> None:
    best = geocode("Blagodatnoye, Kharkiv Oblast", gaz)[0]
    assert best.name == "Blahodatne" and best.admin1 == "Kharkiv Oblast"


def test_a_singular_oblast_after_two_stems_joined_by_and_names_both(gaz: Gazetteer) -> None:
    places = find_places("Shelling went on in Donetsk and Luhansk oblast overnight.", gaz)
    assert [(p.name, p.precision) for p in places] == [("Donetsk Oblast", "region"), ("Luhansk Oblast", "region")]


def test_a_city_before_a_settlement_of_its_region_gives_the_settlement(gaz: Gazetteer) -> None:
    assert geocode("Kyiv, Borodyanka", gaz)[0].name == "Borodianka"
    assert geocode("Kharkiv (Staryi Saltiv)", gaz)[0].admin1 == "Kharkiv Oblast"
    assert geocode("Kharkiv (Staryi Saltiv)", gaz)[0].name != "Kharkiv"


def test_an_unknown_place_in_a_bare_city_name_gives_the_city_at_lower_score(gaz: Gazetteer) -> None:
    best = geocode("Korabel Microdistrict (Kherson)", gaz)[0]
    assert (best.name, best.precision) == ("Kherson", "settlement") and best.score < 1.0


def test_a_big_town_named_with_the_wrong_region_is_still_the_town(gaz: Gazetteer) -> None:
    assert geocode("Melitopol (Kherson region)", gaz)[0].name == "Melitopol"


def test_words_around_the_name_are_dropped_from_a_query(gaz: Gazetteer) -> None:
    assert geocode("Zolota Balka village, Kherson region", gaz)[0].name == "Zolota Balka"
    assert geocode("Kamyshany in the Kherson region", gaz)[0].precision != "region"


def test_cli_reads_the_published_date_of_each_line() -> None:
    lines = json.dumps({"id": "a", "query": "Peski", "published": "2015-02-01"})
    result = CliRunner().invoke(command, ["--input", "-"], input=lines)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["admin1"] in DONBAS
