"""Find canonical actors (claimants, perpetrators, victim groups) named in text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from svidok.knowledge import ActorEntry, actors_by_name, load_actors


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


_WORD = re.compile(r"\w+")


def _key(word: str) -> str:
    # Aliases are indexed by the first three letters of their first word, which no case
    # ending changes: a sentence only runs the patterns of aliases whose key it contains.
    return word.lower()[:3]


def _word_keys(alias: str) -> frozenset[str]:
    """The keys of all the alias's words: a sentence naming the alias holds every one of them."""
    return frozenset(_key(run.group(0)) for word in alias.split() if (run := _WORD.search(word)))


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[frozenset[str], re.Pattern[str], ActorEntry], ...]]:
    # Under one key sit many aliases (58 begin "Ukrain"): the keys of their other words
    # spare a sentence the patterns of those it cannot contain.
    index: dict[str, list[tuple[frozenset[str], re.Pattern[str], ActorEntry]]] = {}
    for entry in load_actors():
        for alias in entry.aliases:
            first = _WORD.search(alias)
            if first is None:
                continue
            # Acronyms (GUR, SBU, ЛНР) only match in capitals: "gur" or "sbu" in running text is noise.
            flags = 0 if alias.isupper() else re.IGNORECASE
            matcher = (_word_keys(alias), re.compile(_alias_pattern(alias), flags), entry)
            index.setdefault(_key(first.group(0)), []).append(matcher)
    return {key: tuple(matchers) for key, matchers in index.items()}


@lru_cache(maxsize=4096)
def find_actors(text: str, modifiers: tuple[tuple[re.Pattern[str], str], ...] = ()) -> tuple[ActorMatch, ...]:
    """Non-overlapping actor mentions in `text`, longest first where two overlap, in text order.

    `modifiers` add actors named only by an adjective before an attack noun ("Russian shelling").
    """
    by_name = actors_by_name()
    found = [
        ActorMatch(by_name[name], m.start("actor"), m.end("actor"), m.group("actor"))
        for pattern, name in modifiers
        for m in pattern.finditer(text)
    ]
    taken = [(a.start, a.end) for a in found]
    index = _index()
    keys = {_key(word) for word in _WORD.findall(text)}
    candidates = [
        ActorMatch(entry, m.start(), m.end(), m.group(0))
        for key in keys
        for words, pattern, entry in index.get(key, ())
        if words <= keys
        for m in pattern.finditer(text)
    ]
    for match in sorted(candidates, key=lambda a: (a.start - a.end, a.start)):
        if not any(match.start < e and s < match.end for s, e in taken):
            taken.append((match.start, match.end))
            found.append(match)
    return tuple(sorted(found, key=lambda a: a.start))
