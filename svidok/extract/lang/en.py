"""English: sentences read with spaCy's dependency parse.

Parsing is most of the cost of extraction, so a sentence is parsed only where its reading
needs the parse: where it may name a source (`may_attribute`) or names a victim group,
whose noun phrase claims ask for. Those are parsed up front in one batch, since a parse of
one sentence alone costs several times its share of a batch; any other sentence is parsed
on first use, should a reading of it ever need the parse.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from svidok.extract.actors import find_actors
from svidok.extract.lang.en_attribution import NO_ATTRIBUTION, attribute, may_attribute
from svidok.extract.lang.en_parse import parse, parse_sentences
from svidok.extract.lang.leading_source import opens_a_line
from svidok.extract.lexicon import Lexicon
from svidok.extract.reading import Attribution
from svidok.extract.segment import Sentence

_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_LONGEST_NOUN_PHRASE = 12  # tokens; longer subtrees are clauses, not names of a group


@dataclass(frozen=True)
class EnglishReading:
    text: str
    attribution: Attribution
    cue_token: int | None
    # The parse from the reader's batch; None where reading the sentence did not need one.
    batch_parse: Doc | None = field(default=None, repr=False)

    @cached_property
    def parsed(self) -> Doc:
        # Left out of the batch: parsed alone, should a claim ask for a noun phrase after all.
        return self.batch_parse if self.batch_parse is not None else parse(self.text)

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
        needed = [may_attribute(s.text, lexicon) or _names_victims(s.text, lexicon) for s in sentences]
        parses = parse_sentences(s.text for s, wanted in zip(sentences, needed) if wanted)
        by_index = {sentence.index: sentence for sentence in sentences}
        readings = []
        for sentence, wanted in zip(sentences, needed):
            if not wanted:
                readings.append(EnglishReading(sentence.text, NO_ATTRIBUTION, None))
                continue
            parsed = next(parses)
            opens_line = opens_a_line(sentence, by_index.get(sentence.index - 1))
            found = attribute(parsed, sentence.start, lexicon, opens_line=opens_line)
            readings.append(EnglishReading(sentence.text, found.attribution, found.cue_token, parsed))
        return readings


def _names_victims(text: str, lexicon: Lexicon) -> bool:
    """Whether claims may ask for the noun phrase around a victim group in this sentence."""
    # The same call as the claim builder's: `find_actors` caches it for the builder.
    return any(match.entry.role == "civilians" for match in find_actors(text, lexicon.perpetrator_modifiers))
