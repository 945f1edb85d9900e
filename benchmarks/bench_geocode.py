"""Measure the gazetteer: load time, geocode throughput, and accuracy on shared data.

    .venv/bin/python benchmarks/bench_geocode.py [--shared PATH] [--misses N]

Accuracy (the files are read from ../shared/data, never copied into the repository):
- bellingcat_civharm_to_2023-06.jsonl: rows with a non-empty `location`, geocoded as is;
  a hit is a best candidate within 10 km of the gold point.
- cir_monitor_to_2022-08.jsonl: query "town, province" from the gold fields; a hit is within
  10 km; the province is right when the best candidate's admin1 is the gold province
  geocoded alone (Kyiv City counts as Kyiv Oblast). Namesakes: the same, for the town alone.
- ucdp_ukraine_2014_2021.jsonl: `find_places` on the headline text; the oblast is the admin1
  named most often among the places found (first on ties). Scored over rows with a gold
  admin1 whose headline yields a place below country level ("names a place").
Every query passes the row's text as `context` (as `svidok geocode --input` receives it:
{id, query, context}) and its `published` date (the era prior of eras.toml), unless
--no-context or --undated is given. Misses are counted by kind: the precision of the wrong answer, or none.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from svidok.geocode import Gazetteer, find_places, geocode, load_gazetteer

HIT_KM = 10.0
# Large cities span more than 10 km around their GeoNames point: a miss within this is
# usually the right city with a district-level gold point.
NEAR_KM = 25.0


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def shared_dir(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    if "SVIDOK_SHARED" in os.environ:
        return Path(os.environ["SVIDOK_SHARED"])
    return Path(__file__).resolve().parents[1] / ".." / "shared"


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def judge(query: str, context: str, gold_lat: float, gold_lon: float, gaz: Gazetteer,
          published: str | None) -> tuple[str, Any]:
    """('hit'|'near'|'far'|'none'|'region', best place or None)."""
    places = geocode(query, gaz, context, published=published)
    if not places:
        return "none", None
    best = places[0]
    distance = km_between(best.lat, best.lon, gold_lat, gold_lon) if best.lat is not None else math.inf
    if distance <= HIT_KM:
        return "hit", best
    if distance <= NEAR_KM and best.precision == "settlement":
        return "near", best
    return ("region" if best.precision in ("region", "country") else f"far-{best.precision}"), best


def bellingcat(path: Path, gaz: Gazetteer, misses: int, dated: bool, with_context: bool) -> None:
    rows = [r for r in read_jsonl(path) if r.get("location", "").strip()]
    outcomes: Counter[str] = Counter()
    examples: list[str] = []
    for row in rows:
        context = row.get("text", "") if with_context else ""
        outcome, best = judge(row["location"], context, row["gold"]["lat"], row["gold"]["lon"], gaz,
                              _published(row, dated))
        outcomes[outcome] += 1
        if outcome not in ("hit", "near") and len(examples) < misses:
            examples.append(f"  {outcome:6} {row['location']!r} -> {best.name if best else None}")
    report("bellingcat (location field)", len(rows), outcomes, examples)


def cir(path: Path, gaz: Gazetteer, misses: int, dated: bool, with_context: bool) -> None:
    rows = [r for r in read_jsonl(path) if r["gold"].get("town", "").strip()]
    outcomes: Counter[str] = Counter()
    province_right = province_known = alone_right = alone_known = 0
    examples: list[str] = []
    for row in rows:
        gold = row["gold"]
        query = ", ".join(p for p in (gold["town"], gold.get("province", "")) if p)
        context = row.get("text", "") if with_context else ""
        outcome, best = judge(query, context, gold["lat"], gold["lon"], gaz, _published(row, dated))
        outcomes[outcome] += 1
        province = geocode(gold["province"], gaz) if gold.get("province") else []
        # A sea named as the province ("Black Sea") is no admin1 region.
        if province and province[0].precision == "region" and province[0].admin1 is not None:
            allowed = {gaz.region_name(c) for c in gaz.with_enclosed({_code_of(province[0].name, gaz)})}
            province_known += 1
            province_right += best is not None and best.admin1 in allowed
            town_alone = geocode(gold["town"], gaz, published=_published(row, dated))
            alone_known += bool(town_alone)
            alone_right += bool(town_alone) and town_alone[0].admin1 in allowed
        if outcome not in ("hit", "near") and len(examples) < misses:
            examples.append(f"  {outcome:6} {query!r} -> {best.name if best else None}")
    report("cir monitor (town, province)", len(rows), outcomes, examples)
    print(f"  province correct: {province_right}/{province_known} = {province_right / max(province_known, 1):.1%} "
          f"(rows whose gold province we resolve)")
    print(f"  town alone in the gold province: {alone_right}/{alone_known} = "
          f"{alone_right / max(alone_known, 1):.1%} (rows whose town alone and province we resolve)")


def headline_oblast(text: str, gaz: Gazetteer, published: str | None) -> str | None:
    """The admin1 the places in `text` name most often (first named on ties), if any."""
    admin1s = [p.admin1 for p in find_places(text, gaz, published=published) if p.admin1]
    return Counter(admin1s).most_common(1)[0][0] if admin1s else None


def ucdp_gold_region(admin1: str, gaz: Gazetteer) -> str | None:
    """Our region name for UCDP's admin1 ("Donetsk oblast", "Kiev Special Republican city")."""
    if admin1.endswith("Special Republican city"):
        city = geocode(admin1.split(" ")[0], gaz)
        return city[0].admin1 if city else None
    region = geocode(admin1, gaz)
    return region[0].name if region and region[0].precision == "region" else None


def ucdp(path: Path, gaz: Gazetteer, misses: int, dated: bool) -> None:
    rows = [r for r in read_jsonl(path) if r["gold"].get("admin1")]
    named = right = 0
    wrong: Counter[str] = Counter()
    examples: list[str] = []
    for row in rows:
        predicted = headline_oblast(row["text"], gaz, _published(row, dated))
        if predicted is None:
            continue
        named += 1
        gold = ucdp_gold_region(row["gold"]["admin1"], gaz)
        if predicted == gold:
            right += 1
            continue
        wrong[f"{gold} -> {predicted}"] += 1
        if len(examples) < misses:
            examples.append(f"  {gold} -> {predicted}: {row['text'][:110]!r}")
    print(f"ucdp (headline oblast): {len(rows)} rows with a gold admin1; a place found in {named} "
          f"= {named / max(len(rows), 1):.1%}; oblast correct {right}/{named} = {right / max(named, 1):.1%}")
    print(f"  wrong oblast by kind: {dict(wrong.most_common(6))}")
    print("\n".join(examples))


def _published(row: dict[str, Any], dated: bool) -> str | None:
    return row.get("published") if dated else None


def _code_of(region_name: str, gaz: Gazetteer) -> str:
    return next(code for code, region in gaz.regions.items() if region.name == region_name)


def report(title: str, total: int, outcomes: Counter[str], examples: list[str]) -> None:
    print(f"{title}: {total} rows; within {HIT_KM:.0f} km {outcomes['hit']} = {outcomes['hit'] / max(total, 1):.1%}; "
          f"10-{NEAR_KM:.0f} km {outcomes['near']}, far settlement {outcomes['far-settlement']}, "
          f"far district {outcomes['far-district']}, region-only {outcomes['region']}, no answer {outcomes['none']}")
    print("\n".join(examples))


def speed(gaz: Gazetteer) -> None:
    queries = ["Sorokine", "Andriivka", "Kharkov", "Shebekino, Belgorod region", "Бахмутом", "Zaporizhia", "Atlantis"]
    rounds = 300
    started = time.perf_counter()
    for _ in range(rounds):
        for query in queries:
            geocode(query, gaz)
    elapsed = time.perf_counter() - started
    print(f"geocode: {rounds * len(queries) / elapsed:,.0f} queries/s (mixed exact, fuzzy and unknown queries)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="folder holding data/*.jsonl (default ../shared or $SVIDOK_SHARED)")
    parser.add_argument("--misses", type=int, default=15, help="how many misses to print per data set")
    parser.add_argument("--undated", action="store_true", help="ignore the rows' publication dates")
    parser.add_argument("--no-context", action="store_true", help="geocode the queries without the rows' text")
    args = parser.parse_args()
    started = time.perf_counter()
    gaz = load_gazetteer()
    print(f"gazetteer load: {time.perf_counter() - started:.2f} s")
    speed(gaz)
    data = shared_dir(args.shared) / "data"
    if not data.is_dir():
        print(f"accuracy skipped: {data} not found (set --shared or SVIDOK_SHARED)")
        return
    dated = not args.undated
    with_context = not args.no_context
    bellingcat(data / "bellingcat_civharm_to_2023-06.jsonl", gaz, args.misses, dated, with_context)
    cir(data / "cir_monitor_to_2022-08.jsonl", gaz, args.misses, dated, with_context)
    ucdp(data / "ucdp_ukraine_2014_2021.jsonl", gaz, args.misses, dated)


if __name__ == "__main__":
    main()
