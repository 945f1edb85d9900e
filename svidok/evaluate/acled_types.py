"""Scores of svidok's ACLED typing against snippets labelled with ACLED sub-event types. Pure functions.

A record's *ACLED prediction* is the (event type, sub-event type) of its most confident claim
that carries an ACLED type (the earliest on a tie), because svidok types claims, not
documents, and a claim whose svidok type has no ACLED equivalent says nothing about ACLED.
A record with no such claim is predicted `(none)`; gold `(none)` means the text reports no
event. A record of a data set without ACLED gold is not scored here.

Denominators: every scored record, no-event records included (they test false alarms).
Macro- and weighted F1 are taken over ACLED's sub-event types present in the gold, not over
`(none)`, so that they are comparable with the CASE 2021 figures on ACLED's 25 sub-types;
`(none)` has its own row in the per-class table.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from svidok.evaluate.datasets import NO_ACLED_EVENT
from svidok.evaluate.scoring import ClassScore, ExtractedRecord, class_scores, share

# How many distinct (gold, predicted) mistakes the confusion listing names.
SHOWN_CONFUSIONS = 15

JsonClaim = dict[str, Any]
AcledLabel = tuple[str, str]  # (event type, sub-event type)


@dataclass(frozen=True)
class AcledConfusion:
    """One kind of mistake: how often gold `gold` was predicted as `predicted`, and on which records."""

    gold: str
    predicted: str
    count: int
    record_ids: tuple[str, ...]


@dataclass(frozen=True)
class AcledTypeScores:
    records: int
    event_type_hits: int
    sub_type_hits: int
    macro_f1: float | None
    weighted_f1: float | None
    classes: list[ClassScore]
    confusions: list[AcledConfusion]

    @property
    def event_type_accuracy(self) -> float | None:
        return share(self.event_type_hits, self.records)

    @property
    def sub_type_accuracy(self) -> float | None:
        return share(self.sub_type_hits, self.records)


def acled_prediction(claims: list[JsonClaim]) -> AcledLabel:
    """(event type, sub-event type) of the most confident claim carrying an ACLED type; (none) otherwise."""
    typed = [claim for claim in claims if claim.get("acled_sub_event_type")]
    claim = max(typed, key=lambda c: c.get("confidence") or 0.0, default=None)
    if claim is None:
        return NO_ACLED_EVENT, NO_ACLED_EVENT
    return str(claim.get("acled_event_type")), str(claim["acled_sub_event_type"])


def gold_label(record: ExtractedRecord) -> AcledLabel | None:
    """The record's gold (event type, sub-event type); None where its data set has no ACLED gold."""
    gold = record.gold
    if gold.acled_sub_event_type is None:
        return None
    return gold.acled_event_type or NO_ACLED_EVENT, gold.acled_sub_event_type


def ranked_confusions(
    mistakes: Iterable[tuple[str, str, str]], shown: int = SHOWN_CONFUSIONS
) -> list[AcledConfusion]:
    """The `shown` most frequent (gold, predicted) mistakes from (gold, predicted, record id) triples."""
    by_pair: dict[tuple[str, str], list[str]] = {}
    for gold, predicted, record_id in mistakes:
        by_pair.setdefault((gold, predicted), []).append(record_id)
    counts = Counter({pair: len(ids) for pair, ids in by_pair.items()})
    # most_common keeps first-seen order among equal counts, so the listing is stable across runs.
    return [
        AcledConfusion(gold, predicted, count, tuple(by_pair[(gold, predicted)]))
        for (gold, predicted), count in counts.most_common(shown)
    ]


def sub_type_f1s(classes: list[ClassScore]) -> tuple[float | None, float | None]:
    """Macro and support-weighted F1 over the ACLED sub-event types, leaving out (none)."""
    events = [c for c in classes if c.code != NO_ACLED_EVENT]
    support = sum(c.support for c in events)
    if not events:
        return None, None
    return sum(c.f1 for c in events) / len(events), sum(c.f1 * c.support for c in events) / support


def score_acled_types(extractions: list[ExtractedRecord]) -> AcledTypeScores | None:
    """ACLED typing scores of the records with ACLED gold; None where no record has any."""
    scored = [(e, label) for e in extractions if (label := gold_label(e)) is not None]
    if not scored:
        return None
    triples = [(e.record_id, gold, acled_prediction(e.claims)) for e, gold in scored]
    sub_pairs = [(gold[1], predicted[1]) for _, gold, predicted in triples]
    classes = class_scores(sub_pairs)
    macro, weighted = sub_type_f1s(classes)
    return AcledTypeScores(
        records=len(triples),
        event_type_hits=sum(1 for _, gold, predicted in triples if gold[0] == predicted[0]),
        sub_type_hits=sum(1 for gold, predicted in sub_pairs if gold == predicted),
        macro_f1=macro,
        weighted_f1=weighted,
        classes=classes,
        confusions=ranked_confusions(
            (gold[1], predicted[1], record_id) for record_id, gold, predicted in triples if gold[1] != predicted[1]
        ),
    )
