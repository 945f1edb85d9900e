"""Sentence segmentation that keeps exact character offsets into the document text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


# The end of a sentence ("...", '...»'): a line without one is a headline, a title or a label.
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*$")


def ends_as_a_sentence(text: str) -> bool:
    """Whether `text` ends with a full stop, question or exclamation mark (quotes and brackets after it allowed)."""
    return _SENTENCE_END.search(text) is not None


@lru_cache(maxsize=None)
def _sentencizer(language: str) -> Language:
    # Punctuation rules on spaCy's tokenizer for the language: fast (no model), and the
    # tokenizer's abbreviation exceptions ("Mr.", "U.S.", "м.") keep sentences whole.
    nlp = spacy.blank(language)
    nlp.add_pipe("sentencizer")
    return nlp


_PARAGRAPH_BREAK = re.compile(r"\n\s*")
# Headlines joined by ";" (as in event-data digests) are separate statements.
_HEADLINE_JOIN = re.compile(r";(?=\s*\S)")


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Sentences of `text`, never crossing a line break; offsets index into `text`."""
    sentences: list[Sentence] = []
    for paragraph_index, (p_start, p_end) in enumerate(_paragraphs(text)):
        for piece_start, piece_end in _pieces(text, p_start, p_end):
            doc = _sentencizer(language)(text[piece_start:piece_end])
            for sent in doc.sents:
                start = piece_start + sent.start_char
                end = piece_start + sent.end_char
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph_index))
    return sentences


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for match in _HEADLINE_JOIN.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    return [(s + _leading_space(text[s:e]), e) for s, e in pieces if text[s:e].strip()]


def _leading_space(piece: str) -> int:
    return len(piece) - len(piece.lstrip())
