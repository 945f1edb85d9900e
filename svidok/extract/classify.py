"""Which taxonomy type a sentence reports, as probabilities from a trained linear model.

The regex triggers (`triggers.py`) are precise but miss most short reports ("Hospital destroyed
by explosion", "Russian aircraft downed"). This module scores every sentence with a multinomial
logistic regression over TF-IDF-weighted character and word n-grams, trained by
`scripts/train_type_classifier.py` on the hand-written examples in `training/types.<lang>.jsonl`.

Training uses scikit-learn's `TfidfVectorizer` with `sentence_ngrams` as its analyzer; scoring
here repeats its transform with numpy alone, so extraction neither imports scikit-learn (about
0.7 s) nor unpickles anything: the model is a NumPy `.npz` read with `allow_pickle=False`.
The training script checks that both paths give the same probabilities.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

NO_EVENT = "none"
TRAINING_FOLDER = "training"
CHAR_NGRAM_SIZES = range(2, 6)
WORD_PREFIX = "#"  # keeps word features apart from character n-grams of the same letters
# Words whose n-gram positions are remembered; past this the memory starts afresh, so that
# a long run's stream of names and numbers cannot grow it without bound.
_REMEMBERED_WORDS = 50_000

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
    return [WORD_PREFIX + word for word in words] + [
        f"{WORD_PREFIX}{first} {second}" for first, second in zip(words, words[1:])
    ]


@dataclass(frozen=True)
class TypeModel:
    """A trained sentence-type model: labels, n-gram vocabulary, IDF and linear weights."""

    language: str
    labels: tuple[str, ...]
    vocabulary: tuple[str, ...]
    idf: np.ndarray  # float32, one per n-gram
    weights: np.ndarray  # float32, n-grams x labels
    intercept: np.ndarray  # float32, one per label
    index: dict[str, int] = field(init=False, repr=False, compare=False)
    # Vocabulary positions of each word's character n-grams, filled as words are seen: the
    # same words recur from sentence to sentence, and looking up their n-grams dominated scoring.
    _word_columns: dict[str, list[int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {gram: position for position, gram in enumerate(self.vocabulary)})
        object.__setattr__(self, "_word_columns", {})

    def columns(self, text: str) -> list[int]:
        """Vocabulary positions of the text's known n-grams, in `sentence_ngrams` order."""
        words = sentence_words(text)
        found: list[int] = []
        for word in words:
            columns = self._word_columns.get(word)
            if columns is None:
                if len(self._word_columns) >= _REMEMBERED_WORDS:
                    self._word_columns.clear()
                columns = [self.index[gram] for gram in word_ngrams(word) if gram in self.index]
                self._word_columns[word] = columns
            found.extend(columns)
        found.extend(self.index[gram] for gram in word_features(words) if gram in self.index)
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
        scores = np.vstack([self.scores(text) for text in texts])
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            language=np.array(self.language),
            labels=np.array(self.labels),
            vocabulary=np.array(self.vocabulary),
            idf=self.idf.astype(np.float32),
            weights=self.weights.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
        )

    @classmethod
    def read(cls, path: Path) -> TypeModel:
        with np.load(path, allow_pickle=False) as saved:
            return cls(
                language=str(saved["language"]),
                labels=tuple(saved["labels"].tolist()),
                vocabulary=tuple(saved["vocabulary"].tolist()),
                idf=saved["idf"],
                weights=saved["weights"],
                intercept=saved["intercept"],
            )


def model_path(language: str) -> Path:
    """Where the package keeps the trained model for `language` (it may not exist)."""
    return Path(str(resources.files("svidok.extract").joinpath(TRAINING_FOLDER, f"type_classifier.{language}.npz")))


def training_set_path(language: str) -> Path:
    return Path(str(resources.files("svidok.extract").joinpath(TRAINING_FOLDER, f"types.{language}.jsonl")))


def available_classifier_languages() -> list[str]:
    folder = resources.files("svidok.extract").joinpath(TRAINING_FOLDER)
    names = [p.name for p in folder.iterdir()]
    return sorted(n.removeprefix("type_classifier.").removesuffix(".npz") for n in names if n.endswith(".npz"))


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


def classify_sentences(texts: list[str], language: str) -> list[dict[str, float]]:
    """Per text, the probability of each taxonomy code and of `none` (no event reported); they sum to 1."""
    model = load_type_model(language)
    return [dict(zip(model.labels, row.tolist(), strict=True)) for row in model.probabilities(texts)]
