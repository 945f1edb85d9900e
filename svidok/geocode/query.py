"""Geocode a short place query ("Shebekino, Belgorod region", "Izium (Kharkiv region)").

The query is split at commas and brackets into a settlement part and region parts; region
parts, and the regions named in the optional context text, steer the choice among namesakes
(a region in the query excludes namesakes outside it). A settlement that
is not in the gazetteer may be a landmark (landmarks.toml: "Snake Island", "Kherson airport"),
else falls back to a close spelling, then to the settlement a facility belongs to ("Voznesensk
airbase"), then to the named region alone.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date

from svidok.geocode.fuzzy import close_spellings, is_close_word, misspelt_region
from svidok.geocode.gazetteer import (
    PRIMARY_NAME,
    SPELLING_VARIANT,
    Area,
    District,
    EraPrior,
    Gazetteer,
    NameMatch,
    Region,
    Settlement,
)
from svidok.geocode.names import foreign_readings, is_cyrillic, name_key, nominative_guesses, untranslated_keys
from svidok.geocode.recognise import (
    LANDMARK_SCORE,
    find_district_phrases,
    find_places,
    find_region_phrases,
    tokenize,
    word_forms,
)
from svidok.geocode.resolve import (
    Anchor,
    anchor_of,
    context_weights,
    exact_names_first,
    published_date,
    rank_matches,
    regions_denoted,
    to_place,
)
from svidok.records import Place

# Query parts: "Izium (Kharkiv region)", "Shebekino, Belgorod region", "Kamyshan in the Kherson region".
_PARTS = re.compile(r"[,;()\[\]/]+|\s+in\s+(?:the\s+)?", re.IGNORECASE)
# Only the named region is known: the place is somewhere in it.
REGION_FALLBACK_SCORE = 0.5
MAX_CANDIDATES = 5
# A settlement of the oblast a bare query names, taken from the context rather than the query.
CONTEXT_PLACE_SCORE = 0.7
# A settlement this close to the nearest village of a region named with it (villages lie a
# few km apart, sparser in occupied areas) lies just across that region's border.
BORDER_KM = 20.0
# A settlement this big, named with a region it is not in, is still the place meant.
WELL_KNOWN_POPULATION = 20_000
# A raion's adjective alone ("Brovarskyi", "Бахмутський"): masculine, as raion is.
_RAION_ADJECTIVE = re.compile(r"(?:sk(?:yi|yy|iy|ij|y|i)|ськ(?:ий|ого|ому)|ск(?:ий|ого|ому))$")
# The raion a lone adjective names: the word "district" may have been left out, or the
# adjective may be a village's name that the gazetteer lacks.
RAION_ADJECTIVE_SCORE = 0.8
# A landmark named only among other words ("Snake Island-Zmiinyi"); named exactly, it has
# recognise.LANDMARK_SCORE.
LANDMARK_AMONG_WORDS_SCORE = 0.8
# The settlement a facility is named after ("Voznesensk airbase"): the site may lie a few
# kilometres out of town.
FACILITY_SCORE = 0.7


def region_of_part(part: str, gaz: Gazetteer, first: bool) -> Region | Area | None:
    """The region a query part names: a phrase ("Kherson region"), an alias ("LPR"), or
    (except as the query's first part, where "Kherson" is the city) a bare stem ("Luhansk")."""
    tokens = tokenize(part)
    if not tokens:
        return None
    phrases = find_region_phrases(part, tokens, gaz)
    if phrases:
        return phrases[0][2]
    key = name_key(part)
    regions = [m.entry for m in gaz.lookup(key) if isinstance(m.entry, (Region, Area))]
    if regions:
        return regions[0]
    words = key.split(" ")
    if words[0] in gaz.phrases.region_words and len(words) > 1:  # "Oblast Kherson"
        stem = " ".join(words[1:])
        return gaz.region_for_stem(stem) or misspelt_region(stem, gaz)
    return (None if first else gaz.region_for_stem(key)) or _misspelt_region_phrase(words, gaz)


def _misspelt_region_phrase(words: list[str], gaz: Gazetteer) -> Region | Area | None:
    """The region of a two-word phrase of a stem and an oblast word, either misspelt
    ("Donestk Oblast", "Oblast Mykolajiw", "Kharkiv Obalst")."""
    if len(words) != 2:
        return None
    region_words = gaz.phrases.region_words
    for stem, word in (words, words[::-1]):
        if is_close_word(word, region_words):
            return gaz.region_for_stem(stem) or misspelt_region(stem, gaz)
    return None


def district_of_part(part: str, query: str, regions: list[Region | Area], gaz: Gazetteer) -> District | None:
    """The raion or city district a query part names ("Bakhmut district", "Saltivskyi
    district, Kharkiv"), preferring a district of a city the query names, then one in a
    named region."""
    tokens = tokenize(part)
    phrases = find_district_phrases(part, tokens, gaz)
    if not phrases or phrases[0][1] != len(tokens) - 1:
        return None
    district = phrases[0][2]
    first = tokens[phrases[0][0]].start
    named = gaz.with_enclosed({code for r in regions for code in regions_denoted(r)})
    candidates = gaz.districts_for_stem(name_key(part[first: tokens[-1].start]), word_forms(tokenize(query)))
    if candidates and candidates[0].city_key is not None and candidates[0] is not district:
        return candidates[0]  # a district of a city named elsewhere in the query
    chosen = next((d for d in candidates if d.admin1_code in named), district)
    if named and chosen.city_key is not None and chosen.admin1_code not in named:
        # "Desnianskyi District, Kyiv" where only Chernihiv's Desnianskyi has a point: the
        # named city's own district is meant, not its namesake in another region.
        return None
    return chosen


def settlement_matches(part: str, gaz: Gazetteer) -> list[NameMatch]:
    """Exact names and their spelling namesakes ("Peski": every Pisky), then Cyrillic case
    forms of the settlement part, then Ukrainian readings of a translated first word ("New
    Korotich": Novyi Korotych), then (for a name no place bears as its current one) a German,
    Dutch or Polish spelling read in English romanisation ("Sewerodonezk"), then the centre
    of a hromada so named ("Beryslavska")."""
    key = name_key(part)
    matches = gaz.lookup(key)
    if all(isinstance(m.entry, Settlement) for m in matches):
        matches = matches + gaz.spelling_namesakes(key)
    if not matches and is_cyrillic(key):
        matches = [m for guess in nominative_guesses(key) for m in gaz.lookup(guess)]
    if not matches:
        matches = [m for reading in untranslated_keys(key)
                   for m in gaz.lookup(reading) + gaz.spelling_namesakes(reading)]
    if not any(m.quality >= PRIMARY_NAME for m in matches):
        matches = matches + _foreign_reading_matches(key, gaz, current_names_only=bool(matches))
    return matches or gaz.hromada_centres(key)


def _foreign_reading_matches(key: str, gaz: Gazetteer, current_names_only: bool) -> list[NameMatch]:
    """Places a German, Dutch or Polish spelling names, read in English romanisation
    ("Sewerodonezk"), by every orthography that reads it as a known name: the namesake
    weighing, not the order of the orthographies, chooses among them. With
    `current_names_only`, only places whose current name a reading is: they compete with the
    places that list the spelling itself among their alternate names ("Tscherniwzi": a
    village GeoNames files it under, and the city it reads as); a reading that is only
    another alternate spelling would add a second, stronger way to the same namesakes."""
    if current_names_only:
        return [m for reading in foreign_readings(key) for m in gaz.lookup(reading) if m.quality >= PRIMARY_NAME]
    return [m for reading in foreign_readings(key) for m in gaz.lookup(reading) + gaz.spelling_namesakes(reading)]


def regions_named_in(places: list[Place], gaz: Gazetteer) -> set[str]:
    """Admin1 codes of the regions among `places` ("Luhansk Oblast", "LPR", "Donbas")."""
    return {code for p in places if p.precision == "region" for code in gaz.codes_of_region_named(p.name)}


def anchors_for(settlement_part: str, parsed: ParsedQuery, context_places: list[Place],
                matches: list[NameMatch], gaz: Gazetteer) -> list[Anchor]:
    """Points of the other places the query and its context name ("Sadove (near Kherson)",
    "Novoselivka, Bakhmut district", a context naming Avdiivka), which pull a namesake of the
    settlement part towards them. Mentions of the settlement part itself (in any case form,
    resolved to any of its namesakes) are left out: they would only confirm the prior."""
    # A bare stem after the first part ("Petrovsky, Donetsk") names the oblast or its city:
    # either way the namesake near the city is likelier than one at the oblast's far end.
    parts = [part for part in parsed.places if part != settlement_part] + parsed.bare_stems
    others = [p for part in parts for p in find_places(part, gaz)]
    if not others and not context_places:
        return []
    own = {name_key(settlement_part)} | {name_key(m.entry.name) for m in matches}
    return [anchor for p in others + context_places
            if name_key(p.mention) not in own and name_key(p.name) not in own and (anchor := anchor_of(p)) is not None]


def _is_country(part: str, gaz: Gazetteer) -> bool:
    key = name_key(part)
    return key in ("russia", "россия", "росія", "russian federation") or any(
        m.entry is gaz.country for m in gaz.lookup(key)
    )


def _landmark_in(part: str, gaz: Gazetteer) -> Place | None:
    """The landmark a query part names, exactly or among other words ("Zmiinyi Island",
    "Snake Island-Zmiinyi"), as a place; None if it names none."""
    key = name_key(part)
    if (landmark := gaz.landmarks.named(key)) is not None:
        return to_place(landmark, gaz, part, None, LANDMARK_SCORE)
    if (landmark := gaz.landmarks.mentioned_in(key)) is not None:
        return to_place(landmark, gaz, part, None, LANDMARK_AMONG_WORDS_SCORE)
    return None


def _raion_by_adjective(part: str, named: set[str], gaz: Gazetteer) -> District | None:
    """The raion a lone adjective names, without the word "district" ("Brovars'kyi, Kyiv
    Oblast", "Бахмутський"), in the named regions if any; None if the part is no such word."""
    key = name_key(part)
    if " " in key or not _RAION_ADJECTIVE.search(key):
        return None
    raions = [d for d in gaz.districts_for_stem(key) if d.city_key is None and (not named or d.admin1_code in named)]
    return raions[0] if len(raions) == 1 else None


def _facility_settlement(query: str, settlement_part: str, gaz: Gazetteer, context: str,
                         published: date | str | None) -> Place | None:
    """The settlement a facility is named after ("Voznesensk airbase, Mykolaiv Oblast" ->
    Voznesensk), at a reduced score; None if the part names no facility of a settlement."""
    base = gaz.landmarks.without_facility_word(name_key(settlement_part))
    if base is None or settlement_part not in query:
        return None
    places = geocode(query.replace(settlement_part, base, 1), gaz, context, published=published)
    if not places or places[0].precision not in ("settlement", "district"):
        return None
    return dataclasses.replace(places[0], mention=settlement_part, score=round(places[0].score * FACILITY_SCORE, 3))


def _fallback(query: str, parsed: ParsedQuery, gaz: Gazetteer, prior: EraPrior,
              unresolved: tuple[str, str, date | str | None]) -> list[Place]:
    """The settlement part named nothing: a landmark another part names ("Chorne Sea, Black
    Sea"), else the settlement a facility is named after ("Voznesensk airbase"), else the city
    a bare stem names ("Korabel Microdistrict, Kherson"), else the named region, else a
    toponym inside a longer query ("Kherson to Komyshany road"), each at a reduced score.
    `unresolved`: the settlement part, the context and the publication date."""
    settlement_part, context, published = unresolved
    for part in parsed.places:
        if part != settlement_part and (landmark := _landmark_in(part, gaz)) is not None:
            return [dataclasses.replace(landmark, score=round(landmark.score * REGION_FALLBACK_SCORE, 3))]
    if (facility := _facility_settlement(query, settlement_part, gaz, context, published)) is not None:
        return [facility]
    for stem in parsed.bare_stems:
        cities = [m for m in gaz.lookup(name_key(stem)) if isinstance(m.entry, Settlement)]
        if cities:
            best, score = rank_matches(cities, {}, prior)[0]
            return [to_place(best.entry, gaz, stem, None, round(score * REGION_FALLBACK_SCORE, 3))]
    if parsed.regions:
        return [to_place(parsed.regions[0], gaz, query, None, REGION_FALLBACK_SCORE)]
    found = [p for p in find_places(query, gaz) if p.precision != "country"]
    return [dataclasses.replace(p, score=round(p.score * REGION_FALLBACK_SCORE, 3)) for p in found[:1]]


@dataclass(frozen=True)
class ParsedQuery:
    """A query's parts: the regions it names, and the other parts in order."""

    regions: list[Region | Area]
    places: list[str]
    # Parts naming a region by a bare stem after the first ("..., Kherson"): alone, the city.
    bare_stems: list[str]
    names_country: bool


def parse_query(query: str, gaz: Gazetteer) -> ParsedQuery:
    regions: list[Region | Area] = []
    places: list[str] = []
    bare_stems: list[str] = []
    names_country = False
    parts = [cleaned for p in _PARTS.split(query) if (cleaned := _without_noise(p, gaz))]
    for index, part in enumerate(parts):
        region = region_of_part(part, gaz, first=index == 0)
        if region is not None:
            regions.append(region)
            if index > 0 and region_of_part(part, gaz, first=True) is None:
                bare_stems.append(part)
        elif _is_country(part, gaz):
            names_country = True
        else:
            places.append(part)
    return ParsedQuery(regions, places, bare_stems, names_country)


def _without_noise(part: str, gaz: Gazetteer) -> str:
    """The part without leading or trailing words like "near", "village", "outskirts of"."""
    words = part.split()
    while words and name_key(words[0]) in gaz.phrases.query_noise:
        words.pop(0)
    while words and name_key(words[-1]) in gaz.phrases.query_noise:
        words.pop()
    return " ".join(words)


def settlement_part_of(parsed: ParsedQuery, gaz: Gazetteer) -> str:
    """The part naming the settlement: the first, unless it is a city that also names its
    region and a later part is a settlement there ("Kyiv, Borodyanka", "Kharkiv (Staryi Saltiv)")."""
    first = parsed.places[0]
    region = gaz.region_for_stem(name_key(first)) if not parsed.regions else None
    if isinstance(region, Region):
        for later in parsed.places[1:]:
            if any(isinstance(m.entry, Settlement) and m.entry.admin1_code == region.admin1_code
                   for m in settlement_matches(later, gaz)):
                parsed.regions.append(region)
                return later
    return first


def _well_known(matches: list[NameMatch]) -> list[NameMatch]:
    """Matches big enough that the name alone settles the place ("Melitopol", or "Lysytsjansk"
    in another romanisation, with the wrong region in the query): a tiny namesake in the named
    region would be in the gazetteer."""
    return [m for m in matches if isinstance(m.entry, Settlement) and (m.by_skeleton or m.quality >= SPELLING_VARIANT)
            and m.entry.population >= WELL_KNOWN_POPULATION]


def _just_across_border(matches: list[NameMatch], named: set[str], gaz: Gazetteer) -> list[NameMatch]:
    """Settlements bearing the name (or a known spelling of it) that lie just outside the
    named regions, when none inside does: a report placing a village in the oblast across
    the nearby border ("Soledar, Luhansk Oblast" for the Soledar of Donetsk Oblast) errs
    less than a misspelling of another name inside would have to."""
    return [m for m in matches if isinstance(m.entry, Settlement) and not m.by_skeleton
            and m.quality >= SPELLING_VARIANT and gaz.km_to_regions(m.entry.lat, m.entry.lon, named) <= BORDER_KM]


def geocode(query: str, gaz: Gazetteer, context: str = "", *, published: date | str | None = None) -> list[Place]:
    """Candidate places for `query`, best first, each with a score in 0..1; [] if nothing fits.

    `context` is text around the query (regions it names steer namesakes); `published`, the
    date of the report, picks the era prior among namesakes (eras.toml)."""
    parsed = parse_query(query, gaz)
    if not parsed.places:
        if parsed.regions:
            return [to_place(parsed.regions[0], gaz, query, None, 1.0)]
        return [to_place(gaz.country, gaz, query, None, 1.0)] if parsed.names_country else []
    settlement_part = settlement_part_of(parsed, gaz)
    if (district := district_of_part(settlement_part, query, parsed.regions, gaz)) is not None:
        return [to_place(district, gaz, settlement_part, None, 1.0)]
    matches = settlement_matches(settlement_part, gaz)
    named = gaz.with_enclosed({code for r in parsed.regions for code in regions_denoted(r)})
    if all(m.by_skeleton for m in matches):  # no settlement bears the name as written
        if (landmark := _landmark_in(settlement_part, gaz)) is not None:
            return [landmark]
        if (raion := _raion_by_adjective(settlement_part, named, gaz)) is not None:
            return [to_place(raion, gaz, settlement_part, None, RAION_ADJECTIVE_SCORE)]
    if named:
        # Outside the named region a match is a namesake of a village too small for the
        # gazetteer (or a fuzzy accident): the region itself is the honest answer then.
        inside = [m for m in matches if isinstance(m.entry, Settlement) and m.entry.admin1_code in named]
        matches = (exact_names_first(inside, name_key(settlement_part)) or _just_across_border(matches, named, gaz)
                   or close_spellings(name_key(settlement_part), gaz, named) or _well_known(matches))
    elif not matches:
        matches = close_spellings(name_key(settlement_part), gaz, named)
    else:
        matches = exact_names_first(matches, name_key(settlement_part))
    on = published_date(published)
    matches = gaz.names_as_of(matches, name_key(settlement_part), on)
    prior = gaz.era_prior(on)
    if not matches:
        return _fallback(query, parsed, gaz, prior, (settlement_part, context, published))
    context_places = find_places(context, gaz, published=published) if context else []
    anchors = anchors_for(settlement_part, parsed, context_places, matches, gaz)
    ranked = rank_matches(matches, context_weights(named | regions_named_in(context_places, gaz)), prior, anchors)
    places = [to_place(m.entry, gaz, settlement_part, None, score) for m, score in ranked[:MAX_CANDIDATES]]
    if len(parsed.places) == 1 and not parsed.regions:
        return _place_in_region_named(settlement_part, context_places, gaz) + places
    return places


def _place_in_region_named(part: str, context_places: list[Place], gaz: Gazetteer) -> list[Place]:
    """A location field "Kherson" over a text about a school in Kakhovka names the oblast
    that the city shares its name with: where a bare query is such a name, and the context
    names exactly one settlement in that oblast and never the city, that settlement is meant."""
    region = gaz.region_for_stem(name_key(part))
    if not isinstance(region, Region):
        return []
    codes = gaz.with_enclosed({region.admin1_code})
    own = {name_key(part)} | {name_key(gaz.regions[code].name) for code in codes}
    if any(name_key(p.mention) in own or p.name == part for p in context_places if p.precision != "region"):
        return []
    inside = {(p.name, p.lat, p.lon): p for p in context_places
              if p.precision == "settlement" and p.admin1 in {gaz.region_name(c) for c in codes}}
    if len(inside) != 1:
        return []
    place = next(iter(inside.values()))
    return [dataclasses.replace(place, mention=part, span=None, score=round(place.score * CONTEXT_PLACE_SCORE, 3))]
