"""Train the ACLED sub-event classifier over sentence vectors and save it in the package.

Training data: `svidok/extract/training/acled.<lang>.jsonl`, rows {"text", "acled_event_type",
"acled_sub_event_type"}, both null for a text that reports nothing ACLED would code. The
examples were written for svidok, in the codebook's sense of each sub-event type, about
conflicts around the world. The labelled snippet sets `svidok eval` scores (under
tests/extract/fixtures) are trained on too, except the held-out one
(`acled_snippets.heldout.jsonl`), which stays the fair measure: figures on the others are
in-sample.

Features are the e5 vectors of `svidok.extract.sentence_vectors`; the model is a multinomial
logistic regression whose C is chosen by cross-validated log-loss. The saved `.npz` holds
only weights and label names.

Run from the repository root:
    .venv/bin/python scripts/train_acled_classifier.py
then measure with
    .venv/bin/svidok eval tests/extract/fixtures/acled_snippets.heldout.jsonl
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from svidok.extract.acled_coding import acled_model_path, acled_training_set_path
from svidok.extract.classify import NO_EVENT
from svidok.extract.sentence_vectors import VectorClassifier, sentence_vectors
from svidok.knowledge import load_acled_codebook

LANGUAGES = ("en", "uk", "ru")
REPOSITORY = Path(__file__).resolve().parents[1]
SNIPPET_SETS = tuple(REPOSITORY / "tests" / "extract" / "fixtures" / f"acled_snippets.{name}.jsonl" for name in ("dev", "uk", "ru"))
SEED = 20220224
FOLDS = 5
C_GRID = (10.0, 30.0, 100.0, 300.0, 1000.0)
AGREEMENT_TOLERANCE = 1e-4


def read_examples(path: Path) -> tuple[list[str], list[str]]:
    """Texts and labels (a sub-event type or `NO_EVENT`) of a training set, or of a snippet set
    (labels under "gold"); ValueError naming the line of an unknown or inconsistent type, or
    of a duplicate text."""
    if not path.exists():
        print(f"{path}: not found, trained without it")
        return [], []
    codebook = load_acled_codebook()
    texts: list[str] = []
    labels: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row: dict[str, Any] = json.loads(line)
        types = row.get("gold", row)
        event, sub = types["acled_event_type"], types["acled_sub_event_type"]
        if (event is None) != (sub is None) or (sub is not None and sub not in codebook.get(event, ())):
            raise ValueError(f"{path}:{number}: {event!r} / {sub!r} is not an ACLED event / sub-event type pair")
        if row["text"] in texts:
            raise ValueError(f"{path}:{number}: duplicate text {row['text'][:60]!r}")
        texts.append(row["text"])
        labels.append(sub or NO_EVENT)
    print(f"{path.name}: {len(texts)} examples")
    return texts, labels


def choose_c(vectors: np.ndarray, truth: np.ndarray) -> float:
    """The C with the lowest cross-validated log-loss; prints each candidate's figures."""
    folds = list(StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED).split(vectors, truth))
    losses: dict[float, float] = {}
    for c in C_GRID:
        predicted = np.zeros((len(truth), truth.max() + 1))
        for train_rows, test_rows in folds:
            classifier = LogisticRegression(C=c, max_iter=5000).fit(vectors[train_rows], truth[train_rows])
            predicted[np.ix_(test_rows, classifier.classes_)] = classifier.predict_proba(vectors[test_rows])
        losses[c] = float(-np.mean(np.log(np.clip(predicted[np.arange(len(truth)), truth], 1e-12, None))))
        accuracy = float((predicted.argmax(axis=1) == truth).mean())
        print(f"C={c:<6} cv log-loss {losses[c]:.3f}  accuracy {accuracy:.3f}")
    return min(losses, key=losses.__getitem__)


def train(fixed_c: float | None) -> None:
    texts: list[str] = []
    labels: list[str] = []
    for path in [acled_training_set_path(language) for language in LANGUAGES] + list(SNIPPET_SETS):
        set_texts, set_labels = read_examples(path)
        texts += set_texts
        labels += set_labels
    names = tuple(sorted(set(labels)))
    missing = {sub for subs in load_acled_codebook().values() for sub in subs} - set(names)
    if missing:
        raise ValueError(f"no training examples for {sorted(missing)}")
    print(f"{len(texts)} examples; fewest for one label: {min(Counter(labels).values())}")
    vectors = sentence_vectors(texts)
    truth = np.array([names.index(label) for label in labels])
    c = fixed_c if fixed_c is not None else choose_c(vectors, truth)
    classifier = LogisticRegression(C=c, max_iter=5000).fit(vectors, truth)
    model = VectorClassifier(names, classifier.coef_.T.astype(np.float32), classifier.intercept_.astype(np.float32))
    path = acled_model_path()
    model.save(path)
    gap = np.abs(VectorClassifier.read(path).probabilities(vectors) - classifier.predict_proba(vectors)).max()
    if gap > AGREEMENT_TOLERANCE:
        raise RuntimeError(f"{path}: the saved model disagrees with scikit-learn by {gap:.2e}")
    print(f"chose C={c}; {len(names)} labels -> {path} ({path.stat().st_size / 1e3:.0f} kB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--c", type=float, default=None, help="use this C instead of choosing one by cross-validation")
    train(parser.parse_args().c)


if __name__ == "__main__":
    main()
