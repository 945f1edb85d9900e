"""What each sentence reports: the lexicon's triggers, ranked and completed by the trained model.

Triggers are precise where they fire and see every event of a sentence that reports several;
the model gives one type per sentence but sees what no pattern lists ("Hospital destroyed
by explosion"). So triggers stand as they fire, carrying the model's probability of their
type into the claim's confidence, and the model's best type is added where no trigger names
it and the model is confident enough: a stricter bar inside articles, where most sentences
report nothing, and beside triggers, which have already seen an event.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from svidok.extract.classify import (
    NO_EVENT,
    available_classifier_languages,
    classify_sentences,
)
from svidok.extract.lexicon import Lexicon
from svidok.extract.segment import Sentence
from svidok.extract.triggers import Trigger, find_triggers

# A sentence with no trigger becomes a claim when the model's best event type reaches this:
# inside an article, and in a one-line report (a headline or a map caption).
MODEL_ALONE_IN_ARTICLE = 0.5
MODEL_ALONE_IN_SHORT_TEXT = 0.3
# Fewer words than this report nothing on their own ("Avdiivka", "Bakhmut"), whatever
# the model makes of a front-line name.
MODEL_ALONE_MIN_WORDS = 2
# Beside the patterns that fired, the model adds a type none of them names from this probability.
MODEL_BESIDE_TRIGGERS = 0.6


def type_sentences(sentences: Sequence[Sentence], lexicon: Lexicon) -> dict[int, list[Trigger]]:
    """For each sentence index, the claim types it reports, most probable first."""
    rules = {s.index: find_triggers(s.text, lexicon) for s in sentences}
    if lexicon.language not in available_classifier_languages() or not sentences:
        return rules
    probabilities = classify_sentences([s.text for s in sentences], lexicon.language)
    alone_bar = MODEL_ALONE_IN_SHORT_TEXT if len(sentences) == 1 else MODEL_ALONE_IN_ARTICLE
    typed: dict[int, list[Trigger]] = {}
    for sentence, p in zip(sentences, probabilities):
        kept = [replace(t, probability=p.get(t.type, 0.0)) for t in rules[sentence.index]]
        model_type = model_only_type(sentence.text, kept, p, alone_bar, lexicon)
        if model_type is not None:
            kept.append(Trigger(model_type, 0, len(sentence.text), sentence.text, probability=p[model_type], by_model=True))
        typed[sentence.index] = kept
    return typed


def model_only_type(text: str, triggered: list[Trigger], p: dict[str, float], alone_bar: float, lexicon: Lexicon) -> str | None:
    """The model's best event type where no pattern names it and the model is sure enough; else None.

    Beside patterns that fired, the model's type must clear a higher bar: a pattern saw *an*
    event ("strike on apartment building"), and the model adds the one the sentence is about
    ("Casualties after strike on apartment building" reports deaths) only when it is confident.
    """
    if len(text.split()) < MODEL_ALONE_MIN_WORDS:
        return None
    # Where a suppressor spoke ("document war crimes"), the words are there but no event is.
    if any(pattern.search(text) for pattern in lexicon.suppressors):
        return None
    best = max((code for code in p if code != NO_EVENT), key=lambda code: p[code])
    if any(t.type == best for t in triggered):
        return None
    bar = max(alone_bar, MODEL_BESIDE_TRIGGERS) if triggered else alone_bar
    return best if p[best] >= bar else None
