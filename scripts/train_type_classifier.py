"""Train the sentence-type classifier and save it in the package; report an honest time-split figure.

Training data:
- the hand-written examples `svidok/extract/training/types.<lang>.jsonl` (rows {"text", "type"};
  `type` is a taxonomy code or "none");
- for English, the development data's labelled rows, read from ../shared/data (or
  $SVIDOK_SHARED/data) at training time and never copied: CIR captions whose category maps to a
  taxonomy code, Bellingcat rows as the code the gold mappings give them, word-less captions
  ("Image 3") as "none" (`training/dev_training.toml` says which and how much they weigh).
  Without the shared folder the model is trained on the hand-written examples alone, and the
  script says so.

The features are the hashed n-grams of `svidok.extract.classify`, so the saved `.npz` holds
bucket numbers and weights, never text.

Evaluation (English, with the dev data): each dev file is split by publication date; a model
trained on the hand-written examples plus the earlier rows is scored on the later rows, by the
classifier alone and through the whole extraction pipeline (`svidok eval`), beside the
hand-written-only model on the same rows. That time-split figure is the one to quote; the
in-sample figure (`svidok eval` on the full files once the saved model has seen every row)
flatters. The saved model is then trained on all rows.

Deterministic: the solver is deterministic and the cross-validation folds use a fixed seed.

Run from the repository root:
    .venv/bin/python scripts/train_type_classifier.py [--language en] [--c 30] [--no-split-report]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from svidok.evaluate.datasets import DevRecord, load_dev_records
from svidok.evaluate.gold_mappings import NO_SVIDOK_CODE
from svidok.evaluate.scoring import class_scores, macro_f1
from svidok.extract.classify import (
    BUCKETS,
    MODEL_FOLDER_VARIABLE,
    NO_EVENT,
    TypeModel,
    model_path,
    sentence_buckets,
    training_set_path,
)
from svidok.knowledge import load_taxonomy

SEED = 20220224
FOLDS = 5
# Inverse regularisation strengths tried; the one with the lowest cross-validated log-loss wins,
# since the pipeline thresholds probabilities and needs them honest, not just the argmax right.
C_GRID = (10.0, 30.0, 100.0, 300.0, 1000.0)
# The dev data is English: the other languages' models learn from hand-written examples only.
DEV_LANGUAGE = "en"
# The C the hand-written English examples are fitted with when they settle dev rows' labels.
DEV_LANGUAGE_C = 100.0
# Saved weights are float16: scoring may differ from scikit-learn's float64 by this much.
AGREEMENT_TOLERANCE = 5e-3
REPOSITORY = Path(__file__).resolve().parents[1]
DEV_SETTINGS = REPOSITORY / "svidok" / "extract" / "training" / "dev_training.toml"


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    weight: float


@dataclass(frozen=True)
class DevRow:
    """A labelled development row: which file, when it was published, its text and training label."""

    file: str
    published: str
    text: str
    label: str
    # The gold's own code (what the evaluation scores), before any settling of the label.
    gold_code: str
    # Every code the gold accepts for the row ("Civilian Casualty" rows accept
    # attack_on_civilians beside killing; Bellingcat rows accept both).
    accepted: frozenset[str]


@dataclass(frozen=True)
class DevSettings:
    files: tuple[str, ...]
    dev_share: float
    class_balance: float
    split_train_share: float
    no_event_captions: tuple[re.Pattern[str], ...]


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


def read_dev_settings(path: Path = DEV_SETTINGS) -> DevSettings:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return DevSettings(
        files=tuple(data["files"]),
        dev_share=float(data["dev_share"]),
        class_balance=float(data["class_balance"]),
        split_train_share=float(data["split_train_share"]),
        no_event_captions=tuple(re.compile(p, re.IGNORECASE) for p in data["no_event_captions"]),
    )


def shared_data_dir() -> Path:
    configured = os.environ.get("SVIDOK_SHARED")
    return (Path(configured) if configured else REPOSITORY / ".." / "shared") / "data"


def dev_label(record: DevRecord, settings: DevSettings) -> str | None:
    """The label a dev row teaches: "none" for a word-less caption, its gold code, or None (left out)."""
    if any(pattern.fullmatch(record.text.strip()) for pattern in settings.no_event_captions):
        return NO_EVENT
    code = record.gold.type
    return code if code is not None and code != NO_SVIDOK_CODE else None


def read_dev_rows(data_dir: Path, settings: DevSettings) -> list[DevRow]:
    """The labelled rows of every configured dev file present; prints what it read or skipped."""
    rows: list[DevRow] = []
    for name in settings.files:
        path = data_dir / name
        if not path.exists():
            print(f"dev data: {path} not found, trained without it")
            continue
        _, records = load_dev_records(path)
        labelled = [(record, dev_label(record, settings)) for record in records]
        kept = [
            DevRow(name, str(r.fields["published"]), r.text, label, label, r.gold.accepted_types or frozenset({label}))
            for r, label in labelled
            if label is not None
        ]
        print(f"dev data: {name}: {len(kept)} of {len(records)} rows labelled ({len(records) - len(kept)} without a code left out)")
        rows.extend(kept)
    return rows


def settle_accepted_labels(rows: list[DevRow], hand_written: TypeModel) -> list[DevRow]:
    """Rows whose gold accepts several codes, taught as the accepted code the hand-written model prefers.

    "13 reported dead in the east" is a Bellingcat row, hence `attack_on_civilians` by the gold
    mappings, which accept `killing` as well; taught as an attack it would teach that deaths are
    attacks. Where the hand-written model's best code is another accepted one, that one is taught.
    """
    multiple = [i for i, row in enumerate(rows) if len(row.accepted) > 1]
    settled = list(rows)
    if not multiple:
        return settled
    probabilities = hand_written.probabilities([rows[i].text for i in multiple])
    for i, row_probabilities in zip(multiple, probabilities, strict=True):
        best = hand_written.labels[int(row_probabilities.argmax())]
        if best in rows[i].accepted and best != rows[i].label:
            settled[i] = replace(rows[i], label=best)
    changed = sum(a.label != b.label for a, b in zip(rows, settled, strict=True))
    print(f"dev data: {changed} rows accepting several codes taught as the one the hand-written model prefers")
    return settled


def time_split(rows: list[DevRow], train_share: float) -> tuple[list[DevRow], list[DevRow], dict[str, str]]:
    """Per file, rows published before the cut date (the `train_share` quantile) and the rest."""
    earlier: list[DevRow] = []
    later: list[DevRow] = []
    cuts: dict[str, str] = {}
    for name in sorted({row.file for row in rows}):
        dates = sorted(row.published for row in rows if row.file == name)
        cuts[name] = dates[int(len(dates) * train_share)]
        for row in rows:
            if row.file == name:
                (earlier if row.published < cuts[name] else later).append(row)
    return earlier, later, cuts


def combined_examples(texts: list[str], labels: list[str], dev_rows: list[DevRow], settings: DevSettings) -> list[Example]:
    """Hand-written examples at weight 1, dev rows sharing `dev_share` x the hand-written total.

    A dev row's weight falls with its label's frequency among the dev rows (`class_balance`
    is the exponent), so that 4,000 captions of damaged buildings do not teach the model that
    every caption is one.
    """
    examples = [Example(text, label, 1.0) for text, label in zip(texts, labels, strict=True)]
    if dev_rows:
        frequency = Counter(row.label for row in dev_rows)
        raw = [frequency[row.label] ** -settings.class_balance for row in dev_rows]
        scale = settings.dev_share * len(texts) / sum(raw)
        examples.extend(Example(row.text, row.label, weight * scale) for row, weight in zip(dev_rows, raw, strict=True))
    return examples


def bucket_counts(texts: list[str]) -> sparse.csr_matrix:
    """Texts x hashed columns: how often each column's n-grams occur (what `TypeModel` counts)."""
    indptr = [0]
    indices: list[int] = []
    for text in texts:
        indices.extend(sentence_buckets(text))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    matrix = sparse.csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=(len(texts), BUCKETS))
    matrix.sum_duplicates()
    return matrix


@dataclass(frozen=True)
class Fitted:
    labels: tuple[str, ...]
    transformer: TfidfTransformer
    classifier: LogisticRegression
    columns: np.ndarray  # the hashed columns that occur in the training texts

    def probabilities(self, counts: sparse.csr_matrix) -> np.ndarray:
        return self.classifier.predict_proba(self.transformer.transform(counts[:, self.columns]))

    def type_model(self, language: str) -> TypeModel:
        """The numpy-only model: IDF and weights of the columns seen in training (the rest are 0)."""
        return TypeModel(
            language=language,
            labels=self.labels,
            buckets=self.columns.astype(np.int32),
            idf=self.transformer.idf_.astype(np.float32),
            weights=self.classifier.coef_.T.astype(np.float32),
            intercept=self.classifier.intercept_.astype(np.float32),
        )


def fit(examples: list[Example], c: float) -> Fitted:
    """Sublinear TF x smoothed IDF, L2-normalised, then a weighted multinomial logistic regression."""
    labels = tuple(sorted({e.label for e in examples}))
    all_counts = bucket_counts([e.text for e in examples])
    # Only the columns that occur are fitted: under L2 the others would stay exactly 0, and
    # leaving them out makes the solver's vectors 10-30 times shorter.
    columns = np.flatnonzero(np.asarray(all_counts.getnnz(axis=0)))
    counts = all_counts[:, columns]
    transformer = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2").fit(counts)
    truth = np.array([labels.index(e.label) for e in examples])
    weights = np.array([e.weight for e in examples])
    classifier = LogisticRegression(C=c, max_iter=3000).fit(transformer.transform(counts), truth, sample_weight=weights)
    return Fitted(labels, transformer, classifier, columns)


def expected_calibration_error(probabilities: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Weighted mean gap between confidence and accuracy over equal-width confidence bins."""
    confidence = probabilities.max(axis=1)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1]), 0, bins - 1)
    gaps = [abs(confidence[which == b].mean() - correct[which == b].mean()) * (which == b).sum() for b in range(bins) if (which == b).any()]
    return float(sum(gaps) / len(confidence))


def choose_c(examples: list[Example]) -> float:
    """The C with the lowest cross-validated (weighted) log-loss; prints each candidate's figures."""
    labels = sorted({e.label for e in examples})
    truth = np.array([labels.index(e.label) for e in examples])
    weights = np.array([e.weight for e in examples])
    folds = list(StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED).split(truth, truth))
    losses: dict[float, float] = {}
    for c in C_GRID:
        predicted = np.zeros((len(examples), len(labels)))
        for train_rows, test_rows in folds:
            fitted = fit([examples[i] for i in train_rows], c)
            probabilities = fitted.probabilities(bucket_counts([examples[i].text for i in test_rows]))
            predicted[np.ix_(test_rows, [labels.index(label) for label in fitted.labels])] = probabilities
        right = np.clip(predicted[np.arange(len(truth)), truth], 1e-12, None)
        losses[c] = float(-np.average(np.log(right), weights=weights))
        correct = predicted.argmax(axis=1) == truth
        ece = expected_calibration_error(predicted, correct)
        print(f"C={c:<6} cv log-loss {losses[c]:.3f}  accuracy {correct.mean():.3f}  ECE {ece:.3f}")
    return min(losses, key=losses.__getitem__)


def save_model(fitted: Fitted, language: str, path: Path, check_texts: list[str]) -> TypeModel:
    """Write the numpy-only model and check it scores as scikit-learn does on `check_texts`."""
    model = fitted.type_model(language)
    model.save(path)
    saved = TypeModel.read(path)
    gap = np.abs(saved.probabilities(check_texts) - fitted.probabilities(bucket_counts(check_texts))).max()
    if gap > AGREEMENT_TOLERANCE:
        raise RuntimeError(f"{path}: the saved model disagrees with scikit-learn by {gap:.2e} on the training texts")
    return saved


# ---- time-split evaluation ------------------------------------------------------------------


def classifier_scores(model: TypeModel, rows: list[DevRow]) -> tuple[float, float, dict[str, float]]:
    """Accuracy, macro-F1 and per-class F1 of the model's argmax on rows with a taxonomy code."""
    scored = [row for row in rows if row.gold_code != NO_EVENT]
    probabilities = model.probabilities([row.text for row in scored])
    pairs = [(row.gold_code, model.labels[int(best)]) for row, best in zip(scored, probabilities.argmax(axis=1), strict=True)]
    accuracy = sum(gold == predicted for gold, predicted in pairs) / len(pairs)
    return accuracy, macro_f1(pairs) or 0.0, {s.code: s.f1 for s in class_scores(pairs)}


def pipeline_figures(model_folder: Path, rows_file: Path) -> list[str]:
    """`svidok eval` on `rows_file` with the models in `model_folder`: its type lines."""
    environment = {**os.environ, MODEL_FOLDER_VARIABLE: str(model_folder)}
    command = [str(Path(sys.executable).with_name("svidok")), "eval", str(rows_file)]
    output = subprocess.run(command, capture_output=True, text=True, env=environment, check=True).stdout
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if "type_macro_f1" in line)
    end = next(i for i, line in enumerate(lines) if "confusion" in line)
    accuracy = [line for line in lines if "type_accuracy" in line]
    return accuracy + lines[start:end]


def report_time_split(
    texts: list[str], labels: list[str], dev_rows: list[DevRow], data_dir: Path, settings: DevSettings, c: float
) -> None:
    """Train on hand-written + earlier dev rows; score later rows against the hand-written-only model."""
    earlier, later, cuts = time_split(dev_rows, settings.split_train_share)
    print(f"\n## Time split: trained on rows published before {cuts}, scored on the later ones")
    print(f"   ({len(earlier)} earlier rows trained on, {len(later)} later rows scored)\n")
    other_models = [model_path(language) for language in ("uk", "ru") if model_path(language).exists()]
    with tempfile.TemporaryDirectory(prefix="svidok-split-") as scratch:
        folders = {"hand-written only": Path(scratch) / "hand", "hand-written + earlier dev rows": Path(scratch) / "dev"}
        trained = {
            "hand-written only": combined_examples(texts, labels, [], settings),
            "hand-written + earlier dev rows": combined_examples(texts, labels, earlier, settings),
        }
        models: dict[str, TypeModel] = {}
        for name, examples in trained.items():
            folders[name].mkdir()
            for other in other_models:
                (folders[name] / other.name).write_bytes(other.read_bytes())
            fitted = fit(examples, c)
            models[name] = save_model(fitted, DEV_LANGUAGE, folders[name] / f"type_classifier.{DEV_LANGUAGE}.npz", texts[:200])
        for file_name in sorted(cuts):
            file_rows = [row for row in later if row.file == file_name]
            print(f"### {file_name}, rows from {cuts[file_name]} on: classifier alone (argmax)\n")
            for name, model in models.items():
                accuracy, f1, per_class = classifier_scores(model, file_rows)
                classes = ", ".join(f"{label} {value:.2f}" for label, value in sorted(per_class.items()))
                print(f"- {name}: accuracy {accuracy:.3f}, macro-F1 {f1:.3f} ({classes})")
            later_ids = {row.text for row in file_rows}
            _, records = load_dev_records(data_dir / file_name)
            rows_file = Path(scratch) / file_name
            rows_file.write_bytes(b"\n".join(r.line for r in records if str(r.fields["published"]) >= cuts[file_name] and r.text in later_ids) + b"\n")
            print(f"\n### {file_name}, rows from {cuts[file_name]} on: whole pipeline (svidok eval)\n")
            for name, folder in folders.items():
                print(f"- {name}:")
                for line in pipeline_figures(folder, rows_file):
                    print(f"    {line}")
            print()


def train(language: str, fixed_c: float | None, split_report: bool) -> None:
    texts, labels = read_training_set(training_set_path(language))
    dev_rows: list[DevRow] = []
    settings = read_dev_settings()
    data_dir = shared_data_dir()
    if language == DEV_LANGUAGE:
        if data_dir.exists():
            hand_written = fit(combined_examples(texts, labels, [], settings), fixed_c or DEV_LANGUAGE_C).type_model(language)
            dev_rows = settle_accepted_labels(read_dev_rows(data_dir, settings), hand_written)
        else:
            print(f"dev data: {data_dir} not found; training on the hand-written examples only")
    examples = combined_examples(texts, labels, dev_rows, settings)
    chosen_c = fixed_c if fixed_c is not None else choose_c(examples)
    fitted = fit(examples, chosen_c)
    path = model_path(language)
    saved = save_model(fitted, language, path, texts)
    size = path.stat().st_size / 1e6
    print(
        f"chose C={chosen_c}; {len(texts)} hand-written examples + {len(dev_rows)} dev rows, "
        f"{len(saved.buckets)} hashed columns -> {path} ({size:.2f} MB)"
    )
    if split_report and dev_rows:
        report_time_split(texts, labels, dev_rows, data_dir, settings, chosen_c)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--language", default="en", help="ISO 639-1 code of the training set (default: en)")
    # The cross-validated grid takes minutes; a fixed C is for quick iterations while writing examples.
    parser.add_argument("--c", type=float, default=None, help="use this C instead of choosing one by cross-validation")
    parser.add_argument("--no-split-report", action="store_true", help="skip the time-split evaluation")
    arguments = parser.parse_args()
    train(arguments.language, arguments.c, not arguments.no_split_report)


if __name__ == "__main__":
    main()
