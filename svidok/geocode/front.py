"""Where the front ran in an era of the war (eras.toml), and how near to it a point lies.

Reports of fighting name front-line villages far more often than their size suggests: of
the twenty Ivanivkas, a report of shelling in the summer of 2022 means the one on the line.
A front is a few polylines through the towns it ran by; a point's nearness is 1 on a line,
falling linearly to 0 at `reach_km` from it.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from svidok.geocode.distance import KM_PER_DEGREE_OF_LATITUDE

# A point as (latitude, longitude) in decimal degrees.
Point = tuple[float, float]
# How far from the line a village still counts as near the front: artillery reaches some
# 20-40 km either side, and the line is drawn through towns, not along the trenches.
FRONT_REACH_KM = 40.0


class FrontLine:
    """The polylines of one era's front (none: no point is near it)."""

    def __init__(self, lines: Sequence[Sequence[Point]], reach_km: float = FRONT_REACH_KM) -> None:
        self.reach_km = reach_km
        # A line of one point (a besieged city) is a segment of no length.
        self._segments = [(a, b) for line in lines for a, b in zip(line, line[1:] or line)]
        # Distances are asked for the same few thousand settlements again and again.
        self._cache: dict[Point, float] = {}  # point -> km to the nearest segment

    def __bool__(self) -> bool:
        return bool(self._segments)

    def nearness(self, lat: float, lon: float, uncertainty_km: float = 0.0) -> float:
        """1.0 on the front, falling linearly to 0.0 at `reach_km` from it and beyond. A point
        known only to within `uncertainty_km` is taken to lie that much farther away."""
        if not self._segments:
            return 0.0
        distance = self._cache.get((lat, lon))
        if distance is None:
            distance = self._cache[lat, lon] = min(_km_to_segment(lat, lon, a, b) for a, b in self._segments)
        return max(0.0, 1.0 - (distance + uncertainty_km) / self.reach_km)


def _km_to_segment(lat: float, lon: float, a: Point, b: Point) -> float:
    """Distance from the point to segment a-b, on a plane tangent at the point: the segments
    are tens of kilometres long, where the flat approximation errs by well under 1%."""
    x_scale = KM_PER_DEGREE_OF_LATITUDE * math.cos(math.radians(lat))
    ax, ay = (a[1] - lon) * x_scale, (a[0] - lat) * KM_PER_DEGREE_OF_LATITUDE
    bx, by = (b[1] - lon) * x_scale, (b[0] - lat) * KM_PER_DEGREE_OF_LATITUDE
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
    return math.hypot(ax + t * dx, ay + t * dy)
