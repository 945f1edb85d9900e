"""Whether a claim says something occurred, is ongoing, is planned, is threatened, or is a pattern."""
from __future__ import annotations

from svidok.extract.lexicon import Lexicon
from svidok.records import Modality


def modality_of(sentence: str, lexicon: Lexicon, *, specific: bool) -> Modality:
    """The modality of a claim resting on `sentence`.

    `specific` is whether the claim has its own place or date in the sentence: a pattern
    ("mass relocations have been alleged for some time") is `general` only without them.
    """
    cues = lexicon.modality
    if not specific and _any(cues["general"], sentence):
        return "general"
    for modality in ("planned", "threatened", "ongoing"):
        if _any(cues[modality], sentence):
            return modality  # type: ignore[return-value]
    return "occurred"


def _any(patterns, text: str) -> bool:
    return any(p.search(text) for p in patterns)
