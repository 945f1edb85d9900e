"""Translation of the development data's gold fields into svidok's terms.

The knowledge lives in `evaluate/data/gold_mappings.toml`; this module reads it, checks that
every target exists in svidok's taxonomy and actor files, and offers the lookups the loaders
and the scorer need.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from svidok.knowledge import load_actors, load_taxonomy

NO_SVIDOK_CODE = "none"
# The label of a record without any claim: what extraction should say of a text reporting no event.
NO_CLAIM = "(no claim)"

# Words that say "this is a first-level unit" in the spellings seen, dropped before the stem lookup.
_UNIT_WORDS = frozenset({"oblast", "obalst", "olast", "region", "ukraine"})


@dataclass(frozen=True)
class GoldMappings:
    admin1_by_alias: dict[str, str]
    admin1_by_stem: dict[str, str]
    admin1_group: dict[str, frozenset[str]]
    cir_categories: dict[str, str]
    bellingcat_type: str
    # Data set name -> the claim types that are right for every one of its rows.
    accepted_types: dict[str, frozenset[str]]
    # CIR category -> claim types right besides the category's own code.
    cir_also_accepted: dict[str, frozenset[str]]
    claimant_patterns: tuple[tuple[re.Pattern[str], str], ...]


def admin1_key(spelling: str) -> str:
    """Case-, apostrophe- and punctuation-insensitive form of an admin1 spelling."""
    without_apostrophes = re.sub(r"['ʼ’`]", "", spelling.casefold())
    return " ".join(re.sub(r"[^\w]+", " ", without_apostrophes).split())


@lru_cache(maxsize=1)
def load_gold_mappings() -> GoldMappings:
    """Read and validate `gold_mappings.toml`; raises ValueError naming any unknown target."""
    text = resources.files("svidok.evaluate").joinpath("data", "gold_mappings.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    by_alias: dict[str, str] = {}
    by_stem: dict[str, str] = {}
    for unit in data["admin1"]:
        for alias in [unit["name"], *unit["aliases"]]:
            by_alias[admin1_key(alias)] = unit["name"]
        for stem in unit["stems"]:
            by_stem[admin1_key(stem)] = unit["name"]
    group: dict[str, frozenset[str]] = {name: frozenset({name}) for name in set(by_alias.values())}
    for equivalents in data["admin1_equivalents"]:
        names = frozenset(equivalents["names"])
        _require_known("admin1_equivalents", names, group.keys())
        for name in names:
            group[name] = names
    taxonomy_codes = set(load_taxonomy()) | {NO_SVIDOK_CODE}
    _require_known("cir_categories", set(data["cir_categories"].values()), taxonomy_codes)
    _require_known("bellingcat", {data["bellingcat"]["type"]}, taxonomy_codes)
    correctness = dict(data["claim_correctness"])
    also = {category: frozenset(codes) for category, codes in correctness.pop("cir_also").items()}
    accepted = {name: frozenset(codes) for name, codes in correctness.items()}
    _require_known("claim_correctness", set().union(*accepted.values(), *also.values()), taxonomy_codes - {NO_SVIDOK_CODE})
    _require_known("claim_correctness.cir_also", also.keys(), data["cir_categories"].keys())
    actor_names = {actor.name for actor in load_actors()}
    _require_known("ucdp_claimants", {entry["name"] for entry in data["ucdp_claimants"]}, actor_names)
    patterns = tuple(
        (re.compile(pattern, re.IGNORECASE), entry["name"])
        for entry in data["ucdp_claimants"]
        for pattern in entry["patterns"]
    )
    return GoldMappings(
        by_alias, by_stem, group, dict(data["cir_categories"]), data["bellingcat"]["type"], accepted, also, patterns
    )


def _require_known(section: str, targets: Collection[str], known: Collection[str]) -> None:
    unknown = sorted(t for t in targets if t not in known)
    if unknown:
        raise ValueError(f"gold_mappings.toml [{section}]: unknown target(s) {unknown}")


def normalise_admin1(spelling: str | None) -> str | None:
    """svidok's name for a first-level unit spelled any way seen in the data; None if unknown."""
    if not spelling:
        return None
    mappings = load_gold_mappings()
    key = admin1_key(spelling)
    if key in mappings.admin1_by_alias:
        return mappings.admin1_by_alias[key]
    words = [w for w in key.split() if w not in _UNIT_WORDS]
    return mappings.admin1_by_stem.get(" ".join(words))


def admin1_equivalent(gold: str, extracted: str | None) -> bool:
    """Whether an extracted admin1 (any spelling) names the gold unit or one filed with it."""
    extracted_name = normalise_admin1(extracted)
    if extracted_name is None:
        return False
    return extracted_name in load_gold_mappings().admin1_group.get(gold, frozenset({gold}))


def cir_category_code(category: str) -> str | None:
    """The taxonomy code for a CIR category, `none` where no code fits; None if the category is unknown."""
    return load_gold_mappings().cir_categories.get(category)


def bellingcat_type() -> str:
    return load_gold_mappings().bellingcat_type


def accepted_claim_types(dataset: str) -> frozenset[str]:
    """The claim types that are right for any row of a data set with no per-row category."""
    return load_gold_mappings().accepted_types[dataset]


def cir_accepted_types(category: str) -> frozenset[str] | None:
    """The claim types right for a CIR row of this category; None where it has no svidok code."""
    code = cir_category_code(category)
    if code is None or code == NO_SVIDOK_CODE:
        return None
    return frozenset({code}) | load_gold_mappings().cir_also_accepted.get(category, frozenset())


def canonical_claimants(claimant: str) -> frozenset[str]:
    """Canonical actor names named in a UCDP claimant string (empty if svidok knows none of them)."""
    return frozenset(name for pattern, name in load_gold_mappings().claimant_patterns if pattern.search(claimant))
