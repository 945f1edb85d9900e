"""Fit the logistic calibration of claim confidence and write `knowledge/data/confidence.toml`.

Runs extraction over the development files (`../shared/data/*.jsonl`, or `$SVIDOK_SHARED/data`)
and svidok's annotated fixtures, observes the `ConfidenceSignals` behind every claim, judges
each claim right or wrong as `svidok.evaluate.scoring` defines it, and fits one logistic
regression over `confidence.FEATURE_NAMES`. It prints the held-out expected calibration error
of each data set (5-fold cross-validation, folds by record so that a record's claims are never
split) and, separately, the error on the annotated fixtures of a fit that never saw them. Only
the coefficients are written; no dev row leaves `../shared`. Deterministic: same data, same file.

    .venv/bin/python scripts/fit_confidence.py [--limit N] [--dry-run]
"""
from __future__ import annotations

import argparse
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from unittest import mock

import numpy as np
from sklearn.linear_model import LogisticRegression

from svidok.evaluate.datasets import load_dev_records
from svidok.evaluate.run import document_for_record
from svidok.evaluate.scoring import claim_is_correct, expected_calibration_error
from svidok.extract import extract, pipeline
from svidok.extract import claim_builder
from svidok.extract.confidence import (
    CONFIDENCE_FILE,
    FEATURE_NAMES,
    ConfidenceSignals,
    confidence_features,
    probability_from_features,
)
from svidok.records import Claim

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "svidok" / "knowledge" / "data" / CONFIDENCE_FILE
DEV_FILES = ("cir_monitor_to_2022-08.jsonl", "bellingcat_civharm_to_2023-06.jsonl", "ucdp_ukraine_2014_2021.jsonl")
FIXTURES = tuple(REPO / "tests" / "extract" / "fixtures" / f"annotated.{language}.jsonl" for language in ("en", "uk", "ru"))
FOLDS = 5
# Mild L2 penalty: a dozen coefficients on thousands of claims need little, but rare signals
# (a canonical claimant in a map caption) should not get extreme weights from a handful of rows.
REGULARISATION_C = 1.0


@dataclass(frozen=True)
class JudgedClaim:
    group: str  # data set name, or "annotated.<language>"
    record_id: str
    claim_type: str
    features: tuple[float, ...]
    correct: bool


def shared_data_dir() -> Path:
    configured = os.environ.get("SVIDOK_SHARED")
    return (Path(configured) if configured else REPO / ".." / "shared") / "data"


@contextmanager
def observed_signals() -> Iterator[dict[int, tuple[Claim, tuple[float, ...]]]]:
    """While active, maps id(claim) -> (claim, features) for every claim the pipeline builds.

    Extraction's output is unchanged; a claim merged into an earlier one (a continuing
    statement) is simply never looked up. The claim is kept so that its id is not reused.
    """
    seen: dict[int, tuple[Claim, tuple[float, ...]]] = {}
    build = pipeline.build_claim
    score = claim_builder.claim_confidence
    # The signals of the claim being built: `build_claim` scores each claim exactly once.
    latest: list[tuple[float, ...]] = []

    def score_and_observe(signals: ConfidenceSignals) -> float:
        latest[:] = [confidence_features(signals)]
        return score(signals)

    def build_and_observe(inputs, trigger, lexicon):  # type: ignore[no-untyped-def]
        claim = build(inputs, trigger, lexicon)
        seen[id(claim)] = (claim, latest[0])
        return claim

    with mock.patch.object(claim_builder, "claim_confidence", score_and_observe), mock.patch.object(
        pipeline, "build_claim", build_and_observe
    ):
        yield seen


def judge_file(path: Path, group_of: str | None, limit: int | None) -> list[JudgedClaim]:
    dataset_format, records = load_dev_records(path, limit, sample_seed=0 if limit else None)
    group = group_of or dataset_format.name
    judged = []
    with observed_signals() as seen:
        for record in records:
            seen.clear()
            claims = extract(document_for_record(record, str(path))).claims
            for claim in claims:
                correct = claim_is_correct(claim.to_json(), record.gold)
                if correct is not None:
                    judged.append(JudgedClaim(group, record.id, claim.type, seen[id(claim)][1], correct))
    print(f"{group}: {len(records)} records, {len(judged)} judged claims", flush=True)
    return judged


def fit(claims: list[JudgedClaim]) -> np.ndarray:
    x = np.array([c.features for c in claims])
    y = np.array([c.correct for c in claims])
    # The intercept is one of the features, so the model adds none of its own.
    model = LogisticRegression(C=REGULARISATION_C, fit_intercept=False, max_iter=5000)
    model.fit(x, y)
    return model.coef_[0]


def fold_of(claim: JudgedClaim) -> int:
    return zlib.crc32(f"{claim.group}/{claim.record_id}".encode()) % FOLDS


def held_out_predictions(claims: list[JudgedClaim]) -> list[float]:
    predictions = [0.0] * len(claims)
    for fold in range(FOLDS):
        coefficients = fit([c for c in claims if fold_of(c) != fold])
        for index, claim in enumerate(claims):
            if fold_of(claim) == fold:
                predictions[index] = probability_from_features(claim.features, tuple(coefficients))
    return predictions


def ece_by_group(claims: list[JudgedClaim], predictions: list[float]) -> dict[str, tuple[int, float | None]]:
    groups = sorted({c.group for c in claims})
    result = {}
    for group in groups:
        judged = [(p, c.correct) for c, p in zip(claims, predictions) if c.group == group]
        result[group] = (len(judged), expected_calibration_error(judged))
    result["all"] = (len(claims), expected_calibration_error([(p, c.correct) for c, p in zip(claims, predictions)]))
    return result


def format_eces(eces: dict[str, tuple[int, float | None]]) -> list[str]:
    return [f"{group:<20} claims {n:>6}  ECE {ece:.3f}" for group, (n, ece) in eces.items() if ece is not None]


def write_coefficients(coefficients: np.ndarray, sources: list[str], report: list[str]) -> None:
    lines = [
        "# Logistic calibration of claim confidence (svidok/extract/confidence.py):",
        "# confidence = sigmoid(sum of coefficient * feature), features as in FEATURE_NAMES.",
        "# A claim counts as right when its type is one the record's gold accepts",
        "# (svidok/evaluate/scoring.py states the rule per data set).",
        f"# Fitted {date.today().isoformat()} by scripts/fit_confidence.py on:",
        *(f"#   {source}" for source in sources),
        "# Expected calibration error (10 bins), held out by 5-fold cross-validation:",
        *(f"#   {line}" for line in report),
        "",
        "[coefficients]",
        *(f"{name} = {value:.4f}" for name, value in zip(FEATURE_NAMES, coefficients)),
    ]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="at most N records per development file (seeded sample)")
    parser.add_argument("--dry-run", action="store_true", help="report the errors without writing the file")
    args = parser.parse_args()
    data_dir = shared_data_dir()
    missing = [name for name in DEV_FILES if not (data_dir / name).exists()]
    if missing:
        raise SystemExit(f"{data_dir}: development files {missing} are absent (set SVIDOK_SHARED)")
    dev = [c for name in DEV_FILES for c in judge_file(data_dir / name, None, args.limit)]
    fixtures = [c for path in FIXTURES for c in judge_file(path, path.stem, None)]
    claims = dev + fixtures

    held_out = format_eces(ece_by_group(claims, held_out_predictions(claims)))
    dev_only = tuple(fit(dev))
    unseen = format_eces(ece_by_group(fixtures, [probability_from_features(c.features, dev_only) for c in fixtures]))
    coefficients = fit(claims)
    if coefficients[FEATURE_NAMES.index("model_logit")] <= 0:
        raise SystemExit("the fitted weight of the model probability is not positive: confidence would not rise with it")
    in_sample = format_eces(ece_by_group(claims, [probability_from_features(c.features, tuple(coefficients)) for c in claims]))

    report = [*held_out, "annotated fixtures under a fit on the development files only:", *unseen]
    print("held-out (5-fold) ECE:", *held_out, sep="\n  ")
    print("annotated fixtures, fit without them:", *unseen, sep="\n  ")
    print("in-sample ECE of the final fit:", *in_sample, sep="\n  ")
    print("coefficients:", *(f"{n} = {v:.4f}" for n, v in zip(FEATURE_NAMES, coefficients)), sep="\n  ")
    if not args.dry_run:
        sources = [f"{name} ({'sample of ' + str(args.limit) if args.limit else 'all rows'})" for name in DEV_FILES]
        sources += [f"tests/extract/fixtures/{path.name}" for path in FIXTURES]
        write_coefficients(coefficients, sources, report)
        print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
