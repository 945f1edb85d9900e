"""Present scorecards: a plain-text table for people, a JSON object for machines."""
from __future__ import annotations

from typing import Any

from svidok.evaluate.acled_types import AcledTypeScores
from svidok.evaluate.article_claims import ArticleClaimScores
from svidok.evaluate.scoring import Calibration, ClassScore, Metric, ReliabilityBin, Scorecard


def _value(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _metric_row(metric: Metric) -> str:
    row = f"  {metric.name:<20} {_value(metric.value):>6}  {f'{metric.hits}/{metric.total}':>11}  {metric.denominator}"
    if metric.answered is None:
        return row
    # The value is the field's recall; its precision counts only the records svidok answered.
    return f"{row}; precision {_value(metric.precision)} ({metric.answered_hits}/{metric.answered}), F1 {_value(metric.f1)}"


def _class_row(score: ClassScore, width: int = 26) -> str:
    return f"  {score.code:<{width}} {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f} {score.support:>7}"


def _class_json(score: ClassScore, label: str = "code") -> dict[str, Any]:
    return {label: score.code, "precision": score.precision, "recall": score.recall, "f1": score.f1, "support": score.support}


def render_table(card: Scorecard, heading: str) -> str:
    """The scorecard as an aligned text table, classification details after the metrics."""
    lines = [
        f"{heading}: {card.records} records, {card.failures} extraction failures, {card.skipped} skipped",
        f"  {'metric':<20} {'value':>6}  {'hits/total':>11}  denominator",
        *(_metric_row(metric) for metric in card.metrics),
        *(_metric_row(metric) for metric in card.coverage),
    ]
    if card.type_classes:
        support = sum(c.support for c in card.type_classes)
        lines.append(
            f"  {'type_macro_f1':<20} {_value(card.type_macro_f1):>6}  {f'n={support}':>11}  "
            "records whose gold category maps to a taxonomy code"
        )
        lines.append(f"  {'type class':<26} {'prec':>6} {'recall':>6} {'f1':>6} {'support':>7}")
        lines.extend(
            _class_row(c)
            for c in card.type_classes
        )
        lines.append("  confusion (gold -> primary claim's type: count)")
        for gold, row in card.confusion.items():
            predicted = ", ".join(f"{label} {n}" for label, n in sorted(row.items(), key=lambda item: -item[1]))
            lines.append(f"    {gold}: {predicted}")
    if card.calibration is not None:
        lines.extend(_calibration_rows(card.calibration))
    return "\n".join(lines)


def _calibration_rows(calibration: Calibration) -> list[str]:
    return [
        f"  {'calibration_ece':<20} {_value(calibration.expected_calibration_error):>6}  "
        f"{f'n={calibration.claims}':>11}  claims whose type the gold can judge (every claim of a record)",
        f"  {'confidence bin':<26} {'claims':>7} {'mean conf':>9} {'accuracy':>8}",
        *(
            f"  {f'{b.low:.1f}-{b.high:.1f}':<26} {b.count:>7} {_value(b.mean_confidence):>9} {_value(b.accuracy):>8}"
            for b in calibration.bins
        ),
    ]


def _bin_json(b: ReliabilityBin) -> dict[str, Any]:
    return {"low": b.low, "high": b.high, "count": b.count, "mean_confidence": b.mean_confidence, "accuracy": b.accuracy}


def _metric_json(metric: Metric) -> dict[str, Any]:
    return {
        "value": metric.value,
        "hits": metric.hits,
        "total": metric.total,
        "denominator": metric.denominator,
        "answered": metric.answered,
        "answered_hits": metric.answered_hits,
        "precision": metric.precision,
        "f1": metric.f1,
    }


def scorecard_json(card: Scorecard) -> dict[str, Any]:
    return {
        "dataset": card.dataset,
        "records": card.records,
        "failures": card.failures,
        "skipped": card.skipped,
        "metrics": {m.name: _metric_json(m) for m in card.metrics},
        "coverage": {m.name: _metric_json(m) for m in card.coverage},
        "type_macro_f1": card.type_macro_f1,
        "type_classes": [_class_json(c) for c in card.type_classes],
        "confusion": card.confusion,
        "calibration": None
        if card.calibration is None
        else {
            "claims": card.calibration.claims,
            "expected_calibration_error": card.calibration.expected_calibration_error,
            "bins": [_bin_json(b) for b in card.calibration.bins],
        },
    }


# How many record ids each listed ACLED confusion names.
SHOWN_CONFUSION_IDS = 4


def render_acled_table(scores: AcledTypeScores, heading: str) -> str:
    """ACLED typing scores as an aligned text table: summary, per-class table, commonest mistakes."""
    lines = [
        f"{heading}: {scores.records} records with ACLED gold (prediction: most confident ACLED-typed claim)",
        f"  {'acled_event_type_acc':<22} {_value(scores.event_type_accuracy):>6}  {scores.event_type_hits}/{scores.records}",
        f"  {'acled_sub_type_acc':<22} {_value(scores.sub_type_accuracy):>6}  {scores.sub_type_hits}/{scores.records}",
        f"  {'acled_macro_f1':<22} {_value(scores.macro_f1):>6}  over the sub-event types in the gold, not (none)",
        f"  {'acled_weighted_f1':<22} {_value(scores.weighted_f1):>6}  the same, weighted by support",
        f"  {'sub-event type':<36} {'prec':>6} {'recall':>6} {'f1':>6} {'support':>7}",
        *(
            _class_row(c, 36)
            for c in scores.classes
        ),
        "  commonest mistakes (gold -> predicted: count, e.g. records)",
        *(
            f"    {m.gold} -> {m.predicted}: {m.count}  ({', '.join(m.record_ids[:SHOWN_CONFUSION_IDS])})"
            for m in scores.confusions
        ),
    ]
    return "\n".join(lines)


def acled_scores_json(scores: AcledTypeScores) -> dict[str, Any]:
    return {
        "records": scores.records,
        "event_type_accuracy": scores.event_type_accuracy,
        "sub_type_accuracy": scores.sub_type_accuracy,
        "macro_f1": scores.macro_f1,
        "weighted_f1": scores.weighted_f1,
        "classes": [_class_json(c, "sub_event_type") for c in scores.classes],
        "confusions": [
            {"gold": m.gold, "predicted": m.predicted, "count": m.count, "records": list(m.record_ids)}
            for m in scores.confusions
        ],
    }


def render_article_claims_table(scores: ArticleClaimScores, heading: str) -> str:
    """Claim-level scores as an aligned text table: P/R/F1, field accuracies, per type, commonest mistakes."""
    lines = [
        f"{heading}: {scores.articles} articles, {scores.gold_claims} gold claims, "
        f"{scores.predicted_claims} predicted, {scores.matched} matched (same type, overlapping evidence)",
        f"  {'claim_precision':<20} {_value(scores.precision):>6}  {f'{scores.matched}/{scores.predicted_claims}':>11}  predicted claims",
        f"  {'claim_recall':<20} {_value(scores.recall):>6}  {f'{scores.matched}/{scores.gold_claims}':>11}  gold claims",
        f"  {'claim_f1':<20} {_value(scores.f1):>6}",
        *(_metric_row(metric) for metric in scores.fields),
        f"  {'claim type':<26} {'prec':>6} {'recall':>6} {'f1':>6} {'support':>7}",
        *(_class_row(c) for c in scores.types),
        "  commonest mistakes (kind type: count, first example)",
        *(f"    {m.kind} {m.type}: {m.count}  [{m.example_record}] {m.example_text}" for m in scores.mistakes),
    ]
    return "\n".join(lines)


def article_claims_json(scores: ArticleClaimScores) -> dict[str, Any]:
    return {
        "articles": scores.articles,
        "gold_claims": scores.gold_claims,
        "predicted_claims": scores.predicted_claims,
        "matched": scores.matched,
        "precision": scores.precision,
        "recall": scores.recall,
        "f1": scores.f1,
        "fields": {m.name: _metric_json(m) for m in scores.fields},
        "types": [_class_json(c) for c in scores.types],
        "mistakes": [
            {"kind": m.kind, "type": m.type, "count": m.count, "example_record": m.example_record,
             "example_text": m.example_text}
            for m in scores.mistakes
        ],
    }
