"""Loaders for svidok's versioned knowledge files (taxonomy, ACLED codebook, actors).

Knowledge lives in TOML files under `knowledge/data/`; this module only reads them.
It imports nothing else of svidok except `records`.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from svidok.records import LegalRef


def read_data_file(name: str) -> dict[str, Any]:
    """Parse one TOML file from the package's knowledge data folder."""
    text = resources.files("svidok.knowledge").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class AcledRefinement:
    pattern: re.Pattern[str]
    event_type: str
    sub_event_type: str


# Refinements per language (ISO 639-1), in the order they are tried.
Refinements = Mapping[str, tuple[AcledRefinement, ...]]


@dataclass(frozen=True)
class ClaimType:
    code: str
    label: str
    description: str
    legal: tuple[LegalRef, ...]
    acled_event_type: str | None
    acled_sub_event_type: str | None
    acled_refinements: Refinements

    def acled_for(self, evidence_text: str, language: str) -> tuple[str | None, str | None]:
        """ACLED event and sub-event type for a claim of this type resting on `evidence_text`,
        written in `language`: the first refine pattern of that language that matches, else the default."""
        for refinement in self.acled_refinements.get(language, ()):
            if refinement.pattern.search(evidence_text):
                return refinement.event_type, refinement.sub_event_type
        return self.acled_event_type, self.acled_sub_event_type


@dataclass(frozen=True)
class ActorEntry:
    name: str
    kind: str
    role: str
    aliases: tuple[str, ...]
    parent: str | None = None


@lru_cache(maxsize=1)
def load_taxonomy() -> dict[str, ClaimType]:
    """The taxonomy's codes mapped to their labels, legal references and ACLED mapping."""
    data = read_data_file("taxonomy.toml")
    codebook = load_acled_codebook()
    refine_sets = _refine_sets(data, codebook)
    types: dict[str, ClaimType] = {}
    for code, entry in data["types"].items():
        acled = entry.get("acled", {})
        event_type, sub = acled.get("event_type"), acled.get("sub_event_type")
        if event_type is not None and sub not in codebook.get(event_type, ()):
            raise ValueError(f"taxonomy.toml: {code} maps to unknown ACLED type {event_type!r}/{sub!r}")
        unknown = [name for name in entry.get("acled_refine", []) if name not in refine_sets]
        if unknown:
            raise ValueError(f"taxonomy.toml: {code} names unknown refine sets {unknown}")
        types[code] = ClaimType(
            code=code,
            label=entry["label"],
            description=entry["description"],
            legal=tuple(LegalRef(**ref) for ref in entry.get("legal", [])),
            acled_event_type=event_type,
            acled_sub_event_type=sub,
            acled_refinements=_chain(entry.get("acled_refine", []), refine_sets),
        )
    return types


def _refine_sets(data: dict[str, Any], codebook: dict[str, tuple[str, ...]]) -> dict[str, Refinements]:
    """The named refine sets, compiled; ValueError naming the set whose patterns are incomplete or wrong."""
    languages = data["refine_languages"]
    sets: dict[str, Refinements] = {}
    for name, per_language in data.get("acled_refines", {}).items():
        if sorted(per_language) != sorted(languages):
            raise ValueError(f"taxonomy.toml: refine set {name!r} has languages {sorted(per_language)}, expected {sorted(languages)}")
        compiled: dict[str, tuple[AcledRefinement, ...]] = {}
        for language, rows in per_language.items():
            for row in rows:
                if row["sub_event_type"] not in codebook.get(row["event_type"], ()):
                    raise ValueError(
                        f"taxonomy.toml: refine set {name!r} ({language}) maps to unknown ACLED type "
                        f"{row['event_type']!r}/{row['sub_event_type']!r}"
                    )
            compiled[language] = tuple(
                AcledRefinement(re.compile(row["pattern"], re.IGNORECASE), row["event_type"], row["sub_event_type"])
                for row in rows
            )
        sets[name] = compiled
    return sets


def _chain(names: list[str], refine_sets: dict[str, Refinements]) -> Refinements:
    """The refinements of the named sets, per language, in the order the sets are named."""
    languages = {language for name in names for language in refine_sets[name]}
    return {language: tuple(r for name in names for r in refine_sets[name].get(language, ())) for language in languages}


@lru_cache(maxsize=1)
def load_acled_codebook() -> dict[str, tuple[str, ...]]:
    """ACLED event types mapped to their sub-event types."""
    data = read_data_file("acled_codebook.toml")
    return {event: tuple(subs) for event, subs in data["event_types"].items()}


@lru_cache(maxsize=1)
def load_actors() -> tuple[ActorEntry, ...]:
    """Canonical actors with their aliases in every script."""
    data = read_data_file("actors.toml")
    actors = tuple(
        ActorEntry(
            name=a["name"],
            kind=a["kind"],
            role=a["role"],
            aliases=tuple(dict.fromkeys(a["aliases"])),
            parent=a.get("parent"),
        )
        for a in data["actors"]
    )
    names = {a.name for a in actors}
    for actor in actors:
        if actor.parent is not None and actor.parent not in names:
            raise ValueError(f"actors.toml: {actor.name!r} has unknown parent {actor.parent!r}")
    return actors


@lru_cache(maxsize=1)
def actors_by_name() -> dict[str, ActorEntry]:
    """The canonical actors keyed by their canonical name."""
    return {actor.name: actor for actor in load_actors()}


def body_chain(name: str) -> list[str]:
    """`name` and the bodies above it in the actor file (`parent`), nearest first."""
    actors = actors_by_name()
    chain = [name]
    while chain[-1] in actors and actors[chain[-1]].parent is not None and actors[chain[-1]].parent not in chain:
        chain.append(actors[chain[-1]].parent)  # type: ignore[arg-type]
    return chain


def independence_root(name: str) -> str:
    """The topmost body a claimant answers to; claimants with one root are one voice."""
    return body_chain(name)[-1]
