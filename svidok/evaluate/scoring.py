"""Per-field scores of extracted claims against development gold. Pure functions, no I/O.

Claims are compared in their JSON form (`Claim.to_json()`), so a saved extraction run can be
rescored without re-running extraction.

The record's *primary claim* answers the single-valued questions (date, claimant, type): it
is the claim with the highest confidence, the first such claim in extraction order on a tie,
because that is the claim svidok itself is surest of. The death count is the exception: a
claim whose text states no count (null: "not stated", never "none died") cannot answer it,
so the record's count is that of its most confident claim that states one. Counts of
different claims are never added up. Places are a list, so the
place questions (oblast, coordinates) look at every place of every claim of the record.

Denominators (a record without an extracted value counts as a miss unless said otherwise):
- date_exact, date_within_1d: records with a gold date (UCDP: date_start).
- admin1: records whose gold oblast/province maps to a svidok unit (gold_mappings.toml).
- coords_10km: records with gold coordinates.
- deaths_exact: records with a gold death count whose text states that number.
- claimant: records whose gold claimant names an actor svidok knows. Both sides are canonical
  names from the actor file (the gold through `gold_mappings.toml`). A claimant is right when
  it is a gold claimant or stands above or below one in the actor file's `parent` chain, which
  is svidok's own notion of one voice: "Ukraine's defence ministry" for a statement UCDP
  files under the Armed Forces, or the DPR's news agency for the DPR authorities.
- type_accuracy, type_macro_f1: records whose gold category maps to a taxonomy code (not `none`).
- coverage_*: all evaluated records (failed extractions included), counting those with a value.

Calibration (is a claim of confidence 0.7 right 70% of the time?) judges EVERY claim of a
record, not only the primary one, because every claim is shown with its confidence. A claim
is *correct* when its type is among the record's accepted types (`GoldEvent.accepted_types`):
- CIR: the taxonomy code its category maps to, and for the two civilian-harm categories
  both civilian-harm types (as for Bellingcat); rows whose category has no code (`none`:
  bombing or explosion, munitions, other...) are not judged. The gold has one category per
  row, so a second claim of another type counts as wrong even where the headline supports
  it ("column destroyed" as movement and losses): the measured accuracy is a lower bound.
- Bellingcat (civilian harm only): attack_on_civilians or killing.
- UCDP (fatal clashes only): armed_clash, attack_on_civilians, killing or military_losses;
  the loosest of the four judgements, since UCDP has no per-row event category.
- svidok's annotated fixtures: any of the row's gold types; on a text reporting no event
  every claim is wrong.
The expected calibration error is the claim-weighted mean |accuracy - mean confidence| over
ten equal-width confidence bins.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from number_parser import parse as spell_out_numbers_as_digits

from svidok.evaluate.datasets import GoldEvent
from svidok.evaluate.gold_mappings import NO_CLAIM, NO_SVIDOK_CODE, admin1_equivalent
from svidok.geocode.distance import haversine_km
from svidok.knowledge import body_chain

COORDINATE_TOLERANCE_KM = 10.0
DATE_TOLERANCE_DAYS = 1
CALIBRATION_BINS = 10

JsonClaim = dict[str, Any]


@dataclass(frozen=True)
class ExtractedRecord:
    """What extraction produced for one gold record."""

    record_id: str
    text: str
    gold: GoldEvent
    claims: list[JsonClaim]
    language: str | None = None
    # Why extraction raised (error) or declined the document (skipped); None when it ran.
    error: str | None = None
    skipped: str | None = None


def share(part: int, whole: int | None) -> float | None:
    """`part` / `whole`, or None where there is no whole to take a share of."""
    return part / whole if whole else None


def harmonic_f1(precision: float | None, recall: float | None) -> float | None:
    """F1 of a precision and a recall; None where either is undefined."""
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class Metric:
    """Hits among `total` scored records; `value` is their share, the field's recall. Where
    `answered` is known (records for which svidok gave the field a value, `answered_hits` of
    them right), precision is the share of its answers that are right: abstaining lowers
    recall, guessing lowers precision. (A right abstention, no claim where the gold has no
    event, is a hit but no answer.)"""

    name: str
    hits: int
    total: int
    denominator: str
    answered: int | None = None
    answered_hits: int | None = None

    @property
    def value(self) -> float | None:
        return share(self.hits, self.total)

    @property
    def precision(self) -> float | None:
        return None if self.answered_hits is None else share(self.answered_hits, self.answered)

    @property
    def f1(self) -> float | None:
        return harmonic_f1(self.precision, self.value)


@dataclass(frozen=True)
class ClassScore:
    code: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class ReliabilityBin:
    """Claims whose confidence falls in [low, high) (the last bin includes 1.0)."""

    low: float
    high: float
    count: int
    mean_confidence: float | None
    accuracy: float | None


@dataclass(frozen=True)
class Calibration:
    claims: int
    expected_calibration_error: float | None
    bins: list[ReliabilityBin]


@dataclass
class Scorecard:
    dataset: str
    records: int
    failures: int
    skipped: int
    metrics: list[Metric]
    coverage: list[Metric]
    type_macro_f1: float | None = None
    type_classes: list[ClassScore] = field(default_factory=list)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    calibration: Calibration | None = None


# ---- single comparisons -------------------------------------------------------------------


def primary_claim(claims: list[JsonClaim]) -> JsonClaim | None:
    """The claim with the highest confidence; the earliest one on a tie."""
    return max(claims, key=lambda claim: claim.get("confidence") or 0.0, default=None)


def claim_start_date(claim: JsonClaim | None) -> date | None:
    event_date = (claim or {}).get("date") or {}
    start = event_date.get("start")
    return date.fromisoformat(start) if start else None


def dates_within(gold: date, extracted: date | None, days: int) -> bool:
    return extracted is not None and abs((extracted - gold).days) <= days


def record_places(claims: list[JsonClaim]) -> list[dict[str, Any]]:
    return [place for claim in claims for place in claim.get("places") or []]


def nearest_place_km(lat: float, lon: float, claims: list[JsonClaim]) -> float | None:
    """Distance from the gold point to the closest extracted place with coordinates."""
    distances = [
        haversine_km(lat, lon, place["lat"], place["lon"])
        for place in record_places(claims)
        if place.get("lat") is not None and place.get("lon") is not None
    ]
    return min(distances, default=None)


def admin1_found(gold_admin1: str, claims: list[JsonClaim]) -> bool:
    return any(admin1_equivalent(gold_admin1, place.get("admin1")) for place in record_places(claims))


def numbers_stated(text: str) -> set[int]:
    """Integers the text writes in digits or in (English) words."""
    return {int(digits) for digits in re.findall(r"\d+", spell_out_numbers_as_digits(text, language="en"))}


def stated_count(claims: list[JsonClaim], field_name: str) -> int | None:
    """The count `field_name` of the most confident claim that states one; None if none does."""
    stating = [claim for claim in claims if claim.get(field_name) is not None]
    claim = primary_claim(stating)
    return claim[field_name] if claim else None


def claimant_name(claim: JsonClaim | None) -> str | None:
    claimant = (claim or {}).get("claimant") or {}
    return claimant.get("name")


def same_voice(extracted: str | None, gold: frozenset[str]) -> bool:
    """Whether the extracted claimant is a gold claimant or above or below one in the `parent` chain."""
    if extracted is None:
        return False
    return any(name in gold for name in body_chain(extracted)) or any(extracted in body_chain(g) for g in gold)


def predicted_type(claims: list[JsonClaim]) -> str:
    claim = primary_claim(claims)
    return claim["type"] if claim else NO_CLAIM


# ---- classification scores ----------------------------------------------------------------


def confusion_counts(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """gold label -> predicted label -> number of records."""
    matrix: dict[str, Counter[str]] = {}
    for gold, predicted in pairs:
        matrix.setdefault(gold, Counter())[predicted] += 1
    return {gold: dict(row) for gold, row in sorted(matrix.items())}


def class_scores(pairs: list[tuple[str, str]]) -> list[ClassScore]:
    """Precision, recall and F1 of each gold class; a prediction of any other label is a miss."""
    scores = []
    for code in sorted({gold for gold, _ in pairs}):
        true_pos = sum(1 for gold, pred in pairs if gold == code and pred == code)
        predicted = sum(1 for _, pred in pairs if pred == code)
        support = sum(1 for gold, _ in pairs if gold == code)
        precision = true_pos / predicted if predicted else 0.0
        recall = true_pos / support
        scores.append(ClassScore(code, precision, recall, harmonic_f1(precision, recall) or 0.0, support))
    return scores


def macro_f1(pairs: list[tuple[str, str]]) -> float | None:
    """Unweighted mean F1 over the gold classes present; None without pairs."""
    scores = class_scores(pairs)
    return sum(s.f1 for s in scores) / len(scores) if scores else None


# ---- calibration of claim confidence ------------------------------------------------------


def claim_is_correct(claim: JsonClaim, gold: GoldEvent) -> bool | None:
    """Whether the claim's type is right for the record; None where the gold cannot judge it."""
    if gold.accepted_types is None:
        return None
    return claim["type"] in gold.accepted_types


def judged_claims(extractions: Iterable[ExtractedRecord]) -> list[tuple[float, bool]]:
    """(confidence, correct) for every claim the gold can judge."""
    judged = []
    for e in extractions:
        for claim in e.claims:
            correct = claim_is_correct(claim, e.gold)
            if correct is not None:
                judged.append((float(claim.get("confidence") or 0.0), correct))
    return judged


def _bin_index(confidence: float, bins: int) -> int:
    return min(bins - 1, max(0, int(confidence * bins)))


def reliability_table(judged: Iterable[tuple[float, bool]], bins: int = CALIBRATION_BINS) -> list[ReliabilityBin]:
    """Count, mean confidence and accuracy of each of `bins` equal-width confidence bins."""
    members: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for confidence, correct in judged:
        members[_bin_index(confidence, bins)].append((confidence, correct))
    return [
        ReliabilityBin(
            low=index / bins,
            high=(index + 1) / bins,
            count=len(group),
            mean_confidence=sum(c for c, _ in group) / len(group) if group else None,
            accuracy=sum(1 for _, ok in group if ok) / len(group) if group else None,
        )
        for index, group in enumerate(members)
    ]


def expected_calibration_error(judged: Iterable[tuple[float, bool]], bins: int = CALIBRATION_BINS) -> float | None:
    """Claim-weighted mean gap between accuracy and mean confidence over the bins; None without claims."""
    table = reliability_table(judged, bins)
    total = sum(b.count for b in table)
    if not total:
        return None
    gaps = [
        b.count * abs(b.accuracy - b.mean_confidence)
        for b in table
        if b.accuracy is not None and b.mean_confidence is not None
    ]
    return sum(gaps) / total


def calibration(extractions: list[ExtractedRecord]) -> Calibration | None:
    """The reliability of the claims' confidence; None where the gold judges no claim type."""
    if not any(e.gold.accepted_types is not None for e in extractions):
        return None
    judged = judged_claims(extractions)
    return Calibration(len(judged), expected_calibration_error(judged), reliability_table(judged))


# ---- per-dataset scorecard ----------------------------------------------------------------


@dataclass(frozen=True)
class MetricSpec:
    """One accuracy metric: which data sets have the field, which records count, what is a hit."""

    name: str
    denominator: str
    in_dataset: Callable[[GoldEvent], bool]
    applies: Callable[[ExtractedRecord], bool]
    hit: Callable[[ExtractedRecord], bool]
    # Whether svidok gave the field a value for the record (a wrong value included).
    answered: Callable[[ExtractedRecord], bool]


def _date_hit(e: ExtractedRecord) -> bool:
    return claim_start_date(primary_claim(e.claims)) == e.gold.date


def _date_near_hit(e: ExtractedRecord) -> bool:
    gold = e.gold.date
    return gold is not None and dates_within(gold, claim_start_date(primary_claim(e.claims)), DATE_TOLERANCE_DAYS)


def _admin1_hit(e: ExtractedRecord) -> bool:
    return e.gold.admin1 is not None and admin1_found(e.gold.admin1, e.claims)


def _coords_hit(e: ExtractedRecord) -> bool:
    if e.gold.lat is None or e.gold.lon is None:
        return False
    distance = nearest_place_km(e.gold.lat, e.gold.lon, e.claims)
    return distance is not None and distance <= COORDINATE_TOLERANCE_KM


def _deaths_scored(e: ExtractedRecord) -> bool:
    return e.gold.deaths is not None and e.gold.deaths in numbers_stated(e.text)


def _deaths_hit(e: ExtractedRecord) -> bool:
    return stated_count(e.claims, "fatalities") == e.gold.deaths


def _claimant_hit(e: ExtractedRecord) -> bool:
    return same_voice(claimant_name(primary_claim(e.claims)), e.gold.claimants or frozenset())


def _type_scored(e: ExtractedRecord) -> bool:
    return e.gold.type is not None and e.gold.type != NO_SVIDOK_CODE


def _type_hit(e: ExtractedRecord) -> bool:
    return predicted_type(e.claims) == e.gold.type


def _dated(e: ExtractedRecord) -> bool:
    return claim_start_date(primary_claim(e.claims)) is not None


def _has_admin1(e: ExtractedRecord) -> bool:
    return any(p.get("admin1") for p in record_places(e.claims))


def _has_coordinates(e: ExtractedRecord) -> bool:
    return any(p.get("lat") is not None for p in record_places(e.claims))


def _has_deaths(e: ExtractedRecord) -> bool:
    return stated_count(e.claims, "fatalities") is not None


def _has_claimant(e: ExtractedRecord) -> bool:
    return claimant_name(primary_claim(e.claims)) is not None


def _has_claim(e: ExtractedRecord) -> bool:
    return bool(e.claims)


ACCURACY_METRICS: tuple[MetricSpec, ...] = (
    MetricSpec("date_exact", "records with a gold date", lambda g: g.date is not None,
               lambda e: e.gold.date is not None, _date_hit, _dated),
    MetricSpec("date_within_1d", "records with a gold date", lambda g: g.date is not None,
               lambda e: e.gold.date is not None, _date_near_hit, _dated),
    MetricSpec("admin1", "records whose gold oblast maps to a svidok unit", lambda g: g.admin1_raw is not None,
               lambda e: e.gold.admin1 is not None, _admin1_hit, _has_admin1),
    MetricSpec("coords_10km", "records with gold coordinates", lambda g: g.lat is not None,
               lambda e: e.gold.lat is not None and e.gold.lon is not None, _coords_hit, _has_coordinates),
    MetricSpec("deaths_exact", "records with a gold death count that the text states", lambda g: g.deaths is not None,
               _deaths_scored, _deaths_hit, _has_deaths),
    MetricSpec("claimant", "records whose gold claimant is an actor svidok knows",
               lambda g: g.claimant_raw is not None, lambda e: bool(e.gold.claimants), _claimant_hit, _has_claimant),
    MetricSpec("type_accuracy", "records whose gold category maps to a taxonomy code", lambda g: g.type is not None,
               _type_scored, _type_hit, _has_claim),
)


def _count(name: str, denominator: str, extractions: list[ExtractedRecord],
           applies: Callable[[ExtractedRecord], bool], hit: Callable[[ExtractedRecord], bool],
           answered: Callable[[ExtractedRecord], bool] | None = None) -> Metric:
    scored = [e for e in extractions if applies(e)]
    hits = sum(1 for e in scored if hit(e))
    if answered is None:
        return Metric(name, hits, len(scored), denominator)
    answers = [e for e in scored if answered(e)]
    return Metric(name, hits, len(scored), denominator, len(answers), sum(1 for e in answers if hit(e)))


def accuracy_metrics(extractions: list[ExtractedRecord]) -> list[Metric]:
    """The accuracy metrics for the gold fields these records have (shown even when none qualify)."""
    return [
        _count(spec.name, spec.denominator, extractions, spec.applies, spec.hit, spec.answered)
        for spec in ACCURACY_METRICS
        if any(spec.in_dataset(e.gold) for e in extractions)
    ]


def coverage_metrics(extractions: list[ExtractedRecord]) -> list[Metric]:
    """How many records got any value for each field (denominator: all evaluated records)."""
    checks: list[tuple[str, Callable[[ExtractedRecord], bool]]] = [
        ("coverage_claim", _has_claim),
        ("coverage_date", _dated),
        ("coverage_place", _has_coordinates),
        ("coverage_admin1", _has_admin1),
        ("coverage_fatalities", _has_deaths),
        ("coverage_claimant", _has_claimant),
    ]
    return [_count(name, "all evaluated records", extractions, lambda e: True, has) for name, has in checks]


def score_extractions(dataset: str, extractions: list[ExtractedRecord]) -> Scorecard:
    """The scorecard of one data set (or one language group of it)."""
    pairs = [(str(e.gold.type), predicted_type(e.claims)) for e in extractions if _type_scored(e)]
    has_types = any(e.gold.type is not None for e in extractions)
    return Scorecard(
        dataset=dataset,
        records=len(extractions),
        failures=sum(1 for e in extractions if e.error),
        skipped=sum(1 for e in extractions if e.skipped),
        metrics=accuracy_metrics(extractions),
        coverage=coverage_metrics(extractions),
        type_macro_f1=macro_f1(pairs) if has_types else None,
        type_classes=class_scores(pairs) if has_types else [],
        confusion=confusion_counts(pairs) if has_types else {},
        calibration=calibration(extractions),
    )


def score_by_language(dataset: str, extractions: list[ExtractedRecord]) -> dict[str, Scorecard]:
    """One scorecard per document language ("unknown" where none was recorded)."""
    groups: dict[str, list[ExtractedRecord]] = {}
    for e in extractions:
        groups.setdefault(e.language or "unknown", []).append(e)
    return {language: score_extractions(dataset, group) for language, group in sorted(groups.items())}
