"""From one document to its claims: segment, trigger, read, attribute, place, date, count, qualify.

Each step is a function in its own module and the language-specific reading comes from
`extract.lang`; this module threads the results together and carries context from one
sentence to the next (a statement attributed to the GUR in one sentence and continued in
the next keeps its claimant, place and date).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from svidok.extract.acled_coding import code_short_report
from svidok.extract.claim_builder import ClaimInputs, build_claim
from svidok.extract.claim_types import type_sentences
from svidok.extract.claimants import is_canonical, names_a_speaker_at_all, resolve_anaphor, resolve_surname
from svidok.extract.dates import find_dates, in_dateline
from svidok.extract.lang import reader_for
from svidok.extract.lang.leading_source import HEADER_WORDS, publisher_header_source, statement_title_source
from svidok.extract.lexicon import Lexicon
from svidok.extract.places import names_a_new_place, only_locates, places_in_sentence
from svidok.extract.reading import Attribution
from svidok.extract.segment import Sentence, ends_as_a_sentence, split_sentences
from svidok.extract.targets import KILLING_TYPE, STRIKE_TYPE, names_a_deliberate_killing
from svidok.extract.triggers import Trigger
from svidok.records import Actor, Claim, Document, EventDate, Place, Span

# (text, publication date) -> resolved places with spans; the date tells which front line
# was in the news (2014-2022: Donetsk and Luhansk) when choosing among namesakes.
PlaceFinder = Callable[[str, date | None], list[Place]]

_QUOTES = "\"“”'‘’«»„"


@dataclass
class _Context:
    """What a sentence hands on to the next one."""

    index: int = -10
    paragraph: int = -1
    claimant: Actor | None = None
    cue: Span | None = None
    places: list[Place] = field(default_factory=list)
    date: EventDate | None = None
    claimed_on: tuple[date, Span] | None = None
    # Whether the sentence named its claimant itself; only such a claimant carries over.
    explicit: bool = False
    # Whether its claimant came from the statement's frame, whose sentences are separate events.
    framed: bool = False
    claims: list[Claim] = field(default_factory=list)


def extract_from_text(document: Document, lexicon: Lexicon, find_places: PlaceFinder) -> list[Claim]:
    sentences = split_sentences(document.text, lexicon.language)
    content = [s for s in sentences if not _is_byline(s, document, lexicon)]
    triggers = type_sentences(content, lexicon)
    # Reading (parsing) is the slow step: read only sentences with a trigger and the one
    # before each, from which a claimant may carry over.
    wanted = {s.index for s in content if triggers[s.index]}
    wanted |= {i - 1 for i in wanted}
    if wanted and content:
        wanted.add(content[0].index)  # it may be a statement's header, naming whose it is
    to_read = [s for s in content if s.index in wanted]
    readings = reader_for(lexicon.language).read(to_read, lexicon)
    places = find_places(document.text, document.published) if to_read else []
    author_names = {a.lower() for a in document.authors}

    claims: list[Claim] = []
    paragraph_of: dict[int, int] = {}  # id(claim) -> paragraph of the sentence it came from
    context = _Context()
    named: list[Actor] = []  # canonical claimants so far, for "the group" and "investigators"
    speakers: list[Actor] = []  # every claimant so far, for a speaker named again by surname
    frame: Attribution | None = None
    for sentence, reading in zip(to_read, readings):
        attribution = _inherit(_resolve(reading.attribution, named, speakers, lexicon), sentence, context)
        if attribution.claimant is not None:
            speakers.append(attribution.claimant)
            if is_canonical(attribution.claimant):
                named.append(attribution.claimant)
        if sentence is content[0]:
            frame = _statement_frame(attribution, sentence, triggers, lexicon)
        framed = frame is not None and attribution.claimant is None and not attribution.own_source
        if framed:
            attribution = frame
        # A statement's sentences are separate events: only a speaker carried from the sentence
        # before continues that sentence's claims.
        continues = not framed and not context.framed and _same_speaker(attribution.claimant, context.claimant)
        speaker = attribution.claimant.span if attribution.claimant else None
        sentence_places = places_in_sentence(sentence, places, speaker)
        elsewhere = names_a_new_place(sentence_places, context.places)
        follows = _goes_on_about_the_same_event(sentence, attribution.claimant is not None and not framed, context, lexicon)
        if (continues or follows) and only_locates(sentence_places, context.places):
            sentence_places = context.places
        dates = find_dates(sentence.text, document.published, lexicon)
        claim_dates = [d for d in dates if reading.is_claim_date(d.start, d.end)]
        claimed_on = (
            (claim_dates[0].first, _sentence_span(sentence, claim_dates[0].start, claim_dates[0].end))
            if claim_dates
            else (context.claimed_on if continues else None)
        )
        inputs = ClaimInputs(
            document=document,
            sentence=sentence,
            reading=reading,
            attribution=attribution,
            places=sentence_places,
            event_dates=[d for d in dates if d not in claim_dates and not in_dateline(d, sentence.text)],
            claimed_on=claimed_on,
            inherited_date=context.date if continues or follows else None,
            inherited=continues,
            trigger_count=len(triggers[sentence.index]),
            author_names=author_names,
        )
        sentence_claims = []
        for trigger in triggers[sentence.index]:
            claim = build_claim(inputs, trigger, lexicon)
            # The statement goes on about the same event; a sentence of another modality ("has
            # been shelled daily since 2022" after "a school was damaged") is another claim.
            # A new place ("Artillery also hit a school in Marhanets, Lysak said") is another event.
            continued = (
                next((c for c in context.claims if (c.type, c.modality) == (claim.type, claim.modality)), None)
                if (continues or follows) and not elsewhere
                else None
            )
            if continued is None and not elsewhere:
                continued = _strike_whose_toll_this_is(claim, sentence, context, lexicon)
            if continued is not None:
                # The same statement goes on: one claim, one more piece of evidence.
                _continue_claim(continued, claim)
                continue
            sentence_claims.append(claim)
        claims.extend(sentence_claims)
        paragraph_of.update({id(claim): sentence.paragraph for claim in sentence_claims})
        if attribution.claimant is not None or sentence_claims:
            context = _Context(
                index=sentence.index,
                paragraph=sentence.paragraph,
                claimant=attribution.claimant,
                cue=attribution.cue,
                places=sentence_places,
                date=next((c.date for c in sentence_claims if c.date and c.date.mention), None),
                claimed_on=claimed_on,
                explicit=attribution.own_source and attribution.claimant is not None,
                framed=framed,
                claims=sentence_claims + (context.claims if continues else []),
            )
    _resolve_cataphora(claims, named, lexicon)
    _place_from_paragraph(claims, paragraph_of, content, triggers, places)
    claims = _headline_told_again_below(claims, paragraph_of, content)
    code_short_report(claims, len(content))
    for number, claim in enumerate(claims, start=1):
        claim.id = f"{document.id[:16]}-{number:03d}"
    return claims


def _headline_told_again_below(claims: list[Claim], paragraph_of: dict[int, int], content: list[Sentence]) -> list[Claim]:
    """`claims` without those of a headline that the article's body tells again: a title line
    ("Two killed as Russian rockets hit Mykolaiv bus stop", "⚡️Оновлена інформація про наслідки
    нічної атаки на Львів") announces the event its paragraphs report, so each headline claim
    adds its evidence (and any count the body lacks) to the body's first claim of its type, as
    one claim, not two."""
    titles = _title_paragraphs(content)
    if not titles:
        return claims
    body = [c for c in claims if paragraph_of[id(c)] not in titles]
    told_again: set[int] = set()
    for claim in claims:
        if paragraph_of[id(claim)] in titles:
            first_in_body = next((c for c in body if c.type == claim.type), None)
            if first_in_body is not None:
                _continue_claim(first_in_body, claim)
                told_again.add(id(claim))
    return [c for c in claims if id(c) not in told_again]


def _title_paragraphs(content: list[Sentence]) -> set[int]:
    """The paragraphs of the lines that open a document as titles (a line of its own that does
    not end as a sentence), where a body of sentences follows them."""
    sentences_in = Counter(s.paragraph for s in content)
    titles: set[int] = set()
    for sentence in content:
        if sentences_in[sentence.paragraph] > 1 or ends_as_a_sentence(sentence.text):
            return titles
        titles.add(sentence.paragraph)
    return set()  # only title lines: nothing below tells their events again


def _place_from_paragraph(
    claims: list[Claim],
    paragraph_of: dict[int, int],
    content: list[Sentence],
    triggers: dict[int, list[Trigger]],
    places: list[Place],
) -> None:
    """A claim whose sentence names no place takes those named in the same paragraph by
    sentences that report nothing themselves: a digest "Three soldiers killed; Dmitrovka",
    or a dateline. A sentence with its own event keeps its places to itself."""
    unclaimed: dict[int, list[Place]] = {}
    for sentence in content:
        if not triggers.get(sentence.index):
            unclaimed.setdefault(sentence.paragraph, []).extend(places_in_sentence(sentence, places))
    for claim in claims:
        if not claim.places and claim.modality != "general":
            claim.places = list(dict.fromkeys(unclaimed.get(paragraph_of[id(claim)], [])))


def _resolve_cataphora(claims: list[Claim], named: list[Actor], lexicon: Lexicon) -> None:
    """A headline's "..., prosecutors say" names the office the article names in full below it."""
    for claim in claims:
        if claim.claimant is not None and not is_canonical(claim.claimant):
            claim.claimant = resolve_anaphor(claim.claimant, named[::-1], lexicon)


# How far after a strike a sentence may tell its toll: the next sentence, or the one after it.
TOLL_DISTANCE = 2


def _strike_whose_toll_this_is(claim: Claim, sentence: Sentence, context: _Context, lexicon: Lexicon) -> Claim | None:
    """The strike of the sentence just before whose toll `claim` tells: a killing in words of
    death only ("Seven civilians were killed.", "Відомо про 7 загиблих"), from no other speaker
    (extract/targets.py); None for any other claim."""
    if claim.type != KILLING_TYPE or names_a_deliberate_killing(sentence.text, lexicon.targets):
        return None
    if not 0 < sentence.index - context.index <= TOLL_DISTANCE:
        return None
    strike = next((c for c in reversed(context.claims) if c.type == STRIKE_TYPE), None)
    if strike is None or (claim.claimant is not None and not _same_speaker(claim.claimant, strike.claimant)):
        return None
    return strike


def _continue_claim(claim: Claim, continuation: Claim) -> None:
    """Add a continuing sentence's evidence to `claim`, and the details the first sentence
    lacked: a headline says "on Friday" only in the body below it."""
    claim.evidence.extend(continuation.evidence)
    if (claim.date is None or claim.date.mention is None) and continuation.date and continuation.date.mention:
        claim.date = continuation.date
    if not claim.places:
        claim.places = continuation.places
    if claim.claimed_on is None and continuation.claimed_on is not None:
        claim.claimed_on, claim.claimed_on_span = continuation.claimed_on, continuation.claimed_on_span
    for name, span in continuation.number_spans.items():
        if getattr(claim, name) is None:
            setattr(claim, name, getattr(continuation, name))
            claim.number_spans[name] = span


def _same_speaker(a: Actor | None, b: Actor | None) -> bool:
    # "Ukraine's Defence Intelligence (GUR)" and "the GUR" are one speaker in two mentions.
    return a is not None and b is not None and a.name == b.name


def _resolve(attribution: Attribution, named: list[Actor], speakers: list[Actor], lexicon: Lexicon) -> Attribution:
    if attribution.claimant is None:
        return attribution
    claimant = resolve_surname(resolve_anaphor(attribution.claimant, named, lexicon), speakers)
    if not names_a_speaker_at_all(claimant, lexicon):
        return Attribution(None, attribution.cue, own_source=False)
    return Attribution(claimant, attribution.cue, attribution.own_source)


def _sentence_span(sentence: Sentence, start: int, end: int) -> Span:
    return Span(sentence.start + start, sentence.start + end, sentence.text[start:end])


def _is_byline(sentence: Sentence, document: Document, lexicon: Lexicon) -> bool:
    if any(p.search(sentence.text) for p in lexicon.byline):
        return True
    lowered = sentence.text.lower()
    return bool(document.authors) and all(a.lower() in lowered for a in document.authors) and len(sentence.text) < 120


def _goes_on_about_the_same_event(sentence: Sentence, names_its_source: bool, context: _Context, lexicon: Lexicon) -> bool:
    """Whether `sentence`, naming no source of its own, opens by referring back to the event
    of the sentence before it in the same paragraph ("On 12 March a glide bomb hit Borova.
    Then a woman of 75 was killed."): it is dated and placed as that event was, where it
    names neither, and a claim of the same type there is that event's, told on. Without such an
    opener the next sentence may be another event, and is not. A statement's own source (its
    frame) is no source the sentence names."""
    return (
        not names_its_source
        and context.index == sentence.index - 1
        and context.paragraph == sentence.paragraph
        and any(p.search(sentence.text) for p in lexicon.same_event)
    )


def _statement_frame(
    attribution: Attribution, sentence: Sentence, triggers: dict[int, list[Trigger]], lexicon: Lexicon
) -> Attribution | None:
    """The source whose statement the whole document is, where its first sentence only says
    whose statement follows: a short sentence with a source and no event ("Министерство
    обороны Российской Федерации сообщает.", "The General Staff reports:"), or a statement's
    title naming a body ("Сводка Министерства обороны о ходе операции"), or a header line
    naming the body that publishes the document ("Генеральний штаб ЗСУ | Оперативна
    інформація"). Every later sentence naming no source is then that source's, as a press
    release or a channel's is."""
    if triggers.get(sentence.index):
        return None
    if attribution.own_source and attribution.claimant is not None and len(sentence.text.split()) <= HEADER_WORDS:
        return Attribution(attribution.claimant, attribution.cue, own_source=False)
    return statement_title_source(sentence, lexicon) or publisher_header_source(sentence, lexicon)


def _inherit(attribution: Attribution, sentence: Sentence, context: _Context) -> Attribution:
    """A sentence that names no source of its own continues the previous sentence's statement."""
    if attribution.own_source or context.claimant is None or not context.explicit:
        return attribution
    adjacent = context.index == sentence.index - 1
    quoted_continuation = sentence.text[:1] in _QUOTES and context.index >= sentence.index - 2
    if not (adjacent or quoted_continuation):
        return attribution
    return Attribution(context.claimant, attribution.cue or context.cue, own_source=False)


__all__ = ["PlaceFinder", "extract_from_text"]
