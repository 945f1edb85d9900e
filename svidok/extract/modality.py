"""Whether a claim says something occurred, is ongoing, is planned, is threatened, or is a pattern."""
from __future__ import annotations

import re
from collections.abc import Iterable

from svidok.extract.lexicon import Lexicon
from svidok.records import Modality


def modality_of(sentence: str, lexicon: Lexicon, *, specific: bool, trigger: tuple[int, int]) -> Modality:
    """The modality of a claim resting on `sentence`.

    `specific` is whether the claim has its own place or date in the sentence: a pattern
    ("mass relocations have been alleged for some time") is `general` only without them.
    `trigger` is where the claim's words are (offsets in the sentence): a planned, threatened or
    ongoing cue counts only where no clause break of the lexicon's `scope_breaks` stands between
    it and them ("Fighting kills 9 as child evacuations planned": the killing occurred).
    """
    cues = lexicon.modality
    if not specific and _any(cues["general"], sentence):
        return "general"
    breaks = cues.get("scope_breaks", ())
    for modality in ("planned", "threatened", "ongoing"):
        if any(_governs(m, trigger, breaks, sentence) for p in cues[modality] for m in p.finditer(sentence)):
            return modality  # type: ignore[return-value]
    return "occurred"


def _governs(cue: re.Match[str], trigger: tuple[int, int], breaks: Iterable[re.Pattern[str]], sentence: str) -> bool:
    start, end = trigger
    if cue.start() < end and start < cue.end():
        return True
    between = sentence[end : cue.start()] if end <= cue.start() else sentence[cue.end() : start]
    return not any(p.search(between) for p in breaks)


def _any(patterns: Iterable[re.Pattern[str]], text: str) -> bool:
    return any(p.search(text) for p in patterns)
