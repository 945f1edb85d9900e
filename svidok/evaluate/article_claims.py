"""Claim-level scores of extraction against full articles whose every claim is labelled. Pure functions.

A gold claim is located by an exact phrase of the sentence that reports it. It *matches* at most
one predicted claim, and a predicted claim at most one gold claim: the predicted claim must have
the same type and an evidence span overlapping the phrase's characters. Among several such
claims the one with the tightest overlapping span is preferred (it is most specifically about
that sentence), and the pairing is a maximum matching, so that one broad claim cannot take the
only candidate of another gold claim.

Claim precision = matched / predicted claims, recall = matched / gold claims: a predicted claim
matching no gold claim is a false positive (distractors, background and reactions count), a
gold claim matching none is a miss. Field accuracies are over matched pairs; a null gold value
is a fact to reproduce ("the text gives no date"), so null must be predicted as null:
- claimant: the same body or one above or below it in the `parent` chain (as in scoring.py); a
  speaker the actor file lacks (a witness, a mayor) is written by name, and matches a claimant
  whose name holds the same surname;
- date: start and end both equal to gold's; a null gold date agrees with a date svidok did not
  read from the text (its `mention` is null: the publication day as an estimate);
- oblast: some place of the claim lies in the gold oblast (or one filed with it); for a null
  gold oblast, no place of the claim has an admin1;
- fatalities, injured, modality, stance (gold's optional `stance`, "asserts" by default): equal.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from svidok.evaluate.datasets import GoldClaim
from svidok.evaluate.gold_mappings import NO_CLAIM, admin1_equivalent
from svidok.evaluate.scoring import (
    ClassScore,
    ExtractedRecord,
    Metric,
    class_scores,
    claimant_name,
    harmonic_f1,
    same_voice,
    share,
)
from svidok.knowledge import actors_by_name

JsonClaim = dict[str, Any]
Pair = tuple[GoldClaim, JsonClaim]

# How many of the commonest false positives and misses the listing names, and how much of each sentence.
SHOWN_MISTAKES = 12
SHOWN_CHARACTERS = 110
MATCHED_PAIRS = "matched claim pairs"


@dataclass(frozen=True)
class ArticleMatching:
    """How one article's predicted claims pair with its gold claims."""

    record_id: str
    pairs: list[Pair]
    misses: list[GoldClaim]
    false_positives: list[JsonClaim]


@dataclass(frozen=True)
class ClaimMistake:
    """One kind of mistake (a type missed or wrongly predicted), how often, and where first."""

    kind: str  # "false positive" or "miss"
    type: str
    count: int
    example_record: str
    example_text: str


@dataclass(frozen=True)
class ArticleClaimScores:
    articles: int
    gold_claims: int
    predicted_claims: int
    matched: int
    fields: list[Metric]
    types: list[ClassScore]
    mistakes: list[ClaimMistake]

    @property
    def precision(self) -> float | None:
        return share(self.matched, self.predicted_claims)

    @property
    def recall(self) -> float | None:
        return share(self.matched, self.gold_claims)

    @property
    def f1(self) -> float | None:
        return harmonic_f1(self.precision, self.recall)


# ---- matching ------------------------------------------------------------------------------


def overlap_width(claim: JsonClaim, gold: GoldClaim) -> int | None:
    """Length of the claim's shortest evidence span overlapping the gold phrase; None if none does."""
    widths = [
        span["end"] - span["start"]
        for span in claim.get("evidence") or []
        if span["start"] < gold.end and gold.start < span["end"]
    ]
    return min(widths, default=None)


def candidates(gold: GoldClaim, predicted: list[JsonClaim]) -> list[int]:
    """Indices of the predicted claims that may match `gold`, tightest evidence first."""
    widths = [(overlap_width(claim, gold), index) for index, claim in enumerate(predicted) if claim["type"] == gold.type]
    return [index for width, index in sorted((w, i) for w, i in widths if w is not None)]


def _augment(gold_index: int, options: list[list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    """Kuhn's augmenting path: give gold claim `gold_index` a predicted claim, re-pairing others if needed."""
    for index in options[gold_index]:
        if index in seen:
            continue
        seen.add(index)
        if index not in owner or _augment(owner[index], options, owner, seen):
            owner[index] = gold_index
            return True
    return False


def match_claims(record_id: str, gold: Iterable[GoldClaim], predicted: list[JsonClaim]) -> ArticleMatching:
    """The maximum one-to-one pairing of gold and predicted claims (see the module docstring)."""
    gold_claims = list(gold)
    options = [candidates(claim, predicted) for claim in gold_claims]
    owner: dict[int, int] = {}  # predicted index -> gold index
    for gold_index in range(len(gold_claims)):
        _augment(gold_index, options, owner, set())
    paired = {gold_index: index for index, gold_index in owner.items()}
    return ArticleMatching(
        record_id=record_id,
        pairs=[(claim, predicted[paired[i]]) for i, claim in enumerate(gold_claims) if i in paired],
        misses=[claim for i, claim in enumerate(gold_claims) if i not in paired],
        false_positives=[claim for index, claim in enumerate(predicted) if index not in owner],
    )


# ---- field accuracy over matched pairs -----------------------------------------------------


def claimant_hit(gold: GoldClaim, claim: JsonClaim) -> bool:
    name = claimant_name(claim)
    if gold.claimant is None:
        return name is None
    if gold.claimant in actors_by_name():
        return same_voice(name, frozenset({gold.claimant}))
    return name is not None and _surname(gold.claimant) in name.casefold().split()


def _surname(person: str) -> str:
    # A speaker the actor file lacks is a person or body named as the text names it, in
    # English; svidok gives such a claimant the mention's (romanised) words.
    return person.casefold().split()[-1]


def date_hit(gold: GoldClaim, claim: JsonClaim) -> bool:
    event_date = claim.get("date") or {}
    if gold.date_start is None and event_date.get("mention") is None:
        # A date not read from the text (the publication day as an estimate, precision
        # `unknown`) is svidok saying the text gives none: it agrees with a null gold date.
        return True
    start, end = event_date.get("start"), event_date.get("end")
    return (start, end) == (
        gold.date_start.isoformat() if gold.date_start else None,
        gold.date_end.isoformat() if gold.date_end else None,
    )


def oblast_hit(gold: GoldClaim, claim: JsonClaim) -> bool:
    admin1s = [place.get("admin1") for place in claim.get("places") or [] if place.get("admin1")]
    if gold.admin1 is None:
        return not admin1s
    return any(admin1_equivalent(gold.admin1, admin1) for admin1 in admin1s)


FIELD_HITS: tuple[tuple[str, Callable[[GoldClaim, JsonClaim], bool]], ...] = (
    ("claimant", claimant_hit),
    ("date_exact", date_hit),
    ("oblast", oblast_hit),
    ("fatalities", lambda gold, claim: claim.get("fatalities") == gold.fatalities),
    ("injured", lambda gold, claim: claim.get("injured") == gold.injured),
    ("modality", lambda gold, claim: claim.get("modality") == gold.modality),
    ("stance", lambda gold, claim: claim.get("stance") == gold.stance),
)


def field_accuracies(pairs: list[Pair]) -> list[Metric]:
    return [
        Metric(name, sum(1 for gold, claim in pairs if hit(gold, claim)), len(pairs), MATCHED_PAIRS)
        for name, hit in FIELD_HITS
    ]


# ---- per-type scores and the mistakes listing ----------------------------------------------


def type_pairs(matchings: list[ArticleMatching]) -> list[tuple[str, str]]:
    """(gold, predicted) type labels of every claim: a pair, a miss (-> no claim) or a false positive."""
    return [
        *((gold.type, gold.type) for m in matchings for gold, _ in m.pairs),
        *((gold.type, NO_CLAIM) for m in matchings for gold in m.misses),
        *((NO_CLAIM, claim["type"]) for m in matchings for claim in m.false_positives),
    ]


def _shortened(text: str) -> str:
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 3] + "..."


def claim_sentence(claim: JsonClaim) -> str:
    spans = claim.get("evidence") or []
    return _shortened(spans[0]["text"]) if spans else "(no evidence span)"


def commonest_mistakes(matchings: list[ArticleMatching], shown: int = SHOWN_MISTAKES) -> list[ClaimMistake]:
    """The most frequent (kind, type) mistakes, each with its first occurrence as an example."""
    examples: dict[tuple[str, str], tuple[str, str]] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for m in matchings:
        found = [
            *((("false positive", c["type"]), claim_sentence(c)) for c in m.false_positives),
            *((("miss", g.type), _shortened(g.evidence)) for g in m.misses),
        ]
        for key, text in found:
            counts[key] += 1
            examples.setdefault(key, (m.record_id, text))
    return [ClaimMistake(kind, type_, n, *examples[(kind, type_)]) for (kind, type_), n in counts.most_common(shown)]


# ---- scores --------------------------------------------------------------------------------


def match_articles(extractions: list[ExtractedRecord]) -> list[ArticleMatching]:
    """The matching of every record with claim-level gold."""
    return [match_claims(e.record_id, e.gold.claims, e.claims) for e in extractions if e.gold.claims is not None]


def score_article_claims(extractions: list[ExtractedRecord]) -> ArticleClaimScores | None:
    """Claim-level scores of the records with claim-level gold; None where no record has any."""
    matchings = match_articles(extractions)
    if not matchings:
        return None
    pairs = [pair for m in matchings for pair in m.pairs]
    return ArticleClaimScores(
        articles=len(matchings),
        gold_claims=sum(len(m.pairs) + len(m.misses) for m in matchings),
        predicted_claims=sum(len(m.pairs) + len(m.false_positives) for m in matchings),
        matched=len(pairs),
        fields=field_accuracies(pairs),
        types=[c for c in class_scores(type_pairs(matchings)) if c.code != NO_CLAIM],
        mistakes=commonest_mistakes(matchings),
    )


def score_article_claims_by_language(extractions: list[ExtractedRecord]) -> dict[str, ArticleClaimScores]:
    """Claim-level scores per document language ("unknown" where none was recorded)."""
    groups: dict[str, list[ExtractedRecord]] = {}
    for e in extractions:
        groups.setdefault(e.language or "unknown", []).append(e)
    scored = {language: score_article_claims(group) for language, group in sorted(groups.items())}
    return {language: scores for language, scores in scored.items() if scores is not None}
