"""The trained sentence-type classifiers (English, Ukrainian, Russian): load, cover the taxonomy, type unseen sentences."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from svidok.extract.classify import (
    BUCKETS,
    MODEL_FOLDER_VARIABLE,
    NO_EVENT,
    available_classifier_languages,
    classify_sentences,
    feature_bucket,
    load_type_model,
    load_vector_type_model,
    model_path,
    training_set_path,
    vector_model_path,
)
from svidok.extract.sentence_vectors import sentence_vectors
from svidok.knowledge import load_taxonomy

# Written for these tests; none of them is in the training set (checked below).
EVENT_SENTENCES = {
    "en": {
        "Hospital in Kupiansk damaged by Russian rockets": "attack_on_civilians",
        "Russian Mi-8 helicopter shot down near Bakhmut": "military_losses",
        "A column of Russian armour was seen driving through Melitopol": "military_movement",
        "The occupiers abducted a teacher in Nova Kakhovka.": "detention",
        "Two civilians killed by shelling in Orikhiv": "killing",
        "Heavy fighting near the village of Robotyne, Ukrainian troops repelled several assaults": "armed_clash",
        "Residents of occupied Tokmak are being forced to take Russian passports to receive pensions": "citizenship_coercion",
        # Map-caption style: no verb, the event in a noun phrase.
        "Burnt-out Russian BTR on the road to Trostianets": "military_losses",
        "Russian column with fuel trucks near Tokmak": "military_movement",
        "Dead civilians in the yard of a house in Irpin": "killing",
        "Damaged pharmacy and shops in Bakhmut": "attack_on_civilians",
    },
    "uk": {
        "Росіяни обстріляли поліклініку в Куп'янську, пошкоджено дах і вікна": "attack_on_civilians",
        "Під Бахмутом збили російський гелікоптер Мі-8": "military_losses",
        "Колона російської бронетехніки проїхала через Мелітополь у бік Василівки": "military_movement",
        "Окупанти викрали вчительку в Новій Каховці.": "detention",
        "Двоє мирних мешканців загинули внаслідок обстрілу Оріхова": "killing",
        "Мешканців окупованого Токмака змушують брати російські паспорти, щоб отримувати пенсію": "citizenship_coercion",
        "Окупанти вивезли дітей з Олешок до Криму": "forced_displacement",
    },
    "ru": {
        "Российские войска обстреляли поликлинику в Купянске, повреждены крыша и окна": "attack_on_civilians",
        "Минобороны РФ: уничтожены два танка и пять бронемашин ВСУ": "military_losses",
        "Колонна российской бронетехники прошла через Мелитополь в сторону Васильевки": "military_movement",
        "В Новой Каховке похитили учительницу.": "detention",
        "Двое мирных жителей погибли в результате обстрела Орехова": "killing",
        "Подразделения группировки «Юг» освободили населенный пункт Андреевка": "armed_clash",
        "Сальдо объявил «эвакуацию» жителей Каховки в Крым": "forced_displacement",
    },
}
NON_EVENT_SENTENCES = {
    "en": [
        "The central bank left its key rate unchanged on Thursday.",
        "Reporting by Olena Petrenko; editing by John Smith.",
        "Heavy snow is expected in Chernihiv region at the weekend.",
        "The foreign ministers discussed the next package of sanctions in Brussels.",
    ],
    "uk": [
        "Національний банк залишив облікову ставку без змін у четвер.",
        "У вихідні на Чернігівщині очікується сильний снігопад.",
        "Підписуйтесь на наш канал у Telegram та Viber!",
        "Повітряна тривога на Полтавщині, прямуйте до укриттів.",
    ],
    "ru": [
        "Центробанк оставил ключевую ставку без изменений в четверг.",
        "На выходных в Черниговской области ожидается сильный снегопад.",
        "Подписывайтесь на наш канал в Telegram и Viber!",
        "Министры иностранных дел обсудили в Брюсселе следующий пакет санкций.",
    ],
}
LANGUAGES = tuple(EVENT_SENTENCES)


def training_texts(language: str) -> set[str]:
    lines = training_set_path(language).read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["text"] for line in lines if line.strip()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_test_sentences_are_not_in_the_training_set(language: str) -> None:
    assert not (set(EVENT_SENTENCES[language]) | set(NON_EVENT_SENTENCES[language])) & training_texts(language)


def test_english_ukrainian_and_russian_models_are_available() -> None:
    assert set(LANGUAGES) <= set(available_classifier_languages())


@pytest.mark.parametrize("language", LANGUAGES)
def test_model_labels_are_the_taxonomy_codes_and_none(language: str) -> None:
    model = load_type_model(language)
    assert model.language == language
    assert set(model.labels) == set(load_taxonomy()) | {NO_EVENT}


@pytest.mark.parametrize("language", LANGUAGES)
def test_model_file_stays_compact(language: str) -> None:
    assert model_path(language).stat().st_size < 3_000_000


def test_each_sentence_gets_a_probability_distribution_over_all_codes() -> None:
    distributions = classify_sentences(["Shelling of a school in Kharkiv", "Weather forecast for Kyiv"], "en")
    assert len(distributions) == 2
    for distribution in distributions:
        assert set(distribution) == set(load_taxonomy()) | {NO_EVENT}
        assert all(0.0 <= p <= 1.0 for p in distribution.values())
        assert sum(distribution.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_classification_is_deterministic_and_independent_of_the_batch(language: str) -> None:
    texts = list(EVENT_SENTENCES[language])
    assert classify_sentences(texts, language) == classify_sentences(texts, language)
    assert classify_sentences(texts[:1], language)[0] == pytest.approx(classify_sentences(texts, language)[0])


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [(language, sentence, code) for language, examples in EVENT_SENTENCES.items() for sentence, code in examples.items()],
)
def test_unseen_event_sentence_gets_its_type(language: str, sentence: str, expected: str) -> None:
    distribution = classify_sentences([sentence], language)[0]
    assert max(distribution, key=distribution.__getitem__) == expected


@pytest.mark.parametrize(
    ("language", "sentence"), [(language, sentence) for language, texts in NON_EVENT_SENTENCES.items() for sentence in texts]
)
def test_sentence_reporting_no_event_gets_none(language: str, sentence: str) -> None:
    distribution = classify_sentences([sentence], language)[0]
    assert max(distribution, key=distribution.__getitem__) == NO_EVENT


def test_no_texts_give_no_distributions() -> None:
    assert classify_sentences([], "en") == []


def test_language_without_a_model_is_refused_with_the_missing_file() -> None:
    with pytest.raises(KeyError, match="type_classifier.xx.npz"):
        classify_sentences(["Текст"], "xx")


@pytest.mark.parametrize("language", LANGUAGES)
def test_saved_model_holds_no_text_but_its_language_and_labels(language: str) -> None:
    # The English model is trained on development data that must never be committed: with
    # hashed features nothing in the file but the label names and the language is text.
    with np.load(model_path(language), allow_pickle=False) as saved:
        text_arrays = {name for name in saved.files if saved[name].dtype.kind in "US"}
        assert text_arrays == {"language", "labels"}
        assert int(saved["buckets"].max()) < BUCKETS


def test_feature_columns_are_the_same_in_every_process() -> None:
    # A salted hash would give other columns in the next interpreter and void the trained weights.
    assert feature_bucket("#shelling") == 405594
    assert feature_bucket(" sh") == 482477


def test_models_are_read_from_the_folder_the_environment_names(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    shutil.copy(model_path("en"), tmp_path)
    monkeypatch.setenv(MODEL_FOLDER_VARIABLE, str(tmp_path))
    assert available_classifier_languages() == ["en"]
    assert model_path("en") == tmp_path / "type_classifier.en.npz"


def test_only_type_classifiers_count_as_classifier_languages() -> None:
    assert available_classifier_languages() == ["en", "ru", "uk"]


def test_the_vector_model_knows_the_same_labels_as_each_n_gram_model() -> None:
    vectors = load_vector_type_model(vector_model_path().parent)
    for language in ("en", "uk", "ru"):
        assert set(vectors.labels) == set(load_type_model(language).labels)
    assert 0.0 < vectors.share < 1.0


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_a_short_report_blends_the_n_gram_and_vector_models_by_the_vector_models_share(language: str) -> None:
    text = next(iter(EVENT_SENTENCES[language]))
    (alone,) = classify_sentences([text], language)
    (blended,) = classify_sentences([text], language, short_report=True)
    vectors = load_vector_type_model(vector_model_path().parent)
    (vector_row,) = vectors.probabilities(sentence_vectors([text]))
    for label, probability in blended.items():
        expected = (1 - vectors.share) * alone[label] + vectors.share * vector_row[vectors.labels.index(label)]
        assert probability == pytest.approx(expected, abs=1e-6)
    assert sum(blended.values()) == pytest.approx(1.0)
    assert blended != alone


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_unseen_event_sentences_keep_their_type_in_the_blend(language: str) -> None:
    texts = list(EVENT_SENTENCES[language])
    for text, row in zip(texts, classify_sentences(texts, language, short_report=True), strict=True):
        assert max(row, key=row.__getitem__) == EVENT_SENTENCES[language][text], text
