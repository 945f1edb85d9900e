"""Train the sentence-type classifier from the hand-written training set and save it in the package.

Reads `svidok/extract/training/types.<lang>.jsonl` (rows {"text", "type"}; `type` is a taxonomy
code or "none") and writes `svidok/extract/training/type_classifier.<lang>.npz`. Deterministic:
the solver is deterministic and the cross-validation folds use a fixed seed, so re-running on
the same training set rewrites the same model.

Run from the repository root:
    .venv/bin/python scripts/train_type_classifier.py [--language en] [--c 300]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline

from svidok.extract.classify import (
    NO_EVENT,
    TypeModel,
    model_path,
    sentence_ngrams,
    training_set_path,
)
from svidok.knowledge import load_taxonomy

SEED = 20220224
FOLDS = 5
# Inverse regularisation strengths tried; the one with the lowest cross-validated log-loss wins,
# since the pipeline thresholds probabilities and needs them honest, not just the argmax right.
C_GRID = (10.0, 30.0, 100.0, 300.0, 1000.0)


def read_training_set(path: Path) -> tuple[list[str], list[str]]:
    """Texts and labels; ValueError naming the line of any unknown label or duplicate text."""
    known = set(load_taxonomy()) | {NO_EVENT}
    texts: list[str] = []
    labels: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row["type"] not in known:
            raise ValueError(f"{path}:{number}: unknown type {row['type']!r}")
        if row["text"] in texts:
            raise ValueError(f"{path}:{number}: duplicate text {row['text']!r}")
        texts.append(row["text"])
        labels.append(row["type"])
    missing = known - set(labels)
    if missing:
        raise ValueError(f"{path}: no examples for {sorted(missing)}")
    return texts, labels


def expected_calibration_error(probabilities: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Weighted mean gap between confidence and accuracy over equal-width confidence bins."""
    confidence = probabilities.max(axis=1)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1]), 0, bins - 1)
    gaps = [abs(confidence[which == b].mean() - correct[which == b].mean()) * (which == b).sum() for b in range(bins) if (which == b).any()]
    return float(sum(gaps) / len(confidence))


def log_loss(probabilities: np.ndarray, truth: np.ndarray) -> float:
    return float(-np.mean(np.log(np.clip(probabilities[np.arange(len(truth)), truth], 1e-12, None))))


def vectorizer() -> TfidfVectorizer:
    """The features `TypeModel.scores` reproduces: sublinear TF x smoothed IDF, L2-normalised."""
    return TfidfVectorizer(analyzer=sentence_ngrams, sublinear_tf=True, smooth_idf=True, norm="l2", dtype=np.float64)


def choose_c(texts: list[str], truth: np.ndarray) -> float:
    """The C with the lowest cross-validated log-loss; prints each candidate's figures."""
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    losses: dict[float, float] = {}
    for c in C_GRID:
        pipeline = make_pipeline(vectorizer(), LogisticRegression(C=c, max_iter=3000))
        predicted = cross_val_predict(pipeline, texts, truth, cv=folds, method="predict_proba")
        losses[c] = log_loss(predicted, truth)
        correct = predicted.argmax(axis=1) == truth
        ece = expected_calibration_error(predicted, correct)
        print(f"C={c:<6} cv log-loss {losses[c]:.3f}  accuracy {correct.mean():.3f}  ECE {ece:.3f}")
    return min(losses, key=losses.__getitem__)


def train(language: str, fixed_c: float | None = None) -> None:
    texts, labels = read_training_set(training_set_path(language))
    label_names = sorted(set(labels))
    truth = np.array([label_names.index(label) for label in labels])
    chosen_c = fixed_c if fixed_c is not None else choose_c(texts, truth)
    features = vectorizer()
    matrix = features.fit_transform(texts)
    classifier = LogisticRegression(C=chosen_c, max_iter=3000).fit(matrix, truth)
    model = TypeModel(
        language=language,
        labels=tuple(label_names),
        vocabulary=tuple(features.get_feature_names_out().tolist()),
        idf=features.idf_.astype(np.float32),
        weights=classifier.coef_.T.astype(np.float32),
        intercept=classifier.intercept_.astype(np.float32),
    )
    path = model_path(language)
    model.save(path)
    # The package scores without scikit-learn: check that the saved model agrees with it.
    gap = np.abs(TypeModel.read(path).probabilities(texts) - classifier.predict_proba(matrix)).max()
    if gap > 1e-4:
        raise RuntimeError(f"saved model disagrees with scikit-learn by {gap:.2e} on the training set")
    size = path.stat().st_size / 1e6
    print(f"chose C={chosen_c}; {len(texts)} examples, {len(model.vocabulary)} n-grams -> {path} ({size:.2f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--language", default="en", help="ISO 639-1 code of the training set (default: en)")
    # The cross-validated grid takes minutes; a fixed C is for quick iterations while writing examples.
    parser.add_argument("--c", type=float, default=None, help="use this C instead of choosing one by cross-validation")
    arguments = parser.parse_args()
    train(arguments.language, arguments.c)


if __name__ == "__main__":
    main()
