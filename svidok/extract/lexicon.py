"""Per-language extraction lexicons, read from `knowledge/data/lexicon/<language>.toml`.

One TOML file per language is the registry: adding Ukrainian means adding `uk.toml`,
not editing the stages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from svidok.knowledge import read_data_file


def _compile(patterns: list[str], *, anchored: bool = False) -> tuple[re.Pattern[str], ...]:
    # Word boundaries keep "rape" out of "grapes" and "annex" out of nothing longer.
    wrap = (lambda p: p) if anchored else (lambda p: rf"\b(?:{p})\b")
    return tuple(re.compile(wrap(p), re.IGNORECASE | re.MULTILINE) for p in patterns)


@dataclass(frozen=True)
class Lexicon:
    language: str
    triggers: dict[str, tuple[re.Pattern[str], ...]]
    atrocity_labels: dict[str, str]
    suppressors: tuple[re.Pattern[str], ...]
    reporting_verbs: frozenset[str]
    source_prepositions: tuple[re.Pattern[str], ...]
    unattributed: tuple[re.Pattern[str], ...]
    denial: tuple[re.Pattern[str], ...]
    modality: dict[str, tuple[re.Pattern[str], ...]]
    byline: tuple[re.Pattern[str], ...]
    invasion_start: date
    war_day: tuple[re.Pattern[str], ...]
    claimant_kinds: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    # (pattern, canonical actor name): "Russian shelling" names the Russian armed forces.
    perpetrator_modifiers: tuple[tuple[re.Pattern[str], str], ...]


def _compile_cased(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    """Like `_compile`, but all-capital patterns (acronyms such as "UN", "AP") stay case-sensitive."""
    return tuple(
        re.compile(rf"\b(?:{p})\b", 0 if p.isupper() else re.IGNORECASE) for p in patterns
    )


def _modifier_patterns(table: dict[str, str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    nouns = table["attack_nouns"]
    return tuple(
        (re.compile(rf"(?<![\w-])(?P<actor>{re.escape(adjective)})\s+(?:\w+\s+)?{nouns}\b", re.IGNORECASE), name)
        for adjective, name in table.items()
        if adjective != "attack_nouns"
    )


def available_languages() -> list[str]:
    folder = resources.files("svidok.knowledge").joinpath("data", "lexicon")
    return sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))


@lru_cache(maxsize=None)
def load_lexicon(language: str) -> Lexicon:
    """The lexicon for `language` (ISO 639-1); KeyError if svidok has none."""
    if language not in available_languages():
        raise KeyError(f"no extraction lexicon for language {language!r}")
    data = read_data_file(f"lexicon/{language}.toml")
    attribution = data["attribution"]
    return Lexicon(
        language=language,
        triggers={code: _compile(patterns) for code, patterns in data["triggers"].items()},
        atrocity_labels=dict(data["atrocity_labels"]),
        suppressors=_compile(data["suppressors"]["patterns"]),
        reporting_verbs=frozenset(attribution["reporting_verbs"]),
        source_prepositions=_compile(attribution["source_prepositions"]),
        unattributed=_compile(attribution["unattributed"]),
        denial=_compile(data["stance"]["denial"]),
        modality={name: _compile(patterns) for name, patterns in data["modality"].items()},
        byline=_compile(data["byline"]["patterns"], anchored=True),
        invasion_start=date.fromisoformat(data["dates"]["invasion_start"]),
        war_day=_compile(data["dates"]["war_day"]),
        perpetrator_modifiers=_modifier_patterns(data["perpetrator_modifiers"]),
        claimant_kinds=tuple((kind, _compile_cased(data["claimant_kinds"][kind])) for kind in data["claimant_kinds"]["order"]),
    )
