"""From the words that name a source to a canonical claimant."""
from __future__ import annotations

import re
from collections.abc import Sequence

from svidok.extract.actors import find_actors
from svidok.extract.lexicon import Lexicon
from svidok.extract.romanise import romanise
from svidok.knowledge import actors_by_name
from svidok.records import Actor, Span

_LEADING_DETERMINER = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def claimant_from_mention(text: str, start: int, lexicon: Lexicon) -> Actor:
    """The claimant named by `text`, found at document offset `start`."""
    span = Span(start, start + len(text), text)
    known = [a for a in find_actors(text) if a.entry.role != "civilians"]
    if known:
        # The most specific named body wins: "NGO ZMINA project coordinator X" speaks for ZMINA.
        entry = max(known, key=lambda a: len(a.text)).entry
        return Actor(name=entry.name, mention=text, kind=entry.kind, span=span)
    name = romanise(_LEADING_DETERMINER.sub("", text), lexicon.language)
    return Actor(name=name, mention=text, kind=claimant_kind(text, lexicon), span=span)


def claimant_kind(mention: str, lexicon: Lexicon) -> str:
    for kind, patterns in lexicon.claimant_kinds:
        if any(p.search(mention) for p in patterns):
            return kind
    return "unknown"


def resolve_anaphor(claimant: Actor, earlier: Sequence[Actor], lexicon: Lexicon) -> Actor:
    """A generic mention ("the group", "investigators") stands for the latest claimant named
    earlier in the document whose kind it can refer to; the mention and span stay its own."""
    if is_canonical(claimant):
        return claimant
    kinds = next((kinds for pattern, kinds in lexicon.anaphora if pattern.match(claimant.mention.strip())), None)
    if kinds is None:
        return claimant
    referent = next((a for a in reversed(earlier) if a.kind in kinds), None)
    if referent is None:
        return claimant
    return Actor(name=referent.name, mention=claimant.mention, kind=referent.kind, span=claimant.span)


def is_canonical(claimant: Actor) -> bool:
    return claimant.name in actors_by_name()
