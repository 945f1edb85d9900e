"""Loaders for svidok's versioned knowledge files (taxonomy, ACLED codebook, actors).

Knowledge lives in TOML files under `knowledge/data/`; this module only reads them.
It imports nothing else of svidok except `records`.
"""
from __future__ import annotations

import re
import tomllib
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


@dataclass(frozen=True)
class ClaimType:
    code: str
    label: str
    description: str
    legal: tuple[LegalRef, ...]
    acled_event_type: str | None
    acled_sub_event_type: str | None
    acled_refinements: tuple[AcledRefinement, ...]

    def acled_for(self, evidence_text: str) -> tuple[str | None, str | None]:
        """ACLED event and sub-event type for a claim of this type resting on `evidence_text`."""
        for refinement in self.acled_refinements:
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
    types: dict[str, ClaimType] = {}
    for code, entry in data["types"].items():
        acled = entry.get("acled", {})
        refinements = tuple(
            AcledRefinement(re.compile(r["pattern"], re.IGNORECASE), r["event_type"], r["sub_event_type"])
            for r in entry.get("acled_refine", [])
        )
        for event_type, sub in [(acled.get("event_type"), acled.get("sub_event_type"))] + [
            (r.event_type, r.sub_event_type) for r in refinements
        ]:
            if event_type is not None and sub not in codebook.get(event_type, ()):
                raise ValueError(f"taxonomy.toml: {code} maps to unknown ACLED type {event_type!r}/{sub!r}")
        types[code] = ClaimType(
            code=code,
            label=entry["label"],
            description=entry["description"],
            legal=tuple(LegalRef(**ref) for ref in entry.get("legal", [])),
            acled_event_type=acled.get("event_type"),
            acled_sub_event_type=acled.get("sub_event_type"),
            acled_refinements=refinements,
        )
    return types


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


def independence_root(name: str) -> str:
    """The topmost body a claimant answers to; claimants with one root are one voice."""
    actors = actors_by_name()
    seen = {name}
    while name in actors and actors[name].parent is not None and actors[name].parent not in seen:
        name = actors[name].parent  # type: ignore[assignment]
        seen.add(name)
    return name
