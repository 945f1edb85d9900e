"""Which taxonomy type a sentence reports, as probabilities from a trained linear model.

The regex triggers (`triggers.py`) are precise but miss most short reports ("Hospital destroyed
by explosion", "Russian aircraft downed"). This module scores every sentence with a multinomial
logistic regression over TF-IDF-weighted character and word n-grams, trained by
`scripts/train_type_classifier.py` on the hand-written examples in `training/types.<lang>.jsonl`
and, for English, on the development data's labelled rows.

The n-grams are hashed (CRC-32 into 2^20 columns) rather than listed: the model file holds
numbers only, so no text it was trained on, the development data included, can be read back
out of it. Training builds the same hashed counts and fits scikit-learn's `TfidfTransformer`
and `LogisticRegression`; scoring here repeats the transform with numpy alone, so extraction
neither imports scikit-learn (about 0.7 s) nor unpickles anything: the model is a NumPy `.npz`
read with `allow_pickle=False`. The training script checks that both paths agree.
"""
from __future__ import annotations

import os
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from svidok.extract.sentence_vectors import VectorClassifier, sentence_vectors
from svidok.extract.softmax import softmax_rows

NO_EVENT = "none"
TRAINING_FOLDER = "training"
MODEL_FOLDER_VARIABLE = "SVIDOK_TYPE_MODELS"
VECTOR_MODEL_FILE = "type_vectors.npz"
CHAR_NGRAM_SIZES = range(2, 6)
WORD_PREFIX = "#"  # keeps word features apart from character n-grams of the same letters
# Words whose n-gram positions are remembered; past this the memory starts afresh, so that
# a long run's stream of names and numbers cannot grow it without bound.
_REMEMBERED_WORDS = 50_000
# Hashed feature columns: 2^20 keeps collisions between the ~10^5 n-grams of a training set rare.
BUCKETS = 1 << 20

_WORD = re.compile(r"\w[\w'’-]*")
_DIGIT = re.compile(r"\d")


def sentence_ngrams(text: str) -> list[str]:
    """The model's features: character 2-5-grams within space-padded words, word uni- and bigrams.

    Character n-grams carry inflections and spellings ("shelled"/"shelling", "Kharkiv"/"Kharkov");
    word bigrams carry phrases ("shot down", "mass grave") that character windows cut apart.
    Digits become 0 so that "66 attacks" and "12 attacks" share their features.
    """
    words = sentence_words(text)
    grams: list[str] = []
    for word in words:
        grams.extend(word_ngrams(word))
    grams.extend(word_features(words))
    return grams


def sentence_words(text: str) -> list[str]:
    return _WORD.findall(_DIGIT.sub("0", text.lower()))


def word_ngrams(word: str) -> list[str]:
    """The character n-grams of one word, in the order `sentence_ngrams` lists them."""
    padded = f" {word} "
    return [padded[start : start + size] for size in CHAR_NGRAM_SIZES for start in range(len(padded) - size + 1)]


def word_features(words: list[str]) -> list[str]:
    """Word unigrams then bigrams."""
    return [WORD_PREFIX + word for word in words] + word_bigrams(words)


def word_bigrams(words: list[str]) -> list[str]:
    return [f"{WORD_PREFIX}{first} {second}" for first, second in zip(words, words[1:])]


def feature_bucket(gram: str) -> int:
    """The hashed column of one n-gram: CRC-32 of its UTF-8 bytes, folded into `BUCKETS`.

    CRC-32 is fixed across runs and machines, unlike Python's salted `hash`, so training and
    scoring agree; and the model keeps only bucket numbers, never the n-grams' text.
    """
    return zlib.crc32(gram.encode("utf-8")) & (BUCKETS - 1)


def sentence_buckets(text: str) -> list[int]:
    """The hashed columns of `sentence_ngrams(text)`, in the same order (training's features)."""
    return [feature_bucket(gram) for gram in sentence_ngrams(text)]


@dataclass(frozen=True)
class TypeModel:
    """A trained sentence-type model: labels, and IDF and linear weights of the hashed n-gram columns.

    Only the columns seen in training are stored (`buckets`, ascending); any other column
    has zero weight and is skipped when scoring.
    """

    language: str
    labels: tuple[str, ...]
    buckets: np.ndarray  # int32, the stored hashed columns
    idf: np.ndarray  # float32, one per stored column
    weights: np.ndarray  # float16 on disk, float32 in memory: stored columns x labels
    intercept: np.ndarray  # float32, one per label
    index: dict[int, int] = field(init=False, repr=False, compare=False)
    # Row positions of each word's character n-grams, filled as words are seen: the same words
    # recur from sentence to sentence, and hashing their n-grams dominated scoring.
    _word_columns: dict[str, list[int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {int(bucket): row for row, bucket in enumerate(self.buckets.tolist())})
        object.__setattr__(self, "_word_columns", {})

    def _rows(self, grams: list[str]) -> list[int]:
        index = self.index
        found = (index.get(feature_bucket(gram)) for gram in grams)
        return [row for row in found if row is not None]

    def columns(self, text: str) -> list[int]:
        """Row positions of the text's stored hashed n-grams (`sentence_ngrams`, in another order).

        A word's character n-grams and its unigram are looked up once and remembered; only the
        word bigrams are hashed afresh for each sentence.
        """
        words = sentence_words(text)
        found: list[int] = []
        for word in words:
            columns = self._word_columns.get(word)
            if columns is None:
                if len(self._word_columns) >= _REMEMBERED_WORDS:
                    self._word_columns.clear()
                columns = self._rows([*word_ngrams(word), WORD_PREFIX + word])
                self._word_columns[word] = columns
            found.extend(columns)
        found.extend(self._rows(word_bigrams(words)))
        return found

    def scores(self, text: str) -> np.ndarray:
        """Linear scores per label: sublinear TF x IDF, L2-normalised, as TfidfVectorizer computes it."""
        counts = Counter(self.columns(text))
        if not counts:
            return self.intercept.astype(np.float64)
        columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        weighted = tf * self.idf[columns]
        weighted /= np.linalg.norm(weighted)
        return weighted @ self.weights[columns] + self.intercept

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Softmax probabilities, one row per text, columns in `labels` order."""
        if not texts:
            return np.zeros((0, len(self.labels)))
        return softmax_rows(np.vstack([self.scores(text) for text in texts]))

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            language=np.array(self.language),
            labels=np.array(self.labels),
            buckets=self.buckets.astype(np.int32),
            idf=self.idf.astype(np.float32),
            # Half precision halves the file; scoring differs from training's float64 by < 1e-3.
            weights=self.weights.astype(np.float16),
            intercept=self.intercept.astype(np.float32),
        )

    @classmethod
    def read(cls, path: Path) -> TypeModel:
        with np.load(path, allow_pickle=False) as saved:
            return cls(
                language=str(saved["language"]),
                labels=tuple(saved["labels"].tolist()),
                buckets=saved["buckets"],
                idf=saved["idf"],
                weights=saved["weights"].astype(np.float32),
                intercept=saved["intercept"],
            )


def model_folder() -> Path:
    """Where the trained models are: the package's training folder, or `$SVIDOK_TYPE_MODELS`.

    The override lets the training script score the whole pipeline with a model trained on
    part of the data (its time-split evaluation) without replacing the package's model.
    """
    configured = os.environ.get(MODEL_FOLDER_VARIABLE)
    return Path(configured) if configured else Path(str(resources.files("svidok.extract").joinpath(TRAINING_FOLDER)))


def model_path(language: str) -> Path:
    """Where the trained model for `language` is (it may not exist)."""
    return model_folder() / f"type_classifier.{language}.npz"


def training_set_path(language: str) -> Path:
    return Path(str(resources.files("svidok.extract").joinpath(TRAINING_FOLDER, f"types.{language}.jsonl")))


def available_classifier_languages() -> list[str]:
    names = [p.name for p in model_folder().iterdir()]
    return sorted(n.removeprefix("type_classifier.").removesuffix(".npz") for n in names if n.startswith("type_classifier.") and n.endswith(".npz"))


@lru_cache(maxsize=None)
def load_type_model(language: str) -> TypeModel:
    """The trained model for `language` (ISO 639-1); KeyError naming the file if there is none."""
    path = model_path(language)
    if not path.exists():
        raise KeyError(
            f"no sentence-type classifier for language {language!r} ({path} is absent; "
            "train one with scripts/train_type_classifier.py)"
        )
    return TypeModel.read(path)


def vector_model_path() -> Path:
    """The sentence-vector type model, one for every language (it may not exist)."""
    return model_folder() / VECTOR_MODEL_FILE


@lru_cache(maxsize=None)
def load_vector_type_model(folder: Path) -> VectorClassifier:
    """The sentence-vector type model of `folder`; KeyError naming the file if there is none."""
    path = folder / VECTOR_MODEL_FILE
    if not path.exists():
        raise KeyError(f"no sentence-vector type model ({path} is absent; train one with scripts/train_type_vectors.py)")
    return VectorClassifier.read(path)


def classify_sentences(texts: list[str], language: str, short_report: bool = False) -> list[dict[str, float]]:
    """Per text, the probability of each taxonomy code and of `none` (no event reported); they sum to 1.

    In a short report (`sentence_vectors`), the n-gram model's probabilities are blended with
    those of a model over sentence vectors, which knows phrasings its n-grams never saw ("the
    tower block caved in after the blast"); the blend's weight comes with that model.
    """
    model = load_type_model(language)
    rows = model.probabilities(texts)
    if short_report and texts:
        vectors = load_vector_type_model(model_folder())
        columns = [vectors.labels.index(label) for label in model.labels]
        rows = (1.0 - vectors.share) * rows + vectors.share * vectors.probabilities(sentence_vectors(texts))[:, columns]
    return [dict(zip(model.labels, row.tolist(), strict=True)) for row in rows]
