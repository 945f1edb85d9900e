"""What a language module tells the pipeline about each sentence.

English reads sentences with a dependency parse; languages without a parser read them
with patterns. Both answer the same questions, so the pipeline never asks which language
it is handling.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from svidok.extract.lexicon import Lexicon
from svidok.extract.segment import Sentence
from svidok.records import Actor, Span


@dataclass(frozen=True)
class Attribution:
    claimant: Actor | None
    cue: Span | None
    # True where the sentence itself names or hedges its source: the previous sentence's
    # claimant must not carry over.
    own_source: bool


class SentenceReading(Protocol):
    attribution: Attribution

    def is_claim_date(self, start: int, end: int) -> bool:
        """Whether the date expression at [start, end) of the sentence dates the claim, not the event."""
        ...

    def noun_phrase(self, start: int, end: int) -> tuple[int, int]:
        """The (start, end) in the sentence of the noun phrase around the words at [start, end)."""
        ...


class LanguageReader(Protocol):
    def read(self, sentences: Sequence[Sentence], lexicon: Lexicon) -> list[SentenceReading]:
        ...
