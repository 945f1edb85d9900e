"""Word-level similarity of evidence texts and near-duplicate detection of documents."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.ru.stop_words import STOP_WORDS as RUSSIAN_STOP_WORDS
from spacy.lang.uk.stop_words import STOP_WORDS as UKRAINIAN_STOP_WORDS

_WORD = re.compile(r"\w+", re.UNICODE)
# Reporting verbs say who speaks, not what happened: they must not make two stories look alike.
_REPORTING_WORDS = frozenset({"said", "says", "say", "according", "reported", "reports", "claimed", "stated"})


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(ENGLISH_STOP_WORDS | UKRAINIAN_STOP_WORDS | RUSSIAN_STOP_WORDS) | _REPORTING_WORDS


def words(text: str) -> list[str]:
    """Lower-cased word tokens in reading order."""
    return [w.lower() for w in _WORD.findall(text)]


def content_tokens(text: str) -> frozenset[str]:
    """The words of `text` that carry content: no stop words, no one-letter tokens."""
    stop = _stop_words()
    return frozenset(w for w in words(text) if len(w) > 1 and w not in stop)


def token_set_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller token set found in the larger (overlap coefficient).

    A short wire summary inside a long article scores high, as it should: it tells the same story.
    Fewer than two shared words is never similarity, however small the sets.
    """
    shared = len(a & b)
    if shared < 2:
        return 0.0
    return shared / min(len(a), len(b))


def shingles(text: str, size: int) -> frozenset[int]:
    """Hashes of the overlapping `size`-word windows of `text` (the whole text if shorter)."""
    tokens = words(text)
    if len(tokens) <= size:
        return frozenset({hash(tuple(tokens))}) if tokens else frozenset()
    return frozenset(hash(tuple(tokens[i : i + size])) for i in range(len(tokens) - size + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
