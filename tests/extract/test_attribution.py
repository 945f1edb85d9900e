from __future__ import annotations

import pytest

from svidok.extract.lang.en_attribution import attribute
from svidok.extract.lang.en_parse import parse_sentences
from svidok.extract.lexicon import load_lexicon
from svidok.extract.reading import Attribution


def attribution_of(sentence: str) -> Attribution:
    parsed = next(parse_sentences([sentence]))
    return attribute(parsed, 100, load_lexicon("en")).attribution


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "cue"),
    [
        ("Russian forces shelled Kharkiv, the General Staff of the Armed Forces of Ukraine said.",
         "General Staff of the Armed Forces of Ukraine", "ukrainian_authority", "said"),
        ("According to Human Rights Watch, eight men were executed in Bucha.",
         "Human Rights Watch", "ngo", "According to"),
        ("The Russian Defence Ministry denied that its forces struck the mall.",
         "Ministry of Defence of the Russian Federation", "russian_authority", "denied"),
        ("The abductions were documented by the UN Human Rights Monitoring Mission.",
         "UN Human Rights Monitoring Mission in Ukraine (HRMMU)", "international_org", "documented"),
        ("Earlier reports by HUR indicated that referendums are planned.",
         "Defence Intelligence of Ukraine (GUR)", "ukrainian_authority", "indicated"),
    ],
)
def test_named_sources_become_canonical_claimants(sentence: str, name: str, kind: str, cue: str) -> None:
    found = attribution_of(sentence)
    assert found.claimant is not None
    assert (found.claimant.name, found.claimant.kind) == (name, kind)
    assert found.cue is not None and found.cue.text == cue and found.own_source


def test_an_unknown_speaker_keeps_its_own_words_as_name_and_a_guessed_kind() -> None:
    found = attribution_of("Two people were killed, a local resident told reporters.")
    assert found.claimant is not None
    assert found.claimant.name == "local resident" and found.claimant.kind == "witness"


def test_claimant_spans_are_offset_into_the_document() -> None:
    sentence = "Eight people were killed, the SBU said."
    found = attribution_of(sentence)
    assert found.claimant is not None and found.claimant.span is not None
    assert found.claimant.span.text == "the SBU" and found.claimant.span.start == 100 + sentence.index("the SBU")


@pytest.mark.parametrize(
    "sentence",
    [
        "Mass deportations have been alleged for months.",
        "There are reports of looting in the village.",
        "Other reports indicated that mobilisation was under way.",
    ],
)
def test_unattributed_allegations_have_a_cue_but_no_claimant(sentence: str) -> None:
    found = attribution_of(sentence)
    assert found.claimant is None and found.cue is not None and found.own_source


def test_a_pronoun_speaker_leaves_the_claimant_to_the_previous_sentence() -> None:
    found = attribution_of("He said the village was shelled twice.")
    assert found.claimant is None and not found.own_source


def test_a_headline_source_after_a_dash_is_the_claimant() -> None:
    found = attribution_of("Two killed in shelling of Avdiivka - police")
    assert found.claimant is not None and found.claimant.mention == "police"
