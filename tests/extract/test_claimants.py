"""Canonical claimants from headline sources, speaker-only names and function words."""
from __future__ import annotations

import pytest

from svidok.extract.claimants import claimant_from_mention, resolve_organ
from svidok.extract.lang.en_attribution import attribute
from svidok.extract.lang.en_parse import parse_sentences
from svidok.extract.lexicon import load_lexicon
from svidok.records import Actor


def claimant_of_headline(headline: str) -> str | None:
    """The claimant the English reader finds in `headline`, a function word resolved."""
    claimant = attribute(next(parse_sentences([headline])), 0, load_lexicon("en")).attribution.claimant
    return None if claimant is None else resolve_organ(claimant, headline, 0).name


@pytest.mark.parametrize(
    ("headline", "claimant"),
    [
        ("Two servicemen killed in past 24 hours in east Ukraine: Kiev military", "Armed Forces of Ukraine"),
        ("Two servicemen killed in past 24 hours in east Ukraine:Kiev military", "Armed Forces of Ukraine"),
        ("Three more Ukrainian troops killed in east: Kiev", "Government of Ukraine"),
        ("DPR serviceman killed in shelling by Ukrainian troops - DPR people’s militia",
         "Donetsk People's Republic authorities (DPR)"),
        ("Two militiamen killed by shelling over week- DPR", "Donetsk People's Republic authorities (DPR)"),
        ("Two militiamen killed by shelling - DPR people’s militia", "Donetsk People's Republic authorities (DPR)"),
    ],
)
def test_a_headlines_trailing_source_names_the_claimant(headline: str, claimant: str) -> None:
    assert claimant_of_headline(headline) == claimant


def test_a_place_after_a_headlines_dash_is_no_source() -> None:
    assert claimant_of_headline("Two soldiers killed near the airport - Slavyansk") is None


@pytest.mark.parametrize(
    ("headline", "claimant"),
    [
        ("Kiev forces shell DPR 25 times over past 24 hours, five persons killed - Defence Ministry",
         "Donetsk People's Republic authorities (DPR)"),
        ("Ukrainian military’s shelling kills one LPR militiaman - militia spokesman",
         "Luhansk People's Republic authorities (LPR)"),
        ("One Ukrainian soldier killed amid Donbas hostilities on Monday - Defense ministry",
         "Ministry of Defence of Ukraine"),
    ],
)
def test_a_speaker_named_by_its_function_speaks_for_the_party_named_other_than_as_attacker(headline: str, claimant: str) -> None:
    assert claimant_of_headline(headline) == claimant


def test_a_function_word_stays_unresolved_where_the_sentence_names_no_party_or_two() -> None:
    assert claimant_of_headline("Four killed in shelling overnight - command") == "command"
    assert claimant_of_headline("DPR and LPR servicemen killed in shelling - command") == "command"


def test_a_speaker_only_name_resolves_as_a_speaker_and_a_wire_slug_is_not_part_of_a_name() -> None:
    lexicon = load_lexicon("en")
    assert claimant_from_mention("Kiev", 0, lexicon).name == "Government of Ukraine"
    assert claimant_from_mention("UPDATE 1-Ukraine's military", 0, lexicon).name == "Armed Forces of Ukraine"


def test_a_canonical_claimant_is_never_re_resolved() -> None:
    gur = Actor("Defence Intelligence of Ukraine (GUR)", "GUR", "ukrainian_authority")
    assert resolve_organ(gur, "DPR militiaman killed - GUR", 0) is gur


def test_an_inverted_headline_source_after_says_is_the_source_not_the_clause_before_it() -> None:
    headline = "DPR serviceman killed in shelling by Ukrainian troops, says people’s militia"
    assert claimant_of_headline(headline) == "Donetsk People's Republic authorities (DPR)"


def test_a_headline_that_opens_with_a_known_source_and_a_reporting_verb_names_it() -> None:
    assert claimant_of_headline("DPR reports militiaman killed by Ukrainian troops") == (
        "Donetsk People's Republic authorities (DPR)"
    )


def test_a_regional_chief_of_the_ukrainian_side_is_the_regional_administration() -> None:
    assert claimant_of_headline("Two Ukrainian servicemen killed in east Ukraine - regional chief") == (
        "Ukrainian regional military administration"
    )


def test_a_sentence_that_goes_on_after_a_colon_has_no_trailing_source() -> None:
    assert claimant_of_headline("Two civilians were killed in Kharkiv: the strike hit a man.") is None


def test_moscow_speaks_for_the_kremlin_but_is_no_alias_that_would_hide_the_place() -> None:
    from svidok.extract.actors import find_actors

    assert claimant_from_mention("Moscow", 0, load_lexicon("en")).name == "Kremlin"
    assert not find_actors("Drones attacked Moscow overnight")


@pytest.mark.parametrize(
    "headline",
    ["Ukrainian soldier reported killed near Avdiivka", "Aftermath of strike, reported 18 casualties"],
)
def test_a_reporting_verb_before_casualties_is_a_hedge_and_the_victim_no_source(headline: str) -> None:
    found = attribute(next(parse_sentences([headline])), 0, load_lexicon("en")).attribution
    assert found.claimant is None
    # A hedge is the sentence's own: no speaker of the sentence before carries over to it.
    assert found.cue is not None and found.cue.text == "reported" and found.own_source
