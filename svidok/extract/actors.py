"""Find canonical actors (claimants, perpetrators, victim groups) named in text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from svidok.knowledge import ActorEntry, load_actors


@dataclass(frozen=True)
class ActorMatch:
    entry: ActorEntry
    start: int
    end: int
    text: str


def _alias_pattern(alias: str) -> str:
    escaped = re.escape(alias).replace("'", "['’]")
    return rf"(?<![\w-]){escaped}(?![\w-])"


@lru_cache(maxsize=1)
def _matchers() -> tuple[tuple[re.Pattern[str], ActorEntry], ...]:
    matchers = []
    for entry in load_actors():
        for alias in entry.aliases:
            # Acronyms (GUR, SBU, ЛНР) only match in capitals: "gur" or "sbu" in running text is noise.
            flags = 0 if alias.isupper() else re.IGNORECASE
            matchers.append((re.compile(_alias_pattern(alias), flags), entry))
    # Longest aliases first, so "Russian Ministry of Defence" wins over "Russia".
    matchers.sort(key=lambda pair: -len(pair[0].pattern))
    return tuple(matchers)


def find_actors(text: str, modifiers: tuple[tuple[re.Pattern[str], str], ...] = ()) -> list[ActorMatch]:
    """Non-overlapping actor mentions in `text`, longest alias first, in text order.

    `modifiers` add actors named only by an adjective before an attack noun ("Russian shelling").
    """
    taken: list[tuple[int, int]] = []
    found: list[ActorMatch] = []
    by_name = {entry.name: entry for entry in load_actors()}
    for pattern, name in modifiers:
        for m in pattern.finditer(text):
            taken.append(m.span("actor"))
            found.append(ActorMatch(by_name[name], m.start("actor"), m.end("actor"), m.group("actor")))
    for pattern, entry in _matchers():
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            found.append(ActorMatch(entry, m.start(), m.end(), m.group(0)))
    return sorted(found, key=lambda a: a.start)
