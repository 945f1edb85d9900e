"""English: sentences read with spaCy's dependency parse."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from svidok.extract.lang.en_attribution import attribute
from svidok.extract.lang.en_parse import parse_sentences
from svidok.extract.lexicon import Lexicon
from svidok.extract.reading import Attribution
from svidok.extract.segment import Sentence

_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_LONGEST_NOUN_PHRASE = 12  # tokens; longer subtrees are clauses, not names of a group


@dataclass(frozen=True)
class EnglishReading:
    parsed: Doc
    attribution: Attribution
    cue_token: int | None

    def is_claim_date(self, start: int, end: int) -> bool:
        """A date governed by the cue verb ("the GUR claimed Friday") dates the claim."""
        if self.cue_token is None or self.attribution.claimant is None:
            return False
        tokens = self.parsed.char_span(start, end, alignment_mode="expand")
        if tokens is None:
            return False
        head = tokens.root.head
        return head.i == self.cue_token or (head.dep_ == "prep" and head.head.i == self.cue_token)

    def noun_phrase(self, start: int, end: int) -> tuple[int, int]:
        tokens = self.parsed.char_span(start, end, alignment_mode="expand")
        if tokens is None or tokens.root.tag_ not in _NOUN_TAGS:
            return start, end
        head = tokens.root
        subtree = self.parsed[head.left_edge.i : head.right_edge.i + 1]
        if len(subtree) <= _LONGEST_NOUN_PHRASE:
            return subtree.start_char, subtree.end_char
        chunk = next((c for c in self.parsed.noun_chunks if c.start <= head.i < c.end), None)
        return (chunk.start_char, chunk.end_char) if chunk is not None else (start, end)


class EnglishReader:
    def read(self, sentences: Sequence[Sentence], lexicon: Lexicon) -> list[EnglishReading]:
        readings = []
        for sentence, parsed in zip(sentences, parse_sentences(s.text for s in sentences)):
            found = attribute(parsed, sentence.start, lexicon)
            readings.append(EnglishReading(parsed, found.attribution, found.cue_token))
        return readings
