"""The map and the timeline as inline SVG, drawn on the server: no tiles, no script, no CDN.

The base map is Ukraine's oblast outlines (static/ukraine-oblasts.json, built by
scripts/build_oblast_outlines.py). Coordinates are projected equirectangularly with the
longitude scaled by cos(48.5°), which keeps Ukraine's shape within a few per cent.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from svidok.records import Incident

OUTLINES = "ukraine-oblasts.json"
WIDTH = 960.0
# Ukraine with a margin: west, south, east, north (degrees).
BOUNDS = (22.0, 44.2, 40.4, 52.5)
_X_SCALE = math.cos(math.radians(48.5))
_SCALE = WIDTH / ((BOUNDS[2] - BOUNDS[0]) * _X_SCALE)
HEIGHT = round((BOUNDS[3] - BOUNDS[1]) * _SCALE, 1)

TIMELINE_HEIGHT = 120.0
MAX_MONTH_LABELS = 12


@dataclass(frozen=True)
class Outline:
    code: str  # ISO 3166-2, "UA-KH"
    path: str  # SVG path data


@dataclass(frozen=True)
class MapPoint:
    incident: Incident
    x: float
    y: float
    # "settlement" or "district" (drawn solid) or "region" (a ring: only the region is known).
    precision: str


@dataclass(frozen=True)
class WeekBar:
    week: date  # its Monday
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Timeline:
    bars: list[WeekBar]
    months: list[tuple[float, str]]  # x of each month's first Monday, "2022-05"
    undated: int
    tallest: int


def project(lat: float, lon: float) -> tuple[float, float]:
    return round((lon - BOUNDS[0]) * _X_SCALE * _SCALE, 1), round((BOUNDS[3] - lat) * _SCALE, 1)


@cache
def oblast_outlines() -> tuple[Outline, ...]:
    collection = json.loads((resources.files("svidok.serve") / "static" / OUTLINES).read_text(encoding="utf-8"))
    return tuple(
        Outline(feature["properties"]["code"], _path(feature["geometry"]["coordinates"]))
        for feature in collection["features"]
    )


def _path(multipolygon: list[list[list[list[float]]]]) -> str:
    rings = []
    for polygon in multipolygon:
        for ring in polygon:
            points = [project(lat, lon) for lon, lat in ring]
            rings.append("M" + "L".join(f"{x},{y}" for x, y in points) + "Z")
    return "".join(rings)


def map_points(incidents: list[Incident]) -> list[MapPoint]:
    """One point per incident at its most precise place; incidents placed only in "Ukraine" are left off."""
    points = []
    for incident in incidents:
        place = next(
            (p for p in incident.places if p.lat is not None and p.lon is not None and p.precision != "country"), None
        )
        if place is not None and place.lat is not None and place.lon is not None:
            x, y = project(place.lat, place.lon)
            points.append(MapPoint(incident, x, y, place.precision))
    return points


def weekly_timeline(incidents: list[Incident], width: float = WIDTH, height: float = TIMELINE_HEIGHT) -> Timeline:
    """Incidents per week of their start date, as bars spanning every week from the first to the last."""
    weeks = Counter(_monday(i.date_start) for i in incidents if i.date_start is not None)
    undated = sum(1 for i in incidents if i.date_start is None)
    if not weeks:
        return Timeline([], [], undated, 0)
    first, last = min(weeks), max(weeks)
    span = (last - first).days // 7 + 1
    step = width / span
    tallest = max(weeks.values())
    bars = []
    for n in range(span):
        week = first + timedelta(weeks=n)
        bar_height = round(height * weeks[week] / tallest, 1)
        bars.append(WeekBar(week, weeks[week], round(n * step, 1), round(height - bar_height, 1),
                            round(max(step - 1, 1), 1), bar_height))
    months = [(bar.x, bar.week.strftime("%Y-%m")) for bar in bars if bar.week.day <= 7]
    # A timeline inside one month may hold no week starting in a month's first days: no labels.
    every = max(1, math.ceil(len(months) / MAX_MONTH_LABELS))
    return Timeline(bars, months[::every], undated, tallest)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
