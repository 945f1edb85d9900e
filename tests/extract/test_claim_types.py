"""How trigger patterns and the trained model combine into the claim types of a sentence."""
from __future__ import annotations

import pytest

from svidok.extract.claim_types import one_line_reports, type_sentences, with_death_toll
from svidok.extract.lexicon import load_lexicon
from svidok.extract.segment import Sentence, split_sentences


def one_line_report(text: str) -> list[Sentence]:
    return [Sentence(index=0, start=0, end=len(text), text=text, paragraph=0)]


def article(*texts: str) -> list[Sentence]:
    sentences, start = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index=index, start=start, end=start + len(text), text=text, paragraph=0))
        start += len(text) + 1
    return sentences


def types_of(sentences: list[Sentence], index: int = 0) -> list[str]:
    return [trigger.type for trigger in type_sentences(sentences, load_lexicon("en"))[index]]


def test_caption_about_the_dead_after_a_strike_reports_the_strike_whose_toll_they_are() -> None:
    # Only the strike has a pattern ("strike on apartment"); the model leans to a killing, which
    # beside a strike is its toll (extract/targets.py), not a claim of its own.
    typed = type_sentences(one_line_report("Casualties after a rocket strike on an apartment block in Sumy"), load_lexicon("en"))[0]
    assert [t.type for t in typed] == ["attack_on_civilians"]


def test_model_adds_nothing_beside_a_pattern_of_the_type_it_prefers() -> None:
    assert types_of(one_line_report("Shelling of a maternity ward in Kherson")) == ["attack_on_civilians"]


def test_two_word_caption_is_typed_by_the_model() -> None:
    assert types_of(one_line_report("Pharmacy destroyed")) == ["attack_on_civilians"]


def test_one_word_caption_reports_nothing() -> None:
    assert types_of(one_line_report("Avdiivka")) == []


def test_caption_naming_only_a_place_or_a_unit_reports_nothing() -> None:
    assert types_of(one_line_report("Kupiansk railway junction")) == []
    assert types_of(one_line_report("Kraken regiment")) == []


def test_article_sentence_reporting_no_event_gets_no_model_claim() -> None:
    sentences = article(
        "Russian forces shelled Kupiansk overnight, the regional governor said.",
        "The head of the regional military administration thanked the rescuers for their work.",
    )
    assert types_of(sentences, 1) == []


@pytest.mark.parametrize(
    ("headline", "claim_type"),
    [
        ("Six killed ahead of planned Ukraine peace talks", "killing"),
        ("Ukraine rebels vow new offensive as rockets kill 30", "killing"),
        ("Ukraine raises death toll from rebel attacks in east to 17", "killing"),
        ("13 reported dead in the east", "killing"),
        ("One KIA, one WIA in past 24 hours", "military_losses"),
    ],
)
def test_a_stated_death_toll_is_a_claim_where_no_pattern_fired(headline: str, claim_type: str) -> None:
    # Whether the model also types the headline or not, the count alone is enough for a claim.
    [toll] = with_death_toll(headline, [], load_lexicon("en"), {})
    assert toll.type == claim_type and not toll.by_model
    assert headline[toll.start : toll.end] == toll.text
    typed = type_sentences(one_line_report(headline), load_lexicon("en"))[0]
    assert claim_type in {t.type for t in typed}


@pytest.mark.parametrize(
    "headline",
    ["Dozens dead as Ukraine claims control of Donetsk airport", "Ukraine marks 10 years since the annexation", "Ukraine's Poroshenko hails first full overnight truce"],
)
def test_no_death_toll_claim_without_a_number_of_dead(headline: str) -> None:
    typed = type_sentences(one_line_report(headline), load_lexicon("en"))[0]
    assert not any(t.type in {"killing", "military_losses"} and not t.by_model for t in typed)


def test_a_death_toll_beside_a_type_that_states_deaths_adds_no_claim() -> None:
    assert types_of(one_line_report("Five civilians killed in shelling of Donetsk")).count("killing") <= 1
    assert "killing" not in types_of(one_line_report("Six Ukrainian soldiers killed in rebel ambush"))


def test_each_headline_of_a_digest_joined_by_semicolons_is_a_one_line_report() -> None:
    digest = "Gunbattle kills four in east Ukraine;Ukraine peace talks stall;Kiev says ceasefire holds"
    assert one_line_reports(split_sentences(digest)) == {0, 1, 2}


def test_sentences_of_an_article_are_not_one_line_reports() -> None:
    assert one_line_reports(article("Shelling resumed in the east.", "Officials gave no figures.")) == set()
    two_lines = "Shelling resumed in the east\nOfficials gave no figures"
    assert one_line_reports(split_sentences(two_lines)) == set()


def test_deals_signed_in_the_plural_are_an_agreement() -> None:
    assert "agreement" in types_of(one_line_report("The two governments signed separate deals in Ankara to reopen the ports."))
