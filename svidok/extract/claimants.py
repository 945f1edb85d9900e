"""From the words that name a source to a canonical claimant."""
from __future__ import annotations

import re

from svidok.extract.actors import find_actors
from svidok.extract.lexicon import Lexicon
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
    return Actor(name=_LEADING_DETERMINER.sub("", text), mention=text, kind=claimant_kind(text, lexicon), span=span)


def claimant_kind(mention: str, lexicon: Lexicon) -> str:
    for kind, patterns in lexicon.claimant_kinds:
        if any(p.search(mention) for p in patterns):
            return kind
    return "unknown"
