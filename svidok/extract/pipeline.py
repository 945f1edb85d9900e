"""From one document to its claims: segment, trigger, parse, attribute, place, date, count, qualify.

Each step is a function in its own module; this one only threads the results together
and carries context from one sentence to the next (a statement attributed to the GUR
in one sentence and continued in the next keeps its claimant, place and date).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from svidok.extract.actors import ActorMatch, find_actors
from svidok.extract.attribution import Attribution, attribute
from svidok.extract.confidence import ConfidenceSignals, claim_confidence
from svidok.extract.dates import DateMention, find_dates
from svidok.extract.lexicon import Lexicon
from svidok.extract.modality import modality_of
from svidok.extract.numbers import find_counts
from svidok.extract.parse import parse_sentences
from svidok.extract.segment import Sentence, split_sentences
from svidok.extract.triggers import Trigger, atrocity_label, find_triggers
from svidok.knowledge import load_taxonomy
from svidok.records import Actor, Claim, Document, EventDate, Place, Span, Stance

PlaceFinder = Callable[[str], list[Place]]

_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_QUOTES = "\"“”'‘’«»"


@dataclass
class _Context:
    """What a sentence hands on to the next one."""

    index: int = -10
    claimant: Actor | None = None
    cue: Span | None = None
    places: list[Place] = field(default_factory=list)
    date: EventDate | None = None
    claimed_on: tuple[date, Span] | None = None
    # Whether the sentence named its claimant itself; only such a claimant carries over.
    explicit: bool = False
    claims: list[Claim] = field(default_factory=list)


def extract_from_text(document: Document, lexicon: Lexicon, find_places: PlaceFinder) -> list[Claim]:
    text = document.text
    sentences = split_sentences(text)
    content = [s for s in sentences if not _is_byline(s, document, lexicon)]
    triggers = {s.index: find_triggers(s.text, lexicon) for s in content}
    # Parsing is the slow step: parse only sentences with a trigger and the one before
    # each (from which a claimant may carry over).
    wanted = {s.index for s in content if triggers[s.index]}
    wanted |= {i - 1 for i in wanted}
    to_parse = [s for s in content if s.index in wanted]
    parses = dict(zip((s.index for s in to_parse), parse_sentences(s.text for s in to_parse)))
    places = find_places(text)
    author_names = [a.lower() for a in document.authors]

    claims: list[Claim] = []
    context = _Context()
    for sentence in to_parse:
        parsed = parses[sentence.index]
        attribution = _inherit(attribute(parsed, sentence.start, lexicon), sentence, context)
        sentence_places = _places_in(sentence, places)
        dates = find_dates(sentence.text, document.published, lexicon)
        claimed_on = _claim_date(dates, attribution, parsed, sentence) or (
            context.claimed_on if attribution.claimant is not None and attribution.claimant == context.claimant else None
        )
        event_dates = [d for d in dates if claimed_on is None or d.start != claimed_on[1].start - sentence.start]
        continues = attribution.claimant is not None and attribution.claimant == context.claimant
        if continues and _only_locates(sentence_places, context.places):
            sentence_places = context.places
        sentence_claims = []
        for trigger in triggers[sentence.index]:
            continued = _continued_claim(context, trigger.type) if continues else None
            if continued is not None:
                # The same statement goes on: one claim, one more piece of evidence.
                continued.evidence.append(Span(sentence.start, sentence.end, sentence.text))
                continue
            sentence_claims.append(
                _build_claim(
                    document, sentence, parsed, trigger, attribution, sentence_places, event_dates, claimed_on,
                    context if continues else None, lexicon, len(triggers[sentence.index]), author_names,
                )
            )
        claims.extend(sentence_claims)
        if attribution.claimant is not None or sentence_claims:
            context = _Context(
                index=sentence.index,
                claimant=attribution.claimant,
                cue=attribution.cue,
                places=sentence_places,
                date=next((c.date for c in sentence_claims if c.date and c.date.mention), None),
                claimed_on=claimed_on,
                explicit=attribution.own_source and attribution.claimant is not None,
                claims=sentence_claims + (context.claims if continues else []),
            )
    for number, claim in enumerate(claims, start=1):
        claim.id = f"{document.id[:16]}-{number:03d}"
    return claims


def _continued_claim(context: _Context, claim_type: str) -> Claim | None:
    return next((c for c in context.claims if c.type == claim_type), None)


def _is_byline(sentence: Sentence, document: Document, lexicon: Lexicon) -> bool:
    if any(p.search(sentence.text) for p in lexicon.byline):
        return True
    lowered = sentence.text.lower()
    return bool(document.authors) and all(a.lower() in lowered for a in document.authors) and len(sentence.text) < 120


def _inherit(attribution: Attribution, sentence: Sentence, context: _Context) -> Attribution:
    """A sentence that names no source of its own continues the previous sentence's statement."""
    if attribution.own_source or context.claimant is None or not context.explicit:
        return attribution
    adjacent = context.index == sentence.index - 1
    quoted_continuation = sentence.text[:1] in _QUOTES and context.index >= sentence.index - 2
    if not (adjacent or quoted_continuation):
        return attribution
    return Attribution(context.claimant, attribution.cue or context.cue, own_source=False, cue_token=attribution.cue_token)


def _only_locates(own: list[Place], previous: list[Place]) -> bool:
    """Whether a continuing sentence's places add nothing to the previous sentence's:
    none at all, or only the regions that contain the places already named."""
    containing = {p.admin1 for p in previous}
    return all(p.precision in {"region", "country"} and (p.name in containing or p.precision == "country") for p in own)


# "LPR officials" names an actor; "in the LPR" names a territory.
_ACTOR_ACRONYM_AS_PLACE = re.compile(r"\b(in|into|from|across|throughout|inside|to)\s+(the\s+)?$", re.IGNORECASE)


def _is_territory(place: Place, sentence: Sentence) -> bool:
    if place.span is None or not place.mention.isupper():
        return True
    before = sentence.text[: place.span.start - sentence.start]
    return bool(_ACTOR_ACRONYM_AS_PLACE.search(before))


def _places_in(sentence: Sentence, places: list[Place]) -> list[Place]:
    inside = [
        p
        for p in places
        if p.span is not None and sentence.start <= p.span.start < sentence.end and _is_territory(p, sentence)
    ]
    settlements_admin1 = {p.admin1 for p in inside if p.precision in {"settlement", "district"}}
    specific = [p for p in inside if p.precision != "country"] or inside
    # A settlement in a region also named ("Sorokine in the Luhansk Oblast") is the place;
    # the region only locates it.
    kept = [p for p in specific if not (p.precision == "region" and p.name in settlements_admin1)]
    unique: dict[tuple, Place] = {}
    for place in kept:
        unique.setdefault((place.geonameid, place.name), place)
    return list(unique.values())


def _claim_date(
    dates: list[DateMention], attribution: Attribution, parsed: Doc, sentence: Sentence
) -> tuple[date, Span] | None:
    """The date on which the claimant made the claim: a date expression governed by the cue verb."""
    if attribution.cue_token is None or attribution.claimant is None:
        return None
    cue = parsed[attribution.cue_token]
    for mention in dates:
        tokens = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if tokens is None:
            continue
        head = tokens.root
        governed = head.head.i == cue.i or (head.head.dep_ == "prep" and head.head.head.i == cue.i)
        if governed:
            span = Span(sentence.start + mention.start, sentence.start + mention.end, mention.text)
            return mention.first, span
    return None


def _build_claim(
    document: Document,
    sentence: Sentence,
    parsed: Doc,
    trigger: Trigger,
    attribution: Attribution,
    places: list[Place],
    event_dates: list[DateMention],
    claimed_on: tuple[date, Span] | None,
    previous: _Context | None,
    lexicon: Lexicon,
    trigger_count: int,
    author_names: list[str],
) -> Claim:
    taxonomy = load_taxonomy()[trigger.type]
    own_places = [p for p in places if p.span and sentence.start <= p.span.start < sentence.end]
    specific_places = [p for p in own_places if p.precision != "country"]
    modality = modality_of(sentence.text, lexicon, specific=bool(specific_places or event_dates))
    event_date = _event_date(
        event_dates, sentence, modality, claimed_on, previous, document.published,
        characterisation=trigger.type == "atrocity_label",
    )
    claimant_span = attribution.claimant.span if attribution.claimant else None
    actors = [
        a
        for a in find_actors(sentence.text, lexicon.perpetrator_modifiers)
        if not _inside(sentence.start + a.start, claimant_span) and a.text.lower() not in author_names
    ]
    event_type, sub_event_type = taxonomy.acled_for(sentence.text)
    counts = {c.field: c for c in find_counts(sentence.text)} if trigger.type in _COUNTED_TYPES else {}
    is_general = modality == "general"
    return Claim(
        document_id=document.id,
        type=trigger.type,
        modality=modality,
        stance=_stance(trigger, sentence.text, lexicon),
        evidence=[Span(sentence.start, sentence.end, sentence.text)],
        acled_event_type=event_type,
        acled_sub_event_type=sub_event_type,
        claimant=attribution.claimant,
        cue=attribution.cue,
        perpetrators=_actors_of_role(actors, sentence, parsed, role="armed_actor"),
        victims=_actors_of_role(actors, sentence, parsed, role="civilians"),
        places=[] if is_general else places,
        date=None if is_general else event_date,
        claimed_on=claimed_on[0] if claimed_on else None,
        claimed_on_span=claimed_on[1] if claimed_on else None,
        fatalities=counts["fatalities"].value if "fatalities" in counts else None,
        injured=counts["injured"].value if "injured" in counts else None,
        people_affected=counts["people_affected"].value if "people_affected" in counts else None,
        number_spans={
            name: Span(sentence.start + c.start, sentence.start + c.end, sentence.text[c.start : c.end])
            for name, c in counts.items()
        },
        label=atrocity_label(trigger.text, lexicon) if trigger.type == "atrocity_label" else None,
        legal=list(taxonomy.legal),
        confidence=claim_confidence(
            ConfidenceSignals(
                trigger_length=len(trigger.text),
                has_claimant=attribution.claimant is not None,
                has_place=bool(places),
                has_date_mention=bool(event_dates),
                triggers_in_sentence=trigger_count,
                inherited=previous is not None,
            )
        ),
    )


_COUNTED_TYPES = {"killing", "attack_on_civilians", "armed_clash", "military_losses", "detention", "forced_displacement", "torture", "persecution"}


def _event_date(
    event_dates: list[DateMention],
    sentence: Sentence,
    modality: str,
    claimed_on: tuple[date, Span] | None,
    previous: _Context | None,
    published: date | None,
    characterisation: bool,
) -> EventDate | None:
    if event_dates:
        d = event_dates[0]
        span = Span(sentence.start + d.start, sentence.start + d.end, d.text)
        return EventDate(d.first, d.last, d.precision, d.text, span)
    if previous is not None and previous.date is not None:
        return previous.date
    if modality == "ongoing" and claimed_on is not None:
        # An ongoing practice is dated by the day the claimant reported it.
        return EventDate(claimed_on[0], claimed_on[0], "day", claimed_on[1].text, claimed_on[1])
    if modality in {"occurred", "ongoing"} and published is not None and not characterisation:
        # No date in the text: a news report describes recent events, so the publication
        # date is the best estimate. `mention` stays null to show it was not read from the text.
        return EventDate(published, published, "day", None, None)
    return None


def _stance(trigger: Trigger, sentence: str, lexicon: Lexicon) -> Stance:
    if any(p.search(sentence) for p in lexicon.denial):
        return "denies"
    return "characterizes" if trigger.type == "atrocity_label" else "asserts"


def _inside(position: int, span: Span | None) -> bool:
    return span is not None and span.start <= position < span.end


def _actors_of_role(actors: list[ActorMatch], sentence: Sentence, parsed: Doc, *, role: str) -> list[Actor]:
    result: dict[str, Actor] = {}
    for match in actors:
        if match.entry.role != role or match.entry.name in result:
            continue
        local_start, mention = _noun_phrase(parsed, match) if role == "civilians" else (match.start, match.text)
        start = sentence.start + local_start
        result[match.entry.name] = Actor(
            name=match.entry.name,
            mention=mention,
            kind=match.entry.kind,
            span=Span(start, start + len(mention), mention),
        )
    return list(result.values())


def _noun_phrase(parsed: Doc, match: ActorMatch) -> tuple[int, str]:
    """(offset in the sentence, text) of the noun phrase around a victim word."""
    tokens = parsed.char_span(match.start, match.end, alignment_mode="expand")
    if tokens is None:
        return match.start, match.text
    head = tokens.root
    if head.tag_ in _NOUN_TAGS:
        subtree = parsed[head.left_edge.i : head.right_edge.i + 1]
        if len(subtree) <= 12:
            return subtree.start_char, subtree.text
        chunk = next((c for c in parsed.noun_chunks if c.start <= head.i < c.end), None)
        if chunk is not None:
            return chunk.start_char, chunk.text
    return match.start, match.text
