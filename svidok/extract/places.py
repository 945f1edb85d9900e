"""Which of a document's resolved places belong to a claim in a given sentence."""
from __future__ import annotations

import re

from svidok.extract.actors import find_actors
from svidok.extract.segment import Sentence
from svidok.records import Place, Span

# "LPR officials" names an actor; "in the LPR" names a territory.
# "in the LPR and the DPR", "у ЛНР та «ДНР»": a coordinated acronym shares the preposition.
_TERRITORY_BEFORE_ACRONYM = re.compile(
    r"\b(in|into|from|across|throughout|inside|to|у|в|во|на|із|з|из)\s+(the\s+)?"
    r"(?:(?:так\w* зван\w*|так называем\w*|so-called)\s+)?"
    r"(?:[«\"„]?\w+[»\"“]?\s+(?:and|та|і|й|и)\s+(?:the\s+)?)?[«\"„]?$",
    re.IGNORECASE,
)


def places_in_sentence(sentence: Sentence, places: list[Place], speaker: Span | None = None) -> list[Place]:
    """The places named in `sentence`, a settlement standing for the region that contains it.

    A toponym inside the name of a source ("Defence Intelligence of Ukraine", "Human Rights
    Watch" misread as Uman) or inside the words naming the speaker ("Надія Добрянська" read
    as two villages) names no place of the event.
    """
    named_here = [p for p in places if p.span is not None and sentence.start <= p.span.start < sentence.end]
    if not named_here:  # most sentences: no need to look for the names of sources
        return []
    source_names = [
        (sentence.start + a.start, sentence.start + a.end)
        for a in find_actors(sentence.text)
        if a.entry.role == "source"
    ]
    if speaker is not None:
        source_names.append((speaker.start, speaker.end))
    inside = [
        p
        for p in named_here
        if _is_territory(p, sentence) and not any(s <= p.span.start and p.span.end <= e for s, e in source_names)
    ]
    settlement_regions = {p.admin1 for p in inside if p.precision in {"settlement", "district"}}
    specific = [p for p in inside if p.precision != "country"] or inside
    # "Sorokine in the Luhansk Oblast": the settlement is the place; the region only locates it.
    kept = [p for p in specific if not (p.precision == "region" and p.name in settlement_regions)]
    unique: dict[tuple[int | None, str], Place] = {}
    for place in kept:
        unique.setdefault((place.geonameid, place.name), place)
    return list(unique.values())


def only_locates(own: list[Place], previous: list[Place]) -> bool:
    """Whether a continuing sentence's places add nothing to the previous sentence's:
    none at all, or only the country or the regions that contain places already named."""
    containing = {p.admin1 for p in previous}
    return all(p.precision == "country" or (p.precision == "region" and p.name in containing) for p in own)


def names_a_new_place(own: list[Place], previous: list[Place]) -> bool:
    """Whether a continuing sentence names a place the previous sentence did not, other than
    the country or a region containing its places: then it reports another event."""
    named = {p.name for p in previous}
    return not only_locates([p for p in own if p.name not in named], previous)


def _is_territory(place: Place, sentence: Sentence) -> bool:
    if place.span is None or not place.mention.isupper():
        return True
    before = sentence.text[: place.span.start - sentence.start]
    return bool(_TERRITORY_BEFORE_ACRONYM.search(before))
