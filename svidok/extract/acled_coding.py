"""ACLED event and sub-event types of a short report's claims, from a classifier over sentence vectors.

Every claim first gets the ACLED type its taxonomy code maps to, refined by word patterns
(`ClaimType.acled_for`). Those patterns are precise for the phrasings they were written for,
but ACLED's 25 sub-event types turn on meaning ("troops retook the village" against "rebels
seized the town"), and word lists miss most other phrasings. A multinomial logistic regression
over multilingual sentence vectors (`sentence_vectors`), trained by
`scripts/train_acled_classifier.py` on the examples in `training/acled.<lang>.jsonl`,
generalises much better on snippets it never saw (see benchmarks/README.md).

A sentence vector costs about 35 ms on one core, ten times the rest of a sentence's
extraction, so the classifier codes short reports only (headlines, captions, news snippets,
posts: at most `SHORT_REPORT_SENTENCES` sentences), where a claim's sentence is most of the
report. Longer documents keep the pattern-based types, and extraction speed on articles is
unchanged. On the held-out ACLED snippets (tests/extract/fixtures, never trained on) this
takes sub-event accuracy from 0.78 (patterns alone) to 0.84.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from svidok.extract.classify import NO_EVENT, TRAINING_FOLDER
from svidok.extract.sentence_vectors import sentence_vectors
from svidok.knowledge import load_acled_codebook, load_taxonomy
from svidok.records import Claim

SHORT_REPORT_SENTENCES = 3
MODEL_FILE = "acled_classifier.npz"


@dataclass(frozen=True)
class AcledModel:
    """Sub-event types (and `NO_EVENT`) and the linear weights over sentence-vector dimensions."""

    labels: tuple[str, ...]
    weights: np.ndarray  # dimensions x labels
    intercept: np.ndarray  # one per label

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Softmax probabilities, one row per vector, columns in `labels` order."""
        scores = vectors @ self.weights + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            weights=self.weights.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
        )

    @classmethod
    def read(cls, path: Path) -> AcledModel:
        with np.load(path, allow_pickle=False) as saved:
            return cls(tuple(saved["labels"].tolist()), saved["weights"], saved["intercept"])


def acled_model_path() -> Path:
    """The trained model, in the package's training folder."""
    return Path(str(resources.files("svidok.extract").joinpath(TRAINING_FOLDER, MODEL_FILE)))


def acled_training_set_path(language: str) -> Path:
    return Path(str(resources.files("svidok.extract").joinpath(TRAINING_FOLDER, f"acled.{language}.jsonl")))


@lru_cache(maxsize=1)
def load_acled_model() -> AcledModel:
    return AcledModel.read(acled_model_path())


@lru_cache(maxsize=1)
def _event_type_of() -> dict[str, str]:
    return {sub: event for event, subs in load_acled_codebook().items() for sub in subs}


def code_short_report(claims: list[Claim], sentence_count: int) -> list[Claim]:
    """`claims` with the classifier's ACLED types if the report has at most
    `SHORT_REPORT_SENTENCES` sentences.

    Only claims still at their taxonomy code's default ACLED type are recoded: a refine
    pattern that fired ("car bomb", "tear gas") is kept, being more precise than the
    classifier on what it matches; a code with no ACLED equivalent stays without one.
    """
    if sentence_count > SHORT_REPORT_SENTENCES:
        return claims
    recoded = [claim for claim in claims if _at_default(claim)]
    if not recoded:
        return claims
    texts = list(dict.fromkeys(claim.evidence[0].text for claim in recoded))
    model = load_acled_model()
    best = model.probabilities(sentence_vectors(texts)).argmax(axis=1)
    label_of = {text: model.labels[int(index)] for text, index in zip(texts, best, strict=True)}
    recoded_ids = {id(claim) for claim in recoded}
    return [_with_label(claim, label_of[claim.evidence[0].text]) if id(claim) in recoded_ids else claim for claim in claims]


def _at_default(claim: Claim) -> bool:
    default = load_taxonomy()[claim.type].acled_sub_event_type
    return default is not None and claim.acled_sub_event_type == default


def _with_label(claim: Claim, label: str) -> Claim:
    """The claim coded as `label`; "no event" leaves its ACLED fields empty: the report is not
    one ACLED would code (a statement, a statistic), whatever its svidok type."""
    if label == NO_EVENT:
        return replace(claim, acled_event_type=None, acled_sub_event_type=None)
    return replace(claim, acled_event_type=_event_type_of()[label], acled_sub_event_type=label)
