"""Which taxonomy types a sentence reports, from the lexicon's trigger patterns."""
from __future__ import annotations

from dataclasses import dataclass

from svidok.extract.lexicon import PLAIN_CASE_TEXT, Lexicon, TypeTriggers


@dataclass(frozen=True)
class Trigger:
    type: str
    start: int  # offsets within the sentence
    end: int
    text: str
    # The trained model's probability of this type for the sentence, where a model ran.
    probability: float | None = None
    # True where the model typed the sentence without any pattern firing.
    by_model: bool = False


def find_triggers(sentence: str, lexicon: Lexicon) -> list[Trigger]:
    """The first trigger of each type found in `sentence`, in order of appearance."""
    lowered = sentence.lower() if PLAIN_CASE_TEXT.fullmatch(sentence) else None
    suppressed: list[tuple[int, int]] | None = None  # read once, and only if some type may match
    found: list[Trigger] = []
    for code, triggers in lexicon.triggers.items():
        if not may_match(triggers, sentence, lowered):
            continue
        if suppressed is None:
            suppressed = [m.span() for p in lexicon.suppressors for m in p.finditer(sentence)]
        matches = [
            m
            for p in triggers.patterns
            for m in p.finditer(sentence)
            if not any(s <= m.start() < e for s, e in suppressed)
        ]
        if matches:
            first = min(matches, key=lambda m: m.start())
            found.append(Trigger(code, first.start(), first.end(), first.group(0)))
    return sorted(found, key=lambda t: t.start)


def names_an_event(words: str, lexicon: Lexicon) -> bool:
    """Whether some type's trigger could match in `words`: "explosions in Kyiv" after a
    headline's colon says what happened, not who says so."""
    return any(triggers.screen.search(words) for triggers in lexicon.triggers.values())


def may_match(triggers: TypeTriggers, sentence: str, lowered: str | None) -> bool:
    """False only where none of the type's patterns can match `sentence`; `lowered` is the
    sentence lower-cased where it is plain-case text (`PLAIN_CASE_TEXT`), else None."""
    if lowered is not None and triggers.keywords is not None and not any(k in lowered for k in triggers.keywords):
        return False
    return triggers.screen.search(sentence) is not None


def atrocity_label(trigger_text: str, lexicon: Lexicon) -> str | None:
    """Which label ("genocide", "war_crime", ...) an atrocity trigger names."""
    lowered = trigger_text.lower()
    return next((label for label, stem in lexicon.atrocity_labels.items() if stem in lowered), None)
