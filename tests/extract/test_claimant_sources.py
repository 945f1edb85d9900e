"""Claimants of headline sources: a side named by a victim force, a function qualified by its
side, field formations and commanders, and no claimant where the text names no source."""
from __future__ import annotations

import pytest

from svidok.extract.claimants import claimant_from_mention, resolve_organ
from svidok.extract.lang.en_attribution import attribute
from svidok.extract.lang.en_parse import parse_sentences
from svidok.extract.lexicon import load_lexicon


def claimant_of_headline(headline: str) -> str | None:
    """The claimant the English reader finds in `headline`, a function word resolved."""
    claimant = attribute(next(parse_sentences([headline])), 0, load_lexicon("en")).attribution.claimant
    return None if claimant is None else resolve_organ(claimant, headline, 0).name


@pytest.mark.parametrize(
    "headline",
    [
        "Three Ukrainian troops, a medic wounded near the front line: military",
        "Ukrainian troops killed in overnight mortar attack - military",
        "Ukraine serviceman killed by sniper fire near Marinka: army",
        "Two Kiev soldiers wounded in Donbas fighting: spokesman",
    ],
)
def test_a_force_named_as_the_victim_is_the_side_a_function_word_speaks_for(headline: str) -> None:
    assert claimant_of_headline(headline) == "Armed Forces of Ukraine"


@pytest.mark.parametrize(
    ("headline", "claimant"),
    [
        ("One LPR fighter killed in attack of Kiev troops - militia", "Luhansk People's Republic authorities (LPR)"),
        ("Kiev forces open fire at DPR village, wounding two - command", "Donetsk People's Republic authorities (DPR)"),
        ("Ukrainian forces kill two militiamen near Gorlovka - DPR people’s militia",
         "Donetsk People's Republic authorities (DPR)"),
    ],
)
def test_a_force_named_as_the_attacker_is_not_the_side_a_function_word_speaks_for(headline: str, claimant: str) -> None:
    assert claimant_of_headline(headline) == claimant


def test_the_countrys_name_alone_is_a_place_and_names_no_side() -> None:
    assert claimant_of_headline("Two civilians killed in east Ukraine overnight - command") == "command"


@pytest.mark.parametrize(
    ("headline", "claimant"),
    [
        ("Civilian wounded in shelling of village: Ukraine official", "Government of Ukraine"),
        ("Soldier killed near the airport - Kiev officials", "Government of Ukraine"),
        ("Ukraine official says two civilians wounded in shelling", "Government of Ukraine"),
        ("Police officer killed at checkpoint - Ukrainian interior minister", "National Police of Ukraine"),
        ("Two villagers killed by drone, Russia's human rights ombudsman says", "Russian Human Rights Commissioner"),
        ("Teacher killed in shelling of school - DPR ombudsman", "Donetsk People's Republic authorities (DPR)"),
    ],
)
def test_a_function_qualified_by_its_side_speaks_for_that_sides_body(headline: str, claimant: str) -> None:
    assert claimant_of_headline(headline) == claimant


@pytest.mark.parametrize(
    "headline",
    [
        "Ukrainian marine wounded by mortar fire near Avdiivka - task force",
        "Two Ukrainian servicemen wounded on Friday - Skhid task force",
        "Soldier killed in Donbas, two wounded - Khomchak",
        "Ukrainian Armed Forces medic killed by sniper - JFO HQ",
    ],
)
def test_field_formations_and_commanders_speak_for_the_armed_forces(headline: str) -> None:
    assert claimant_of_headline(headline) == "Armed Forces of Ukraine"


@pytest.mark.parametrize(("mention", "language"), [("Залужний", "uk"), ("Хомчак", "uk"), ("Сырский", "ru")])
def test_commanders_in_chief_are_known_in_ukrainian_and_russian(mention: str, language: str) -> None:
    assert claimant_from_mention(mention, 0, load_lexicon(language)).name == "Armed Forces of Ukraine"


@pytest.mark.parametrize(
    "headline",
    [
        "Two Ukraine soldiers killed near Avdiivka",
        "Three Kiev troops wounded in rebel east",
        "Shelling kills pensioner in Donetsk suburb - Gorlovka",
    ],
)
def test_no_claimant_is_made_where_the_headline_names_no_source(headline: str) -> None:
    assert claimant_of_headline(headline) is None
