"""Choose among namesakes and turn gazetteer entries into `records.Place`.

A name's candidates are weighed by a prior (population, administrative rank, how telling
the matched name is, where the reports of the document's era happen) and by the document's
context: a settlement inside a region that the text names anywhere wins over its namesakes
elsewhere (there are a dozen Andriivkas).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from svidok.geocode.gazetteer import (
    SPELLING_VARIANT,
    Area,
    Country,
    District,
    Entry,
    EraPrior,
    Gazetteer,
    OTHER_NAME,
    PRIMARY_NAME,
    Landmark,
    NameMatch,
    Region,
    Settlement,
)
from svidok.geocode.distance import KM_PER_DEGREE_OF_LATITUDE, haversine_km
from svidok.geocode.fuzzy import within_one_edit
from svidok.geocode.names import name_key, spelling_skeleton
from svidok.records import Place, Span

# Region and country aliases outrank any settlement sharing the name ("Crimea", "Ukraine").
AREA_WEIGHT = 1e6
# A KATOTTG village (no population, no point of its own) yields to a GeoNames namesake.
FEATURE_WEIGHT = {"PPLC": 6.0, "PPLA": 3.0, "PPL": 1.0, "KATOTTG": 1.0}
# A region named in the document multiplies its settlements' weight by this much.
CONTEXT_WEIGHT = 40.0
# Another settlement of the same region, confidently resolved in the same document, counts
# for less than a named region: "Pisky" beside "Donetsk" is the Pisky near Donetsk.
CO_MENTION_WEIGHT = 6.0
# A name that is only a former or other name of a place counts this much (times its
# quality) against places whose current name (or its spelling) it is: "Oleksandrivka" was once Donetsk, but
# a report saying Oleksandrivka means one of the twenty villages called so today.
NON_PRIMARY_WEIGHT = 0.005
# A namesake reached only through the spelling skeleton ("Peski" -> Pisky) counts this much:
# less than a known spelling, far more than a former name.
SKELETON_WEIGHT = 0.5


# A namesake near another place the same text names is the one meant ("Novoselivka ... near
# Avdiivka"): at the anchor's point its weight is multiplied by 1 + this, falling linearly to
# 1 at the anchor's reach.
PROXIMITY_WEIGHT = 30.0
# A namesake on the era's front line (eras.toml) has its weight multiplied by 1 + this,
# falling linearly to 1 at the front's reach: reports of fighting name front-line villages.
FRONT_WEIGHT = 8.0
# A village placed at its hromada's centroid may lie this far from that point: it counts as
# that much farther from the front than the centroid, lest a hromada near the line lend its
# villages a nearness that a namesake with a point of its own has for sure.
CENTROID_UNCERTAINTY_KM = 10.0
# How far a settlement anchor reaches; a raion, with only its centroid known, reaches further.
SETTLEMENT_REACH_KM = 30.0
DISTRICT_REACH_KM = 60.0


class Anchor(NamedTuple):
    """A point that another mention of the same text resolved to, and how far it reaches."""

    lat: float
    lon: float
    reach_km: float


def anchor_of(place: Place | Settlement | District) -> Anchor | None:
    """The anchor a resolved place (or the settlement or district it resolved to) lends its
    namesake neighbours, if it is precise enough."""
    precision = "district" if isinstance(place, District) else place.precision
    if place.lat is None or place.lon is None or precision not in ("settlement", "district"):
        return None
    reach = SETTLEMENT_REACH_KM if precision == "settlement" else DISTRICT_REACH_KM
    return Anchor(place.lat, place.lon, reach)


def proximity_weight(entry: Settlement, anchors: Sequence[Anchor]) -> float:
    """How much nearness to the text's other places favours `entry` (1.0: not near any)."""
    best = 0.0
    for anchor in anchors:
        # Most anchors lie a whole band of latitude away, and no path between two points is
        # shorter than their difference in latitude: those are passed over without the
        # trigonometry (a long article made hundreds of thousands of haversine calls). The
        # margin keeps an anchor right at its reach measured, as rounding might put it inside.
        if abs(entry.lat - anchor.lat) * KM_PER_DEGREE_OF_LATITUDE > anchor.reach_km * (1 + 1e-9):
            continue
        distance = haversine_km(entry.lat, entry.lon, anchor.lat, anchor.lon)
        best = max(best, 1.0 - distance / anchor.reach_km)
    return 1.0 + PROXIMITY_WEIGHT * best


def prior_weight(match: NameMatch) -> float:
    """Weight of a candidate before context: bigger and higher-ranked places are mentioned more."""
    entry = match.entry
    if not isinstance(entry, Settlement):
        return AREA_WEIGHT
    if match.by_skeleton:
        name_weight = SKELETON_WEIGHT
    else:
        name_weight = 1.0 if match.quality >= SPELLING_VARIANT else NON_PRIMARY_WEIGHT * match.quality
    return math.sqrt(entry.population + 100) * FEATURE_WEIGHT.get(entry.feature_code, 1.0) * name_weight


@lru_cache(maxsize=65536)
def _name_key_and_skeleton(name: str) -> tuple[str, str]:
    key = name_key(name)
    return key, spelling_skeleton(key)


def exact_names_first(matches: list[NameMatch], key: str) -> list[NameMatch]:
    """`matches` for the name key `key`, where a settlement whose own name is a spelling of
    `key` outranks one that merely lists `key` among its alternate names.

    GeoNames files some different names as spellings ("Oleksandrivka" under Oleksandrivskyi,
    "Vasylivka" under Novoselivka): where a candidate's current name has the spelling
    skeleton of the query (or one a letter away: "Prybuzske" for "Prybuzke"), a candidate
    whose current name does not is reached through another name, and counts as such
    (OTHER_NAME). The first words of a compound name are its short form, not another name
    ("Rostov" for Rostov-on-Don). Where no candidate bears the name itself, nothing changes."""
    skeleton = spelling_skeleton(key)

    def is_spelling(match: NameMatch) -> bool:
        """Whether a match through a listed spelling (not the current name) spells that name."""
        own_key, own_skeleton = _name_key_and_skeleton(match.entry.name)
        return own_key.startswith(key + " ") or within_one_edit(own_skeleton, skeleton)

    # Only listed spellings can be other names in disguise: a current name is the name, and
    # skeleton and other-name matches already count for less.
    listed = {id(m): is_spelling(m) for m in matches if isinstance(m.entry, Settlement) and not m.by_skeleton
              and SPELLING_VARIANT <= m.quality < PRIMARY_NAME}
    current = any(m.quality >= PRIMARY_NAME and isinstance(m.entry, Settlement) for m in matches)
    if not current and not any(listed.values()):
        return matches
    return [NameMatch(m.entry, OTHER_NAME) if listed.get(id(m)) is False else m for m in matches]


def admin1_of(entry: Entry) -> str | None:
    """The one admin1 region the entry lies in; None for the country and multi-region areas."""
    return None if isinstance(entry, (Country, Area)) else entry.admin1_code


def regions_denoted(entry: Entry) -> set[str]:
    """Admin1 codes a region-level mention puts in the document's context ("Donbas": two)."""
    if isinstance(entry, Area):
        return set(entry.covers)
    return {entry.admin1_code} if isinstance(entry, Region) else set()


def published_date(published: date | str | None) -> date | None:
    """The publication date as a date; an ISO string ("2015-02-01", "2015-02-01T10:00") is read."""
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published[:10])
    except ValueError as error:
        raise ValueError(f"published: {published!r} is not an ISO date (YYYY-MM-DD)") from error


def context_weights(named_regions: set[str], co_mentioned: Iterable[str] = ()) -> dict[str, float]:
    """admin1 code -> weight multiplier from a document's named regions and resolved settlements."""
    weights = {code: CO_MENTION_WEIGHT for code in co_mentioned}
    weights.update((code, CONTEXT_WEIGHT) for code in named_regions)
    return weights


def rank_matches(
    matches: Iterable[NameMatch], context: Mapping[str, float], prior: EraPrior,
    anchors: Sequence[Anchor] = (),
) -> list[tuple[NameMatch, float]]:
    """Candidates best first, each with a score in 0..1 (name quality times share of the weight).

    A candidate's weight is its own prior, times its region's weight and its nearness to the
    front in `prior` (eras.toml: where the reports of the document's era happen), times the
    document context for its region, times its nearness to `anchors` (the other places the
    text names). Namesakes that nothing tells
    apart share the weight, so none of them scores high."""
    best: dict[int, NameMatch] = {}  # by identity: hashing a frozen dataclass hashes every field
    for match in matches:
        previous = best.get(id(match.entry))
        if previous is None or match.quality > previous.quality:
            best[id(match.entry)] = match
    weighted = []
    for match in best.values():
        weight = prior_weight(match)
        if isinstance(match.entry, Settlement):
            weight *= prior.regions.get(match.entry.admin1_code, 1.0) * context.get(match.entry.admin1_code, 1.0)
            uncertainty = CENTROID_UNCERTAINTY_KM if match.entry.precision != "settlement" else 0.0
            weight *= 1.0 + FRONT_WEIGHT * prior.front.nearness(match.entry.lat, match.entry.lon, uncertainty)
            if anchors:
                weight *= proximity_weight(match.entry, anchors)
        weighted.append((match, weight))
    total = sum(w for _, w in weighted) or 1.0
    ranked = [(m, round(m.quality * (0.4 + 0.6 * w / total), 3)) for m, w in weighted]
    # Among namesakes that nothing tells apart, one with a point of its own comes before one
    # placed at its hromada's centroid: its listed point at least is a real place.
    return sorted(ranked, key=lambda item: (-item[1], getattr(item[0].entry, "precision", "") != "settlement"))


def to_place(entry: Entry, gaz: Gazetteer, mention: str, span: Span | None, score: float) -> Place:
    """The record for one resolved mention."""
    if isinstance(entry, Settlement):
        return Place(mention, entry.name, entry.geonameid, gaz.region_name(entry.admin1_code), entry.country,
                     entry.lat, entry.lon, entry.precision, span, score)
    if isinstance(entry, District):
        return Place(mention, entry.name, None, gaz.region_name(entry.admin1_code), "UA", entry.lat, entry.lon,
                     "district", span, score)
    if isinstance(entry, Region):
        return Place(mention, entry.name, None, entry.name, entry.country, entry.lat, entry.lon, "region", span, score)
    if isinstance(entry, Area):
        return Place(mention, entry.name, None, None, "UA", entry.lat, entry.lon, "region", span, score)
    if isinstance(entry, Landmark):
        region = gaz.region_name(entry.admin1_code) if entry.admin1_code else None
        return Place(mention, entry.name, None, region, "UA" if region else None, entry.lat, entry.lon,
                     entry.precision, span, score)
    return Place(mention, entry.name, entry.geonameid, None, entry.code, entry.lat, entry.lon, "country", span, score)
