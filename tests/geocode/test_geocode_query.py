"""geocode() on short queries written for these tests."""
from __future__ import annotations

from svidok.geocode import Gazetteer, geocode


def test_sorokine_query_is_sorokyne_first(gaz: Gazetteer) -> None:
    best = geocode("Sorokine", gaz)[0]
    assert best.geonameid == 704403 and 0 < best.score <= 1


def test_region_in_the_query_picks_the_namesake(gaz: Gazetteer) -> None:
    best = geocode("Andriivka (Zaporizhzhia Oblast)", gaz)[0]
    assert best.admin1 == "Zaporizhzhia Oblast"


def test_context_picks_the_namesake(gaz: Gazetteer) -> None:
    best = geocode("Andriivka", gaz, context="Fighting went on in the Kharkiv region.")[0]
    assert best.admin1 == "Kharkiv Oblast"


def test_candidates_are_ranked_best_first(gaz: Gazetteer) -> None:
    scores = [p.score for p in geocode("Andriivka", gaz)]
    assert len(scores) > 1 and scores == sorted(scores, reverse=True)


def test_russian_border_town_with_its_oblast(gaz: Gazetteer) -> None:
    best = geocode("Shebekino, Belgorod Oblast, Russia", gaz)[0]
    assert best.country == "RU" and best.admin1 == "Belgorod Oblast" and best.precision == "settlement"


def test_region_only_query_has_region_precision(gaz: Gazetteer) -> None:
    best = geocode("Kyiv region", gaz)[0]
    assert best.precision == "region" and best.name == "Kyiv Oblast"


def test_close_misspelling_still_resolves_with_lower_score(gaz: Gazetteer) -> None:
    best = geocode("Zaporizhzhiya", gaz)[0]
    exact = geocode("Zaporizhzhia", gaz)[0]
    assert best.admin1 == "Zaporizhzhia Oblast" and best.score < exact.score


def test_unknown_query_returns_nothing(gaz: Gazetteer) -> None:
    assert geocode("Atlantis", gaz) == []
    assert geocode("", gaz) == []
