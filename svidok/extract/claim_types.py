"""What each sentence reports: the lexicon's triggers, ranked and completed by the trained model.

Triggers are precise where they fire and see every event of a sentence that reports several;
the model gives one type per sentence but sees what no pattern lists ("Hospital destroyed
by explosion"). So triggers stand as they fire, carrying the model's probability of their
type into the claim's confidence, and the model's best type is added where no trigger names
it and the model is confident enough: a stricter bar inside articles, where most sentences
report nothing, and beside triggers, which have already seen an event. In a short report, a
one-line report the type models lean to an event in but settle on no code for is still typed
where the ACLED model, which learnt from conflicts the world over, codes an event: as the
type models' likeliest code that can carry that ACLED sub-event type. Whether a sentence is
a one-line report is decided per headline: event digests join several headlines of one
event with ";", and each stands alone as a headline would.

A stated death toll is itself a claim ("Six killed ahead of peace talks", "death toll rises
to 28", "One KIA, one WIA"): where the counts reader finds a number of dead, written next to
a death word, and no type that states deaths has fired, the sentence reports a `killing`, or
`military_losses` where the death words are soldiers' ("KIA").
"""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from svidok.extract.acled_coding import codes_coded_as, world_event
from svidok.extract.classify import (
    NO_EVENT,
    available_classifier_languages,
    classify_sentences,
)
from svidok.extract.lexicon import Lexicon
from svidok.extract.numbers import find_counts
from svidok.extract.segment import Sentence, ends_as_a_sentence
from svidok.extract.sentence_vectors import SHORT_REPORT_SENTENCES
from svidok.extract.targets import retarget_strikes, without_strike_toll
from svidok.extract.triggers import Trigger, find_triggers

# A sentence with no trigger becomes a claim when the model's best event type reaches this:
# inside an article, and in a one-line report (a headline or a map caption).
MODEL_ALONE_IN_ARTICLE = 0.5
MODEL_ALONE_IN_SHORT_TEXT = 0.3
# Fewer words than this report nothing on their own ("Avdiivka", "Bakhmut"), whatever
# the model makes of a front-line name.
MODEL_ALONE_MIN_WORDS = 2
# A one-line report the type models give "none" less than this may be typed by the ACLED model.
TYPE_MODELS_LEAN_TO_AN_EVENT = 0.5
# Beside the patterns that fired, the model adds a type none of them names from this probability.
MODEL_BESIDE_TRIGGERS = 0.6
# Types whose claims state a death toll; beside one of them, a stated toll adds no claim.
STATES_DEATHS = frozenset({"killing", "military_losses", "attack_on_civilians", "armed_clash"})
# A question asks, it alleges nothing: an interviewer's "How were you detained?", a headline's "Who shelled the school?".
_QUESTION = re.compile(r"\?['\"’”»)\]]*\s*$")


def type_sentences(sentences: Sequence[Sentence], lexicon: Lexicon) -> dict[int, list[Trigger]]:
    """For each sentence index, the claim types it reports, most probable first."""
    rules = {s.index: find_triggers(s.text, lexicon) for s in sentences}
    short = one_line_reports(sentences)
    short_report = len(sentences) <= SHORT_REPORT_SENTENCES
    if lexicon.language not in available_classifier_languages() or not sentences:
        probabilities: list[dict[str, float]] = [{} for _ in sentences]
    else:
        probabilities = classify_sentences([s.text for s in sentences], lexicon.language, short_report)
    typed: dict[int, list[Trigger]] = {}
    previous: Sentence | None = None
    for sentence, p in zip(sentences, probabilities):
        if _QUESTION.search(sentence.text):
            typed[sentence.index] = []
            previous = sentence
            continue
        kept = [replace(t, probability=p.get(t.type, 0.0)) for t in rules[sentence.index]] if p else rules[sentence.index]
        alone_bar = MODEL_ALONE_IN_SHORT_TEXT if sentence.index in short else MODEL_ALONE_IN_ARTICLE
        model_type = model_only_type(sentence.text, kept, p, alone_bar, lexicon) if p else None
        if model_type is not None:
            kept.append(_model_trigger(sentence, model_type, p))
        # "Residential building hit by missile. Five reported dead.": the toll is that of the
        # event the sentence before reported, in the same paragraph, not another event.
        continues = (
            previous is not None
            and previous.paragraph == sentence.paragraph
            and sentence.index not in short
            and any(t.type in STATES_DEATHS for t in typed[previous.index])
        )
        typed[sentence.index] = kept if continues else with_death_toll(sentence.text, kept, lexicon, p)
        if not typed[sentence.index] and p and short_report and sentence.index in short:
            typed[sentence.index] = _world_event_trigger(sentence, p, lexicon)
        typed[sentence.index] = without_strike_toll(
            retarget_strikes(sentence.text, typed[sentence.index], p, lexicon.targets), lexicon.targets
        )
        previous = sentence
    return typed


def _world_event_trigger(sentence: Sentence, p: dict[str, float], lexicon: Lexicon) -> list[Trigger]:
    """Where the type models lean to an event in a one-line report (find one likelier than
    none) but settle on no code, and the ACLED model codes one: their likeliest code among
    those that can carry its ACLED sub-event type."""
    if p.get(NO_EVENT, 1.0) >= TYPE_MODELS_LEAN_TO_AN_EVENT:
        return []
    sub_event_type = world_event(sentence.text)
    if sub_event_type is None:
        return []
    code = model_only_type(sentence.text, [], p, 0.0, lexicon, allowed=codes_coded_as(sub_event_type))
    return [_model_trigger(sentence, code, p)] if code else []


def _model_trigger(sentence: Sentence, code: str, p: dict[str, float]) -> Trigger:
    """The whole sentence as the evidence of the model's type `code`."""
    return Trigger(code, 0, len(sentence.text), sentence.text, probability=p[code], by_model=True)


def one_line_reports(sentences: Sequence[Sentence]) -> set[int]:
    """Indices of the sentences that stand alone as a one-line report (a headline, a caption).

    A text of one sentence is one; so is each headline of a single-line digest whose headlines
    are joined by ";" ("Six killed ahead of talks;Gunbattle kills four"), which the segmenter
    split without a sentence end. Inside an article (several lines, or sentences that end as
    sentences do) none is.
    """
    if len({s.paragraph for s in sentences}) != 1:
        return set()
    headlines: list[list[Sentence]] = [[]]
    for sentence in sentences:
        headlines[-1].append(sentence)
        if not ends_as_a_sentence(sentence.text):
            headlines.append([])
    return {headline[0].index for headline in headlines if len(headline) == 1}


def with_death_toll(text: str, kept: list[Trigger], lexicon: Lexicon, p: dict[str, float]) -> list[Trigger]:
    """`kept`, with a `killing` (or, for soldiers' death words, `military_losses`) claim where
    `text` states a number of dead and no type that states deaths was found.

    The counts reader takes a number only beside a death word ("13 reported dead", "kills
    five", "death toll rises to 28"), never a vague amount ("dozens"), so the claim rests on
    event words the text holds.
    """
    if any(t.type in STATES_DEATHS for t in kept):
        return kept
    toll = next((c for c in find_counts(text, lexicon) if c.field == "fatalities"), None)
    if toll is None or toll.value == 0:
        # "Nobody was killed" states a toll of none: no killing.
        return kept
    code = "military_losses" if toll.military else "killing"
    end = toll.phrase_start + len(toll.text)
    return [*kept, Trigger(code, toll.phrase_start, end, toll.text, probability=p.get(code))]


def model_only_type(
    text: str,
    triggered: list[Trigger],
    p: dict[str, float],
    alone_bar: float,
    lexicon: Lexicon,
    allowed: Collection[str] | None = None,
) -> str | None:
    """The model's best event type where no pattern names it and the model is sure enough; else None.

    Beside patterns that fired, the model's type must clear a higher bar: a pattern saw *an*
    event ("strike on apartment building"), and the model adds the one the sentence is about
    ("Casualties after strike on apartment building" reports deaths) only when it is confident.
    `allowed`, where given, limits the codes considered.
    """
    if len(text.split()) < MODEL_ALONE_MIN_WORDS:
        return None
    # Where a suppressor spoke ("document war crimes"), the words are there but no event is.
    if any(pattern.search(text) for pattern in lexicon.suppressors):
        return None
    candidates = [code for code in p if code != NO_EVENT and (allowed is None or code in allowed)]
    if not candidates:
        return None
    best = max(candidates, key=lambda code: p[code])
    if any(t.type == best for t in triggered):
        return None
    bar = max(alone_bar, MODEL_BESIDE_TRIGGERS) if triggered else alone_bar
    return best if p[best] >= bar else None
