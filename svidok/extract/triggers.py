"""Which taxonomy types a sentence reports, from the lexicon's trigger patterns."""
from __future__ import annotations

from dataclasses import dataclass

from svidok.extract.lexicon import Lexicon


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
    suppressed: list[tuple[int, int]] | None = None  # read once, and only if some type's screen hits
    found: list[Trigger] = []
    for code, triggers in lexicon.triggers.items():
        if triggers.screen.search(sentence) is None:
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


def atrocity_label(trigger_text: str, lexicon: Lexicon) -> str | None:
    """Which label ("genocide", "war_crime", ...) an atrocity trigger names."""
    lowered = trigger_text.lower()
    return next((label for label, stem in lexicon.atrocity_labels.items() if stem in lowered), None)
