"""Reading sentences without a parser: attribution from the lexicon's patterns.

Ukrainian and Russian have no statistical parser that installs from a package registry,
so who says what is read from the languages' reporting constructions:

- a source cue followed by the source: "за даними ГУР", "по словам главы ОВА";
- a reporting verb with the source after it: "..., повідомили в ГУР", "«...», — сказала X",
  "как заявили в Минобороны";
- a reporting verb with the source before it: "ГУР повідомило, що ...", "Песков заявил";
- a headline source after a dash: "Двоє загиблих у Харкові – ОВА";
- a headline source before a colon, where the sentence opens a line: "ГУР: росіяни готують ..."
  (`lang/leading_source.py`).

A source phrase ends at punctuation, at a date expression, at a conjunction or at a verb
(the lexicon's `phrase_stops` and `reporting_forms`). The claimant is canonicalised from
the phrase with the actor aliases, which hold every script. An unattributed hedge
("нібито", "сообщается") gives a cue without a claimant, as in English.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from svidok.extract.claimants import claimant_from_mention, speaks_for_itself
from svidok.extract.dates import date_spans
from svidok.extract.lang.leading_source import leading_source, opens_a_line
from svidok.extract.lexicon import Lexicon, PatternCues, first_match
from svidok.extract.reading import Attribution
from svidok.extract.segment import Sentence
from svidok.records import Span

_WORD = re.compile(r"[^\s,;.:!?—–«»\"“”„()]+|\(|\)")
# Punctuation that ends a source phrase; parentheses and quotation marks do not
# ("ГУР (Головне управління розвідки)", "центр «Меморіал»").
_BOUNDARY = re.compile(r"[,;.:!?—–]|\s-\s")
_HEADLINE_SOURCE = re.compile(r"\s[-–—]\s*(?P<source>[^\W\d_][^\s,.;:!?]*(?:\s+[^\s,.;:!?]+){0,5})\s*\.?$")
_LONGEST_SOURCE = 10  # words; a longer run is a clause, not the name of a speaker
_LONGEST_SUBJECT = 8
_CLAIM_DATE_GAP = 2  # words between a source and a date that dates the claim
_NOUN_PHRASE_TAIL = 4
_NOUN_PHRASE_HEAD = 2


@dataclass(frozen=True)
class _Found:
    cue: tuple[int, int]
    source: tuple[int, int] | None
    pronoun: bool = False


@dataclass(frozen=True)
class PatternReading:
    text: str
    attribution: Attribution
    cues: PatternCues
    # Sentence offsets covering the cue and the source, to tell claim dates from event dates.
    source_block: tuple[int, int] | None

    def is_claim_date(self, start: int, end: int) -> bool:
        """A date next to the cue and its source ("заявили в ГУР у п'ятницю") dates the claim."""
        if self.source_block is None or self.attribution.claimant is None:
            return False
        block_start, block_end = self.source_block
        if start >= block_end:
            between = self.text[block_end:start]
        elif end <= block_start:
            between = self.text[end:block_start]
        else:
            return False
        return len(between.split()) <= _CLAIM_DATE_GAP and not _BOUNDARY.search(between)

    def noun_phrase(self, start: int, end: int) -> tuple[int, int]:
        """The words at [start, end) with the adjectives before them and the genitives after
        them ("українських громадян", "жителей оккупированных районов")."""
        words = [m.span() for m in _WORD.finditer(self.text) if m.group() not in "()"]
        inside = [i for i, (s, e) in enumerate(words) if s < end and e > start]
        if not inside:
            return start, end
        first, last = inside[0], inside[-1]
        while last + 1 < len(words) and last - inside[-1] < _NOUN_PHRASE_TAIL and self._continues(words[last], words[last + 1], self.cues.genitive_endings):
            last += 1
        while first > 0 and inside[0] - first < _NOUN_PHRASE_HEAD and self._continues(words[first - 1], words[first], self.cues.adjective_endings, before=True):
            first -= 1
        return min(start, words[first][0]), max(end, words[last][1])

    def _continues(self, left: tuple[int, int], right: tuple[int, int], endings: re.Pattern[str], *, before: bool = False) -> bool:
        if self.text[left[1] : right[0]].strip():
            return False  # punctuation between the words
        word = self.text[slice(*left)] if before else self.text[slice(*right)]
        return bool(endings.search(word)) and not any(p.fullmatch(word) for p in self.cues.phrase_stops)


class PatternReader:
    """The `LanguageReader` for languages whose lexicon has a `[pattern_reading]` table."""

    def read(self, sentences: Sequence[Sentence], lexicon: Lexicon) -> list[PatternReading]:
        if lexicon.pattern_cues is None:
            raise ValueError(f"lexicon {lexicon.language!r} has no [pattern_reading] table for the pattern reader")
        by_index = {sentence.index: sentence for sentence in sentences}
        return [
            read_sentence(sentence, lexicon, lexicon.pattern_cues, opens_line=opens_a_line(sentence, by_index.get(sentence.index - 1)))
            for sentence in sentences
        ]


def read_sentence(sentence: Sentence, lexicon: Lexicon, cues: PatternCues, *, opens_line: bool = True) -> PatternReading:
    """The reading of one sentence; `opens_line` where it opens a line or a headline (read
    alone, a sentence is a one-line report), so that a source may lead it before a colon."""
    text, offset = sentence.text, sentence.start
    dates = date_spans(text, lexicon)
    hedge = first_match(lexicon.unattributed, text)
    # A headline's leading source frames all that follows it: "Генштаб: за даними розвідки, ..."
    # is the General Staff's statement, whatever the sentence cites.
    cited = _source_cue(text, lexicon, cues, dates)
    found = (
        (_leading_source(text, lexicon) if opens_line else None)
        or (_cited_by_its_speaker(sentence, cited, lexicon, cues, dates) if cited else None)
        or cited
        or _reporting_verb(text, cues, dates)
        or _headline_source(text, cues)
    )
    if found is not None:
        cue = _span(text, offset, *found.cue)
        if found.source is not None:
            start, end = found.source
            claimant = claimant_from_mention(text[start:end], offset + start, lexicon)
            block = (min(found.cue[0], start), max(found.cue[1], end))
            return PatternReading(text, Attribution(claimant, cue, own_source=True), cues, block)
        # A pronoun speaker ("він заявив") leaves the claimant to the previous sentence.
        return PatternReading(text, Attribution(None, cue, own_source=hedge is not None), cues, None)
    if hedge is not None:
        return PatternReading(text, Attribution(None, _span(text, offset, *hedge.span()), own_source=True), cues, None)
    return PatternReading(text, Attribution(None, None, own_source=False), cues, None)


def _span(text: str, offset: int, start: int, end: int) -> Span:
    return Span(offset + start, offset + end, text[start:end])


def _source_cue(text: str, lexicon: Lexicon, cues: PatternCues, dates: list[tuple[int, int]]) -> _Found | None:
    """"за даними X", "по словам X": the source follows the cue."""
    for match in sorted((m for p in lexicon.source_prepositions for m in p.finditer(text)), key=lambda m: m.start()):
        source = _phrase_after(text, match.end(), cues, dates)
        if source is not None:
            return _Found(match.span(), source)
    return None


def _cited_by_its_speaker(
    sentence: Sentence, cited: _Found, lexicon: Lexicon, cues: PatternCues, dates: list[tuple[int, int]]
) -> _Found | None:
    """The reporting verb's named speaker where it cites its own sources (`cited`: "Правозахисники
    заявили, посилаючись на свідків"; see `speaks_for_itself`), else None."""
    speaking = _reporting_verb(sentence.text, cues, dates)
    if speaking is None or speaking.source is None:
        return None
    start, end = speaking.source
    speaker = claimant_from_mention(sentence.text[start:end], sentence.start + start, lexicon)
    return speaking if speaks_for_itself(sentence.text[slice(*cited.cue)], speaker, lexicon) else None


def _reporting_verb(text: str, cues: PatternCues, dates: list[tuple[int, int]]) -> _Found | None:
    """The first reporting verb with a source before or after it, or with a pronoun subject."""
    verbs = sorted((m for p in cues.reporting_forms for m in p.finditer(text)), key=lambda m: m.start())
    # A closing attribution (", повідомили в Офісі генпрокурора.") is the surest construction:
    # an earlier "повідомили про підозру" in the same sentence is content, not the report.
    closing = [v for v in verbs if _closes_sentence(text, v, cues, dates)]
    for verb in closing + [v for v in verbs if v not in closing]:
        before = _phrase_before(text, verb.start(), cues, dates)
        after = _phrase_after(text, verb.end(), cues, dates)
        # "..., повідомили в ГУР" names the source after the verb; "ГУР повідомило" before it.
        ordered = (after, before) if before is None else (before, after)
        source = next((s for s in ordered if s is not None), None)
        # A pronoun speaker ("він заявив", "— заявил он") is the previous sentence's.
        if source is not None and cues.pronouns.fullmatch(text[slice(*source)]):
            return _Found(verb.span(), None, pronoun=True)
        if source is not None:
            return _Found(verb.span(), source)
    return None


def _closes_sentence(text: str, verb: re.Match[str], cues: PatternCues, dates: list[tuple[int, int]]) -> bool:
    """Whether `verb` follows a comma or dash and its source phrase runs to the sentence's end."""
    if not re.search(r"[,—–]\s*$", text[: verb.start()]):
        return False
    after = _phrase_after(text, verb.end(), cues, dates)
    rest = text[after[1] :] if after else text[verb.end() :]
    date_rest = "".join(text[s:e] for s, e in dates if s >= (after[1] if after else verb.end()))
    return after is not None and not rest.replace(date_rest, "").strip(" .!?»\"”")


def _phrase_after(text: str, position: int, cues: PatternCues, dates: list[tuple[int, int]]) -> tuple[int, int] | None:
    lead = cues.source_lead.match(text, position)
    start = lead.end() if lead else position
    words: list[tuple[int, int]] = []
    for m in _WORD.finditer(text, start):
        if _BOUNDARY.search(text[(words[-1][1] if words else start) : m.start()]) or _stops(text, m, cues, dates):
            break
        words.append(m.span())
        if len(words) > _LONGEST_SOURCE:
            return None
    words = _balanced(text, words)
    return (words[0][0], words[-1][1]) if words else None


def _phrase_before(text: str, position: int, cues: PatternCues, dates: list[tuple[int, int]]) -> tuple[int, int] | None:
    boundary = max([m.end() for m in _BOUNDARY.finditer(text, 0, position)] + [e for s, e in dates if e <= position] + [0])
    words = [m for m in _WORD.finditer(text, boundary, position)]
    stops = [i for i, m in enumerate(words) if _stops(text, m, cues, dates)]
    if stops:
        words = words[stops[-1] + 1 :]
    while words and cues.source_trim.fullmatch(words[0].group()):
        words = words[1:]
    while words and cues.source_trim.fullmatch(words[-1].group()):
        words = words[:-1]
    spans = _balanced(text, [m.span() for m in words])
    if not spans or len(spans) > _LONGEST_SUBJECT:
        return None
    return spans[0][0], spans[-1][1]


def _stops(text: str, word: re.Match[str], cues: PatternCues, dates: list[tuple[int, int]]) -> bool:
    if any(s <= word.start() < e for s, e in dates):
        return True
    return any(p.match(text, word.start()) for p in (*cues.phrase_stops, *cues.reporting_forms))


def _balanced(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Without a dangling parenthesis at either end ("... (ГУР" or ") ...")."""
    while words and text[slice(*words[-1])] == "(":
        words = words[:-1]
    while words and text[slice(*words[0])] == ")":
        words = words[1:]
    return words


def _headline_source(text: str, cues: PatternCues) -> _Found | None:
    """A trailing source in headline style: "Двоє загиблих у Харкові – ОВА"."""
    match = _HEADLINE_SOURCE.search(text)
    if match is None:
        return None
    source = match.group("source")
    if any(p.search(source) for p in cues.reporting_forms):
        return None
    return _Found((match.start() + 1, match.start("source")), match.span("source"))


def _leading_source(text: str, lexicon: Lexicon) -> _Found | None:
    """A leading source in headline style: "ГУР: росіяни готують нову хвилю мобілізації"."""
    match = leading_source(text, lexicon)
    return None if match is None else _Found(match.span("cue"), match.span("source"))
