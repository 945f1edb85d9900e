"""find_places over English and Cyrillic text written for these tests."""
from __future__ import annotations

import math

import pytest

from svidok.geocode import Gazetteer, find_places
from svidok.records import Place

SOROKYNE = 704403


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def by_mention(places: list[Place]) -> dict[str, Place]:
    return {p.mention: p for p in places}


@pytest.mark.parametrize("name", ["Sorokine", "Krasnodon"])
def test_sorokine_and_krasnodon_resolve_to_sorokyne(gaz: Gazetteer, name: str) -> None:
    text = f"Residents of the city of {name} were told to take new passports."
    [place] = find_places(text, gaz)
    assert place.geonameid == SOROKYNE
    assert place.precision == "settlement"
    assert place.admin1 == "Luhansk Oblast" and place.country == "UA"
    assert km_between(place.lat, place.lon, 48.293, 39.733) < 5


def test_every_span_is_exact(gaz: Gazetteer) -> None:
    text = ("In occupied Sorokine (formerly Krasnodon), Luhansk Oblast, the LPR's officials went to the "
            "Donetsk, Zaporizhzhia and Kherson oblasts. Бої під Бахмутом і в Харкові, Ukraine.")
    places = find_places(text, gaz)
    assert len(places) >= 8
    for place in places:
        assert place.span is not None
        assert text[place.span.start: place.span.end] == place.span.text == place.mention


def test_oblast_only_mention_has_region_precision(gaz: Gazetteer) -> None:
    for text in ("Shelling continued in the Luhansk Oblast.", "Shelling continued in Luhansk region."):
        [place] = find_places(text, gaz)
        assert place.precision == "region"
        assert place.name == "Luhansk Oblast" and place.admin1 == "Luhansk Oblast"
        assert 47.5 < place.lat < 50.5 and 37.5 < place.lon < 40.5


def test_coordinated_oblast_list_gives_three_regions_with_own_spans(gaz: Gazetteer) -> None:
    text = "Officials were sent to fight in the Donetsk, Zaporizhzhia and Kherson oblasts last week."
    places = find_places(text, gaz)
    assert [p.name for p in places] == ["Donetsk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"]
    assert all(p.precision == "region" for p in places)
    assert len({p.span.start for p in places}) == 3
    assert [p.span.text for p in places] == ["Donetsk", "Zaporizhzhia", "Kherson oblasts"]


def test_lpr_and_dpr_denote_luhansk_and_donetsk_regions(gaz: Gazetteer) -> None:
    text = "Mobilisation was announced in the LPR and the Donetsk People's Republic (DPR)."
    places = by_mention(find_places(text, gaz))
    assert places["LPR"].name == "Luhansk Oblast"
    assert places["Donetsk People's Republic"].name == "Donetsk Oblast"
    assert places["DPR"].name == "Donetsk Oblast"
    assert {p.precision for p in places.values()} == {"region"}


def test_occupied_kherson_and_zaporizhzhia_are_the_cities(gaz: Gazetteer) -> None:
    places = by_mention(find_places("Similar reports came from occupied Kherson and Zaporizhzhia.", gaz))
    assert places["Kherson"].admin1 == "Kherson Oblast"
    assert places["Zaporizhzhia"].admin1 == "Zaporizhzhia Oblast"
    assert places["Zaporizhzhia"].precision == "settlement"


def test_ukraine_has_country_precision(gaz: Gazetteer) -> None:
    [place] = find_places("The war in Ukraine entered its third month.", gaz)
    assert place.precision == "country" and place.country == "UA" and place.geonameid == 690791


def test_namesake_village_follows_the_oblast_named_in_the_text(gaz: Gazetteer) -> None:
    alone = find_places("A school was hit in Andriivka.", gaz)[0]
    in_kharkiv = by_mention(find_places("A school was hit in Andriivka, in the Kharkiv region.", gaz))["Andriivka"]
    in_zaporizhzhia = by_mention(find_places("Zaporizhzhia Oblast: a school was hit in Andriivka.", gaz))["Andriivka"]
    assert in_kharkiv.admin1 == "Kharkiv Oblast"
    assert in_zaporizhzhia.admin1 == "Zaporizhzhia Oblast"
    assert in_kharkiv.geonameid != in_zaporizhzhia.geonameid
    assert in_kharkiv.score > alone.score


def test_settlement_and_its_region_are_both_returned(gaz: Gazetteer) -> None:
    places = find_places("Sorokine, Luhansk Oblast", gaz)
    assert [p.precision for p in places] == ["settlement", "region"]


@pytest.mark.parametrize("variant, expected", [
    ("Zaporozhye", "Zaporizhzhia Oblast"), ("Zaporizhzhya", "Zaporizhzhia Oblast"),
    ("Kharkov", "Kharkiv Oblast"), ("Kiev", "Kyiv City"), ("Odessa", "Odesa Oblast"),
    ("Nikolaev", "Mykolaiv Oblast"), ("Lugansk", "Luhansk Oblast"),
])
def test_transliteration_variants_find_the_city(gaz: Gazetteer, variant: str, expected: str) -> None:
    [place] = find_places(f"Explosions were heard in {variant} overnight.", gaz)
    assert place.admin1 == expected and place.precision == "settlement"


@pytest.mark.parametrize("text, name", [
    ("Мешканців Сорокине змушують брати паспорти.", "Sorokyne"),
    ("Жителей Краснодон заставляют брать паспорта.", "Sorokyne"),
    ("Обстріл: Бахмут.", "Bakhmut"),
    ("Обстрел: Артемовск.", "Bakhmut"),
    ("Вибухи: Дніпро.", "Dnipro"),
    ("Взрывы: Днепропетровск.", "Dnipro"),
])
def test_cyrillic_names_in_both_languages(gaz: Gazetteer, text: str, name: str) -> None:
    [place] = find_places(text, gaz)
    assert place.name == name


@pytest.mark.parametrize("text, name", [
    ("Переселенців у Сорокиному змушують брати паспорти.", "Sorokyne"),
    ("Бої точаться під Бахмутом.", "Bakhmut"),
    ("Вибухи пролунали в Харкові.", "Kharkiv"),
])
def test_cyrillic_case_forms_reduce_to_the_nominative(gaz: Gazetteer, text: str, name: str) -> None:
    [place] = find_places(text, gaz)
    assert place.name == name and text[place.span.start: place.span.end] == place.mention


def test_cyrillic_oblast_phrase_in_genitive_is_the_region(gaz: Gazetteer) -> None:
    [place] = find_places("Обстріли Луганської області тривають.", gaz)
    assert place.name == "Luhansk Oblast" and place.mention == "Луганської області"


@pytest.mark.parametrize("old, new", [
    ("Artemivsk", "Bakhmut"), ("Dnipropetrovsk", "Dnipro"), ("Kirovohrad", "Kropyvnytskyi"),
    ("Krasnodon", "Sorokyne"), ("Komsomolsk", "Horishni Plavni"),
])
def test_renamed_cities_resolve_by_old_and_new_name(gaz: Gazetteer, old: str, new: str) -> None:
    [by_old] = find_places(f"Reports from {old} said so.", gaz)
    [by_new] = find_places(f"Reports from {new} said so.", gaz)
    assert by_old.name == new
    assert by_old.geonameid == by_new.geonameid


def test_unknown_place_and_common_words_give_nothing(gaz: Gazetteer) -> None:
    text = "Peace talks were held in Atlantis. Victory was declared by Lenin in October. The army said."
    assert find_places(text, gaz) == []


def test_person_names_are_not_places(gaz: Gazetteer) -> None:
    text = "Nadia Dobrianska of ZMINA and President Zelensky spoke; Michael Starr and Aaron Reich wrote it."
    assert find_places(text, gaz) == []


def test_possessive_keeps_the_place_and_trims_the_span(gaz: Gazetteer) -> None:
    [place] = find_places("Kharkiv's mayor spoke.", gaz)
    assert place.name == "Kharkiv" and place.span.text == "Kharkiv"
