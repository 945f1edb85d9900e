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


# Ukrainian and Russian nouns and adjectives change their endings with case
# ("Головне управління розвідки" / "в Головному управлінні розвідки"): a Cyrillic word of an
# alias matches on its stem (the word without its final vowels, soft sign or й) plus an
# ending of up to three letters. Short stems stay exact, where a free ending would match
# other words.
_CYRILLIC_WORD = re.compile(r"[а-яёіїєґ]+", re.IGNORECASE)
_INFLECTED_ENDING = re.compile(r"[аеєиіїоуюяыэйь]{1,2}$", re.IGNORECASE)
_SHORTEST_STEM = 4
_ENDING = r"[а-яёіїєґʼ'’]{0,3}"


def _word_pattern(word: str) -> str:
    if not _CYRILLIC_WORD.fullmatch(word) or word.isupper():
        return re.escape(word).replace("'", "['’]")
    stem = _INFLECTED_ENDING.sub("", word)
    if len(stem) < _SHORTEST_STEM:
        return re.escape(word)
    return re.escape(stem) + _ENDING


def _alias_pattern(alias: str) -> str:
    words = r"\s+".join(_word_pattern(word) for word in alias.split())
    return rf"(?<![\w-]){words}(?![\w-])"


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
