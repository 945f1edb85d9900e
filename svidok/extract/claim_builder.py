"""One claim from one trigger in one read sentence: modality, stance, actors, date, counts, law."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from svidok.extract.actors import ActorMatch, find_actors
from svidok.extract.claimants import is_canonical, resolve_organ
from svidok.extract.confidence import ConfidenceSignals, claim_confidence
from svidok.extract.dates import DateMention
from svidok.extract.lexicon import Lexicon
from svidok.extract.modality import modality_of
from svidok.extract.numbers import CountMention, find_counts
from svidok.extract.reading import Attribution, SentenceReading
from svidok.extract.segment import Sentence
from svidok.extract.triggers import Trigger, atrocity_label
from svidok.knowledge import load_taxonomy
from svidok.records import (
    Actor,
    Claim,
    Document,
    EventDate,
    Modality,
    Place,
    Span,
    Stance,
)

# Types whose claims may state how many were killed, hurt or affected.
_COUNTED_TYPES = {
    "killing", "attack_on_civilians", "armed_clash", "military_losses", "detention",
    "forced_displacement", "torture", "persecution",
}


@dataclass(frozen=True)
class ClaimInputs:
    """Everything known about a sentence that its claims share."""

    document: Document
    sentence: Sentence
    reading: SentenceReading
    attribution: Attribution
    places: list[Place]
    event_dates: list[DateMention]
    claimed_on: tuple[date, Span] | None
    inherited_date: EventDate | None
    inherited: bool
    trigger_count: int
    author_names: set[str]

    def span(self, start: int, end: int) -> Span:
        """A span of the document from offsets within the sentence."""
        return Span(self.sentence.start + start, self.sentence.start + end, self.sentence.text[start:end])


def build_claim(inputs: ClaimInputs, trigger: Trigger, lexicon: Lexicon) -> Claim:
    sentence = inputs.sentence
    taxonomy = load_taxonomy()[trigger.type]
    own_places = [p for p in inputs.places if p.span and sentence.start <= p.span.start < sentence.end]
    specific = any(p.precision != "country" for p in own_places) or bool(inputs.event_dates)
    modality = modality_of(sentence.text, lexicon, specific=specific, trigger=(trigger.start, trigger.end))
    general = modality == "general"
    claimant, cue = claimant_of(inputs, lexicon)
    actors = _actors(inputs, claimant, lexicon)
    counts = {c.field: c for c in find_counts(sentence.text, lexicon)} if trigger.type in _COUNTED_TYPES else {}
    event_type, sub_event_type = taxonomy.acled_for(sentence.text, lexicon.language)
    return Claim(
        document_id=inputs.document.id,
        type=trigger.type,
        modality=modality,
        stance=_stance(trigger, sentence.text, lexicon),
        evidence=[inputs.span(0, len(sentence.text))],
        acled_event_type=event_type,
        acled_sub_event_type=sub_event_type,
        claimant=claimant,
        cue=cue,
        perpetrators=_of_role(actors, inputs, "armed_actor"),
        victims=_of_role(actors, inputs, "civilians"),
        places=[] if general else inputs.places,
        date=None if general else _event_date(inputs, modality, characterisation=trigger.type == "atrocity_label"),
        claimed_on=inputs.claimed_on[0] if inputs.claimed_on else None,
        claimed_on_span=inputs.claimed_on[1] if inputs.claimed_on else None,
        fatalities=counts["fatalities"].value if "fatalities" in counts else None,
        injured=counts["injured"].value if "injured" in counts else None,
        people_affected=counts["people_affected"].value if "people_affected" in counts else None,
        number_spans={name: inputs.span(c.start, c.end) for name, c in counts.items()},
        label=atrocity_label(trigger.text, lexicon) if trigger.type == "atrocity_label" else None,
        legal=list(taxonomy.legal),
        confidence=claim_confidence(confidence_signals(inputs, trigger, lexicon, claimant, counts)),
    )


def claimant_of(inputs: ClaimInputs, lexicon: Lexicon) -> tuple[Actor | None, Span | None]:
    """The claimant and cue of a claim resting on this sentence: the reader's attribution, with
    a speaker named only by its function ("- command", "says militia spokesman") resolved to
    the party the sentence names (`resolve_organ`)."""
    claimant, cue = inputs.attribution.claimant, inputs.attribution.cue
    if claimant is not None:
        claimant = resolve_organ(claimant, inputs.sentence.text, inputs.sentence.start)
    return claimant, cue


def confidence_signals(
    inputs: ClaimInputs, trigger: Trigger, lexicon: Lexicon, claimant: Actor | None, counts: dict[str, CountMention]
) -> ConfidenceSignals:
    return ConfidenceSignals(
        trigger_length=len(trigger.text),
        has_claimant=claimant is not None,
        has_place=bool(inputs.places),
        has_date_mention=bool(inputs.event_dates),
        triggers_in_sentence=inputs.trigger_count,
        inherited=inputs.inherited,
        model_probability=trigger.probability,
        by_model=trigger.by_model,
        claimant_canonical=claimant is not None and is_canonical(claimant),
        document_length=len(inputs.document.text),
        language=lexicon.language,
        states_casualties="fatalities" in counts or "injured" in counts,
    )


def _event_date(inputs: ClaimInputs, modality: Modality, *, characterisation: bool) -> EventDate | None:
    if inputs.event_dates:
        d = inputs.event_dates[0]
        return EventDate(d.first, d.last, d.precision, d.text, inputs.span(d.start, d.end))
    if inputs.inherited_date is not None:
        return inputs.inherited_date
    if modality == "ongoing" and inputs.claimed_on is not None:
        # An ongoing practice is dated by the day the claimant reported it.
        day, span = inputs.claimed_on
        return EventDate(day, day, "day", span.text, span)
    published = inputs.document.published
    if modality in {"occurred", "ongoing"} and published is not None and not characterisation:
        # No date in the text: a news report describes recent events, so the publication
        # date is the best estimate, but the text does not say which day: the precision is
        # `unknown` (ACLED's time precision 3 for events dated only by their report), and
        # `mention` stays null to show that the date was not read from the text.
        return EventDate(published, published, "unknown", None, None)
    return None


def _stance(trigger: Trigger, sentence: str, lexicon: Lexicon) -> Stance:
    if any(p.search(sentence) for p in lexicon.denial):
        return "denies"
    return "characterizes" if trigger.type == "atrocity_label" else "asserts"


def _actors(inputs: ClaimInputs, claimant: Actor | None, lexicon: Lexicon) -> list[ActorMatch]:
    claimant_span = claimant.span if claimant else None
    return [
        a
        for a in find_actors(inputs.sentence.text, lexicon.perpetrator_modifiers)
        if not _inside(inputs.sentence.start + a.start, claimant_span) and a.text.lower() not in inputs.author_names
    ]


def _inside(position: int, span: Span | None) -> bool:
    return span is not None and span.start <= position < span.end


def _of_role(actors: list[ActorMatch], inputs: ClaimInputs, role: str) -> list[Actor]:
    result: dict[str, Actor] = {}
    for match in actors:
        if match.entry.role != role or match.entry.name in result:
            continue
        # A victim group is named by its whole noun phrase ("Ukrainian citizens displaced ...").
        start, end = inputs.reading.noun_phrase(match.start, match.end) if role == "civilians" else (match.start, match.end)
        span = inputs.span(start, end)
        result[match.entry.name] = Actor(name=match.entry.name, mention=span.text, kind=match.entry.kind, span=span)
    return list(result.values())
