"""The trained sentence-type classifier: loads, covers the taxonomy, types unseen sentences."""
from __future__ import annotations

import json

import pytest

from svidok.extract.classify import NO_EVENT, classify_sentences, load_type_model, training_set_path
from svidok.knowledge import load_taxonomy

# Written for these tests; none of them is in the training set (checked below).
EVENT_SENTENCES = {
    "Hospital in Kupiansk damaged by Russian rockets": "attack_on_civilians",
    "Russian Mi-8 helicopter shot down near Bakhmut": "military_losses",
    "A column of Russian armour was seen driving through Melitopol": "military_movement",
    "The occupiers abducted a teacher in Nova Kakhovka.": "detention",
    "Two civilians killed by shelling in Orikhiv": "killing",
    "Heavy fighting near the village of Robotyne, Ukrainian troops repelled several assaults": "armed_clash",
    "Residents of occupied Tokmak are being forced to take Russian passports to receive pensions": "citizenship_coercion",
}
NON_EVENT_SENTENCES = [
    "The central bank left its key rate unchanged on Thursday.",
    "Reporting by Olena Petrenko; editing by John Smith.",
    "Heavy snow is expected in Chernihiv region at the weekend.",
    "The foreign ministers discussed the next package of sanctions in Brussels.",
]


def training_texts() -> set[str]:
    lines = training_set_path("en").read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["text"] for line in lines if line.strip()}


def test_test_sentences_are_not_in_the_training_set() -> None:
    assert not (set(EVENT_SENTENCES) | set(NON_EVENT_SENTENCES)) & training_texts()


def test_model_labels_are_the_taxonomy_codes_and_none() -> None:
    assert set(load_type_model("en").labels) == set(load_taxonomy()) | {NO_EVENT}


def test_each_sentence_gets_a_probability_distribution_over_all_codes() -> None:
    distributions = classify_sentences(["Shelling of a school in Kharkiv", "Weather forecast for Kyiv"], "en")
    assert len(distributions) == 2
    for distribution in distributions:
        assert set(distribution) == set(load_taxonomy()) | {NO_EVENT}
        assert all(0.0 <= p <= 1.0 for p in distribution.values())
        assert sum(distribution.values()) == pytest.approx(1.0)


def test_classification_is_deterministic_and_independent_of_the_batch() -> None:
    texts = list(EVENT_SENTENCES)
    assert classify_sentences(texts, "en") == classify_sentences(texts, "en")
    assert classify_sentences(texts[:1], "en")[0] == pytest.approx(classify_sentences(texts, "en")[0])


@pytest.mark.parametrize(("sentence", "expected"), EVENT_SENTENCES.items())
def test_unseen_event_sentence_gets_its_type(sentence: str, expected: str) -> None:
    distribution = classify_sentences([sentence], "en")[0]
    assert max(distribution, key=distribution.__getitem__) == expected


@pytest.mark.parametrize("sentence", NON_EVENT_SENTENCES)
def test_sentence_reporting_no_event_gets_none(sentence: str) -> None:
    distribution = classify_sentences([sentence], "en")[0]
    assert max(distribution, key=distribution.__getitem__) == NO_EVENT


def test_no_texts_give_no_distributions() -> None:
    assert classify_sentences([], "en") == []


def test_language_without_a_model_is_refused_with_the_missing_file() -> None:
    with pytest.raises(KeyError, match="type_classifier.xx.npz"):
        classify_sentences(["Текст"], "xx")
