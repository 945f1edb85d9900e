"""Choose among namesakes and turn gazetteer entries into `records.Place`.

A name's candidates are weighed by a prior (population, administrative rank, how telling
the matched name is) and by the document's context: a settlement inside a region that the
text names anywhere wins over its namesakes elsewhere (there are a dozen Andriivkas).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from svidok.geocode.gazetteer import SPELLING_VARIANT, Country, District, Entry, Gazetteer, NameMatch, Region, Settlement
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


def prior_weight(match: NameMatch) -> float:
    """Weight of a candidate before context: bigger and higher-ranked places are mentioned more."""
    entry = match.entry
    if not isinstance(entry, Settlement):
        return AREA_WEIGHT
    name_weight = 1.0 if match.quality >= SPELLING_VARIANT else NON_PRIMARY_WEIGHT * match.quality
    return math.sqrt(entry.population + 100) * FEATURE_WEIGHT.get(entry.feature_code, 1.0) * name_weight


def admin1_of(entry: Entry) -> str | None:
    return None if isinstance(entry, Country) else entry.admin1_code


def context_weights(named_regions: set[str], co_mentioned: Iterable[str] = ()) -> dict[str, float]:
    """admin1 code -> weight multiplier from a document's named regions and resolved settlements."""
    weights = {code: CO_MENTION_WEIGHT for code in co_mentioned}
    weights.update((code, CONTEXT_WEIGHT) for code in named_regions)
    return weights


def rank_matches(matches: Iterable[NameMatch], context: Mapping[str, float], gaz: Gazetteer) -> list[tuple[NameMatch, float]]:
    """Candidates best first, each with a score in 0..1 (name quality times share of the weight).

    A candidate's weight is its prior, times its region's report prior (regions.toml
    `report_weight`: where war reports happen), times the document context for its region."""
    best: dict[object, NameMatch] = {}
    for match in matches:
        previous = best.get(match.entry)
        if previous is None or match.quality > previous.quality:
            best[match.entry] = match
    weighted = []
    for match in best.values():
        weight = prior_weight(match)
        if isinstance(match.entry, Settlement):
            weight *= gaz.report_weight(match.entry.admin1_code) * context.get(match.entry.admin1_code, 1.0)
        weighted.append((match, weight))
    total = sum(w for _, w in weighted) or 1.0
    ranked = [(m, round(m.quality * (0.4 + 0.6 * w / total), 3)) for m, w in weighted]
    return sorted(ranked, key=lambda item: -item[1])


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
    return Place(mention, entry.name, entry.geonameid, None, entry.code, entry.lat, entry.lon, "country", span, score)
