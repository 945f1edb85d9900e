"""ACLED event and sub-event types of a short report's claims, from a classifier over sentence vectors.

Every claim first gets the ACLED type its taxonomy code maps to, refined by word patterns
(`ClaimType.acled_for`). Those patterns are precise for the phrasings they were written for,
but ACLED's 25 sub-event types turn on meaning ("troops retook the village" against "rebels
seized the town"), and word lists miss most other phrasings. A multinomial logistic regression
over multilingual sentence vectors (`sentence_vectors`), trained by
`scripts/train_acled_classifier.py` on the examples in `training/acled.<lang>.jsonl`,
generalises much better on snippets it never saw: on the held-out ACLED snippets
(tests/extract/fixtures, never trained on) sub-event accuracy goes from 0.78 with patterns
alone to 0.84. Sentence vectors are spent on short reports only (`sentence_vectors`);
longer documents keep the pattern-based types.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from svidok.extract.classify import NO_EVENT, TRAINING_FOLDER
from svidok.extract.sentence_vectors import SHORT_REPORT_SENTENCES, VectorClassifier, sentence_vectors
from svidok.knowledge import load_acled_codebook, load_taxonomy
from svidok.records import Claim

MODEL_FILE = "acled_classifier.npz"


def acled_model_path() -> Path:
    """The trained model, in the package's training folder."""
    return Path(str(resources.files("svidok.extract").joinpath(TRAINING_FOLDER, MODEL_FILE)))


def acled_training_set_path(language: str) -> Path:
    return Path(str(resources.files("svidok.extract").joinpath(TRAINING_FOLDER, f"acled.{language}.jsonl")))


@lru_cache(maxsize=1)
def load_acled_model() -> VectorClassifier:
    return VectorClassifier.read(acled_model_path())


@lru_cache(maxsize=1)
def _event_type_of() -> dict[str, str]:
    return {sub: event for event, subs in load_acled_codebook().items() for sub in subs}


def world_event(text: str) -> str | None:
    """The sub-event type the classifier gives `text` where its best label is an event (the one
    `code_short_report` would then give the claim); None where it is "no event".

    It learnt from reports of conflicts the world over, where svidok's type models learnt
    mostly from Ukraine: "Gunmen storm a police post in Zamfara" is an armed clash to it
    even where the type models see too little of any event.
    """
    (best,) = _best_labels([text])
    return None if best == NO_EVENT else best


def _best_labels(texts: list[str]) -> list[str]:
    """The classifier's best label for each text: a sub-event type, or `NO_EVENT`."""
    model = load_acled_model()
    return [model.labels[int(index)] for index in model.probabilities(sentence_vectors(texts)).argmax(axis=1)]


@lru_cache(maxsize=None)
def codes_coded_as(sub_event_type: str) -> frozenset[str]:
    """The taxonomy codes whose claims can carry `sub_event_type`: as their default ACLED type
    or through one of their refine patterns, in any language."""
    return frozenset(
        code
        for code, claim_type in load_taxonomy().items()
        if claim_type.acled_sub_event_type == sub_event_type
        or any(r.sub_event_type == sub_event_type for rs in claim_type.acled_refinements.values() for r in rs)
    )


def code_short_report(claims: list[Claim], sentence_count: int) -> None:
    """Give `claims` the classifier's ACLED types, in place, if the report has at most
    `SHORT_REPORT_SENTENCES` sentences.

    Only claims still at their taxonomy code's default ACLED type are recoded: a refine
    pattern that fired ("car bomb", "tear gas") is kept, being more precise than the
    classifier on what it matches; a code with no ACLED equivalent stays without one.
    """
    if sentence_count > SHORT_REPORT_SENTENCES:
        return
    recoded = [claim for claim in claims if _at_default(claim)]
    if not recoded:
        return
    texts = list(dict.fromkeys(claim.evidence[0].text for claim in recoded))
    label_of = dict(zip(texts, _best_labels(texts), strict=True))
    for claim in recoded:
        _set_label(claim, label_of[claim.evidence[0].text])


def _at_default(claim: Claim) -> bool:
    default = load_taxonomy()[claim.type].acled_sub_event_type
    return default is not None and claim.acled_sub_event_type == default


def _set_label(claim: Claim, label: str) -> None:
    """Code the claim as `label`; "no event" leaves its ACLED fields empty: the report is not
    one ACLED would code (a statement, a statistic), whatever its svidok type."""
    if label == NO_EVENT:
        claim.acled_event_type, claim.acled_sub_event_type = None, None
    else:
        claim.acled_event_type, claim.acled_sub_event_type = _event_type_of()[label], label
