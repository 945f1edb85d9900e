"""Who makes a claim in an English sentence, read from its dependency parse.

Finds the claimant, the reporting cue that ties them to the claim, and hedges. Sources are found, in order of reliability, as the
object of a source preposition ("according to the GUR"), a headline's own source ("...,
prosecutors say", "..., says people’s militia", "HRW: ..." where it opens a line (read by
`lang/leading_source.py` for every language), "DPR reports ...", "...:Kiev military", "... -
police"), or the subject or agent of a reporting verb ("the GUR claimed",
"was reported by HRW"). A trailing headline source must name someone who can speak: a place
after the dash ("... - Slavyansk") is none. An unattributed allegation ("have been alleged")
has a cue but no claimant, and stops the claimant of the previous sentence from carrying
over; so does a reporting verb that hedges a casualty ("soldier reported killed"), whose
subject is the victim, not a source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from svidok.extract.claimants import claimant_from_mention, names_a_speaker, speaks_for_itself
from svidok.extract.lang.en_parse import lemma_of, tokenize, verb_forms
from svidok.extract.lang.leading_source import leading_source
from svidok.extract.lexicon import Lexicon, first_match
from svidok.extract.triggers import names_an_event
from svidok.extract.reading import Attribution
from svidok.records import Span

_SOURCE_NOUNS = {"report", "reports", "statement", "statements", "data", "figures", "information", "sources"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "this", "that", "who", "you"}
# Headline frames around a statement: "..., prosecutors say" and "HRW: ...".
_TRAILING_SAYS = re.compile(
    r",\s+(?P<source>[^,;:\"“”]{2,60}?)\s+(?P<cue>says|said|say|claims|claim|reports|report|alleges|allege|warns|warn)\s*[.!]?\s*$"
)
# Inverted, as headlines write it: "Three civilians killed, says people’s militia".
_TRAILING_VERB_SOURCE = re.compile(
    r",\s+(?P<cue>says|said|reports|reported|claims|claimed)\s+(?P<source>[A-Za-z][\w'’ .-]{1,60}?)\s*[.]?\s*$"
)
# A headline that opens with its source and a reporting verb: "DPR reports militiaman killed".
_LEADING_SPEAKER = re.compile(r"^(?P<source>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,3}?)\s+(?P<cue>says|reports|claims|alleges|confirms)\s+\S")
# A headline's trailing source after a dash or a colon, with or without a space before it
# ("...: Kiev military", "...:Kiev military"); a hyphen counts only with a space on one side
# ("week- DPR"), so "self-proclaimed" is no source.
_HEADLINE_SOURCE = re.compile(r"(?:\s[-–—]|[–—:]|-\s)\s*(?P<source>[A-Za-z][\w'’ .-]{0,59}[\w'’])\s*$")
_LONGEST_HEADLINE_SOURCE = 6  # words; "... - artillery - in a field north of X" is no source
# After a reporting verb, casualties make the verb a hedge ("Ukrainian soldier reported
# killed", "Aftermath of strike, reported 18 casualties"): its subject is no source.
_HEDGED_CASUALTY = re.compile(
    r"^\s*(?:to have been |to be )?(?:(?:at least |over |more than |some )?[\d,]+\s+)?"
    r"(?:killed|dead|deaths?|wounded|injured|casualties|missing|captured|detained|abducted)\b",
    re.IGNORECASE,
)
# What `attribute` finds in a sentence without any of these cues.
NO_ATTRIBUTION = Attribution(None, None, own_source=False)


@dataclass(frozen=True)
class ParsedAttribution:
    attribution: Attribution
    # Token index of the cue verb in the parsed sentence, to tell claim dates from event dates.
    cue_token: int | None = None


def attribute(parsed: Doc, offset: int, lexicon: Lexicon, *, opens_line: bool = True) -> ParsedAttribution:
    """The attribution of one sentence; `offset` maps sentence offsets to document offsets.
    A source leads the sentence before a colon ("HRW: ...") only where it `opens_line`, a line
    or a headline (read alone, a sentence is a one-line report)."""
    # `Doc.text` joins every token anew on each access: read it once per sentence.
    text = parsed.text
    hedge = first_match(lexicon.unattributed, text)
    cited = _source_preposition(parsed, text, lexicon)
    found = (
        (_cited_by_its_speaker(parsed, cited, offset, lexicon) if cited else None)
        or cited
        or _headline_frame(parsed, text, lexicon, opens_line=opens_line)
        or _headline_source(parsed, text, lexicon)
        or _reporting_verb(parsed, lexicon)
    )
    if found is not None:
        source, cue = found
        if source is not None:
            claimant = claimant_from_mention(source.text, offset + source.start_char, lexicon)
            return ParsedAttribution(Attribution(claimant, _span_of(cue, offset), own_source=True), cue.root.i)
        # A reporting verb whose subject is a pronoun: the speaker is the previous sentence's.
        # A hedge names no one, and no one carries over.
        own = hedge is not None or _unnamed_subject(parsed[cue.root.i]) or _hedges_a_casualty(cue)
        return ParsedAttribution(Attribution(None, _span_of(cue, offset), own_source=own), cue.root.i)
    if hedge is not None:
        cue = Span(offset + hedge.start(), offset + hedge.end(), hedge.group(0))
        return ParsedAttribution(Attribution(None, cue, own_source=True))
    return ParsedAttribution(NO_ATTRIBUTION)


def may_attribute(text: str, lexicon: Lexicon) -> bool:
    """Whether `attribute` may find anything in the sentence `text`; where not, it would
    return NO_ATTRIBUTION, and the sentence need not be parsed to learn so.

    Every route of `attribute` starts from one of these cues: a hedge or source preposition
    from the lexicon, a headline frame, or a word that can be a reporting verb.
    """
    if first_match(lexicon.unattributed, text) or first_match(lexicon.source_prepositions, text):
        return True
    if _headline_frame_match(text, lexicon) or _headline_source_match(text, lexicon):
        return True
    # Most sentences hold no such word even inside another ("recall"): those are not tokenised.
    if _verb_form_anywhere(lexicon.reporting_verbs).search(text.lower()) is None:
        return False
    forms = verb_forms(lexicon.reporting_verbs)
    return any(token.lower_ in forms for token in tokenize(text))


@lru_cache(maxsize=8)
def _verb_form_anywhere(lemmas: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(form) for form in sorted(verb_forms(lemmas))))


def _cited_by_its_speaker(
    parsed: Doc, cited: tuple[TokenSpan, TokenSpan], offset: int, lexicon: Lexicon
) -> tuple[TokenSpan, TokenSpan] | None:
    """The reporting verb's named subject where it cites its own sources (`cited`: "the group
    said, citing survivors"; see `speaks_for_itself`), else None."""
    speaking = _reporting_verb(parsed, lexicon)
    if speaking is None or speaking[0] is None:
        return None
    speaker = claimant_from_mention(speaking[0].text, offset + speaking[0].start_char, lexicon)
    return speaking if speaks_for_itself(cited[1].text, speaker, lexicon) else None


def _source_preposition(parsed: Doc, text: str, lexicon: Lexicon) -> tuple[TokenSpan, TokenSpan] | None:
    match = first_match(lexicon.source_prepositions, text)
    if match is None:
        return None
    cue = parsed.char_span(match.start(), match.end(), alignment_mode="expand")
    # The source is the noun phrase right after the preposition, up to the clause boundary.
    following = [t for t in parsed[cue.end :]]
    end = cue.end
    for token in following:
        if token.text in {",", ";", ".", ":", "—", "–"} or (token.dep_ in {"relcl"} and token.pos_ == "VERB"):
            break
        if token.pos_ in {"VERB", "AUX"} and token.tag_ not in {"VBN", "VBG"}:
            break
        end = token.i + 1
    if end == cue.end:
        return None
    return parsed[cue.end : end], cue


def _reporting_verb(parsed: Doc, lexicon: Lexicon) -> tuple[TokenSpan | None, TokenSpan] | None:
    """(source, cue) for the most prominent reporting verb; source None where it is unnamed."""
    candidates = [t for t in parsed if t.pos_ in {"VERB", "AUX"} and lemma_of(t).lower() in lexicon.reporting_verbs]
    # Prefer verbs with a named (non-pronoun) subject, then the one closest to the root.
    ranked = sorted(candidates, key=lambda t: (_named_source(t) is None, _depth(t)))
    for verb in ranked:
        cue = parsed[verb.i : verb.i + 1]
        if _hedges_a_casualty(cue):
            return None, _with_auxiliaries(verb)
        source = _named_source(verb)
        if source is not None:
            return source, cue
        if _passive_without_agent(verb) or _pronoun_subject(verb) or _unnamed_subject(verb):
            return None, _with_auxiliaries(verb)
    return None


def _hedges_a_casualty(cue: TokenSpan) -> bool:
    return bool(_HEDGED_CASUALTY.match(cue.doc.text[cue.end_char :]))


def _named_source(verb: Token) -> TokenSpan | None:
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lower_ not in _PRONOUNS:
            return _source_phrase(child)
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _source_phrase(objects[0])
    return None


def _unnamed_subject(verb: Token) -> bool:
    """"Other reports indicated ...": a reporting verb whose subject names no one."""
    return any(c.dep_ == "nsubj" and c.lower_ not in _PRONOUNS and _source_phrase(c) is None for c in verb.children)


def _source_phrase(head: Token) -> TokenSpan | None:
    """The phrase naming the source headed by `head`; None for a bare "reports" or "sources"."""
    if head.lower_ in _SOURCE_NOUNS or lemma_of(head).lower() in _SOURCE_NOUNS:
        # "Earlier reports by the GUR" names the GUR, not the reports.
        objects = [
            obj
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in {"by", "from", "of"}
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        if not objects:
            return None
        head = objects[0]
    return head.doc[head.left_edge.i : head.right_edge.i + 1]


def _passive_without_agent(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children
    )


def _pronoun_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in _PRONOUNS for c in verb.children)


def _with_auxiliaries(verb: Token) -> TokenSpan:
    auxiliaries = [c.i for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    return verb.doc[min(auxiliaries, default=verb.i) : verb.i + 1]


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _headline_frame(parsed: Doc, text: str, lexicon: Lexicon, *, opens_line: bool) -> tuple[TokenSpan, TokenSpan] | None:
    """The source of a headline-style statement, named before a colon or a reporting verb, or
    after a final comma."""
    match = _headline_frame_match(text, lexicon, opens_line=opens_line)
    if match is None:
        return None
    source = parsed.char_span(match.start("source"), match.end("source"), alignment_mode="expand")
    cue = parsed.char_span(match.start("cue"), match.end("cue"), alignment_mode="expand")
    if source is None or cue is None:
        return None
    return source, cue


def _headline_frame_match(text: str, lexicon: Lexicon, *, opens_line: bool = True) -> re.Match[str] | None:
    return (
        _TRAILING_SAYS.search(text)
        or _TRAILING_VERB_SOURCE.search(text)
        or (leading_source(text, lexicon) if opens_line else None)
        or _leading_speaker(text, lexicon)
    )


def _leading_speaker(text: str, lexicon: Lexicon) -> re.Match[str] | None:
    match = _LEADING_SPEAKER.match(text)
    # Only a body svidok knows: "Ukraine says" speaks, "Shelling reports" does not parse so.
    return match if match is not None and names_a_speaker(match.group("source"), lexicon, known_only=True) else None


def _headline_source(parsed: Doc, text: str, lexicon: Lexicon) -> tuple[TokenSpan, TokenSpan] | None:
    """A trailing source in headline style: "Two killed in shelling of Avdiivka - police"."""
    match = _headline_source_match(text, lexicon)
    if match is None:
        return None
    source = parsed.char_span(match.start("source"), match.end("source"), alignment_mode="contract")
    marker = parsed.char_span(match.start(), match.start("source"), alignment_mode="expand")
    if source is None or marker is None or any(t.pos_ == "VERB" for t in source):
        return None
    return source, marker


def _headline_source_match(text: str, lexicon: Lexicon) -> re.Match[str] | None:
    match = _HEADLINE_SOURCE.search(text)
    if match is None or len(match.group("source").split()) > _LONGEST_HEADLINE_SOURCE:
        return None
    source = match.group("source")
    return match if names_a_speaker(source, lexicon) and not names_an_event(source, lexicon) else None


def _span_of(tokens: TokenSpan, offset: int) -> Span:
    return Span(offset + tokens.start_char, offset + tokens.end_char, tokens.text)
