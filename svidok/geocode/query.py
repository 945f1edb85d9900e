"""Geocode a short place query ("Shebekino, Belgorod region", "Izium (Kharkiv region)").

The query is split at commas and brackets into a settlement part and region parts; region
parts, and the regions named in the optional context text, steer the choice among namesakes
(a region in the query excludes namesakes outside it). A settlement that
is not in the gazetteer falls back to a close spelling, then to the named region alone.
"""
from __future__ import annotations

import dataclasses
import re
from difflib import get_close_matches

from svidok.geocode.gazetteer import District, Gazetteer, NameMatch, Region, Settlement
from svidok.geocode.names import is_cyrillic, name_key, nominative_guesses
from svidok.geocode.recognise import find_district_phrases, find_places, find_region_phrases, tokenize
from svidok.geocode.resolve import context_weights, rank_matches, to_place
from svidok.records import Place

_PARTS = re.compile(r"[,;()\[\]/]+")
# A close spelling ("Zaporizhia", "Novotoshkivsky") is worth less than an exact name.
FUZZY_QUALITY = 0.7
FUZZY_CUTOFF = 0.85
# Only the named region is known: the place is somewhere in it.
REGION_FALLBACK_SCORE = 0.5
MAX_CANDIDATES = 5


def region_of_part(part: str, gaz: Gazetteer, first: bool) -> Region | None:
    """The region a query part names: a phrase ("Kherson region"), an alias ("LPR"), or
    (except as the query's first part, where "Kherson" is the city) a bare stem ("Luhansk")."""
    tokens = tokenize(part)
    if not tokens:
        return None
    phrases = find_region_phrases(part, tokens, gaz)
    if phrases:
        return phrases[0][2]
    key = name_key(part)
    regions = [m.entry for m in gaz.lookup(key) if isinstance(m.entry, Region)]
    if regions:
        return regions[0]
    words = key.split(" ")
    if words[0] in gaz.phrases.region_words and len(words) > 1:  # "Oblast Kherson"
        return gaz.region_for_stem(" ".join(words[1:]))
    return None if first else gaz.region_for_stem(key)


def district_of_part(part: str, regions: list[Region], gaz: Gazetteer) -> District | None:
    """The raion a query part names ("Bakhmut district"), preferring one in a named region."""
    tokens = tokenize(part)
    phrases = find_district_phrases(part, tokens, gaz)
    if not phrases or phrases[0][1] != len(tokens) - 1:
        return None
    district = phrases[0][2]
    first = tokens[phrases[0][0]].start
    named = {r.admin1_code for r in regions}
    candidates = gaz.districts_for_stem(name_key(part[first: tokens[-1].start]))
    return next((d for d in candidates if d.admin1_code in named), district)


def settlement_matches(part: str, gaz: Gazetteer) -> list[NameMatch]:
    """Exact names, then Cyrillic case forms, then close spellings of the settlement part."""
    key = name_key(part)
    matches = gaz.lookup(key)
    if not matches and is_cyrillic(key):
        matches = [m for guess in nominative_guesses(key) for m in gaz.lookup(guess)]
    if not matches:
        for close in get_close_matches(key, gaz.keys_like(key), n=3, cutoff=FUZZY_CUTOFF):
            matches.extend(NameMatch(m.entry, m.quality * FUZZY_QUALITY) for m in gaz.lookup(close))
    return matches


def regions_named_in(text: str, gaz: Gazetteer) -> set[str]:
    """Admin1 codes of the regions that `text` names ("Luhansk Oblast", "LPR")."""
    if not text:
        return set()
    names = {p.name for p in find_places(text, gaz) if p.precision == "region"}
    return {code for code, region in gaz.regions.items() if region.name in names}


def _is_country(part: str, gaz: Gazetteer) -> bool:
    key = name_key(part)
    return key in ("russia", "россия", "росія", "russian federation") or any(
        m.entry is gaz.country for m in gaz.lookup(key)
    )


def _fallback(query: str, regions: list[Region], gaz: Gazetteer) -> list[Place]:
    """The settlement part named nothing: the named region, else a toponym inside a longer
    query ("Kherson to Komyshany road"), each at a reduced score."""
    if regions:
        return [to_place(regions[0], gaz, query, None, REGION_FALLBACK_SCORE)]
    found = [p for p in find_places(query, gaz) if p.precision != "country"]
    return [dataclasses.replace(p, score=round(p.score * REGION_FALLBACK_SCORE, 3)) for p in found[:1]]


def geocode(query: str, gaz: Gazetteer, context: str = "") -> list[Place]:
    """Candidate places for `query`, best first, each with a score in 0..1; [] if nothing fits."""
    parts = [p.strip() for p in _PARTS.split(query) if p.strip()]
    if not parts:
        return []
    regions: list[Region] = []
    settlement_part: str | None = None
    for index, part in enumerate(parts):
        region = region_of_part(part, gaz, first=index == 0)
        if region is not None:
            regions.append(region)
        elif settlement_part is None and not _is_country(part, gaz):
            settlement_part = part
    if settlement_part is not None and (district := district_of_part(settlement_part, regions, gaz)) is not None:
        return [to_place(district, gaz, settlement_part, None, 1.0)]
    if settlement_part is None:
        if regions:
            return [to_place(regions[0], gaz, query, None, 1.0)]
        return [to_place(gaz.country, gaz, query, None, 1.0)] if any(_is_country(p, gaz) for p in parts) else []
    matches = settlement_matches(settlement_part, gaz)
    named = gaz.with_enclosed({r.admin1_code for r in regions})
    if named:
        # Outside the named region a match is a namesake of a village too small for the
        # gazetteer (or a fuzzy accident): the region itself is the honest answer then.
        matches = [m for m in matches if isinstance(m.entry, Settlement) and m.entry.admin1_code in named]
    if not matches:
        return _fallback(query, regions, gaz)
    ranked = rank_matches(matches, context_weights(named | regions_named_in(context, gaz)), gaz)
    return [to_place(m.entry, gaz, settlement_part, None, score) for m, score in ranked[:MAX_CANDIDATES]]
