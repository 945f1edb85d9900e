"""Whether the places and dates of two claims can belong to one event."""
from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from svidok.geocode.distance import haversine_km
from svidok.records import EventDate, Place


class PlaceRelation(Enum):
    MATCH = "match"
    UNKNOWN = "unknown"  # one side names no usable place: only the text can decide
    CONFLICT = "conflict"


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two resolved places, None where either lacks coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def places_match(a: Place, b: Place, max_distance_km: float) -> bool:
    """Same gazetteer entry, a short distance apart, or one is a region containing the other."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if "region" in (a.precision, b.precision):
        # A region's centroid says nothing about distance to a town inside it.
        return a.admin1 is not None and a.admin1 == b.admin1
    distance = distance_km(a, b)
    return distance is not None and distance <= max_distance_km


def _usable(places: list[Place]) -> list[Place]:
    # "In Ukraine" locates nothing: a country-wide place cannot confirm or rule out a match.
    return [p for p in places if p.precision != "country"]


def relate_places(a: list[Place], b: list[Place], max_distance_km: float) -> PlaceRelation:
    usable_a, usable_b = _usable(a), _usable(b)
    if not usable_a or not usable_b:
        return PlaceRelation.UNKNOWN
    if any(places_match(p, q, max_distance_km) for p in usable_a for q in usable_b):
        return PlaceRelation.MATCH
    return PlaceRelation.CONFLICT


def date_bounds(event_date: EventDate | None) -> tuple[date, date] | None:
    """First and last day of the event, None where the date is unknown."""
    if event_date is None or event_date.start is None:
        return None
    return event_date.start, event_date.end or event_date.start


def dates_compatible(a: EventDate | None, b: EventDate | None, slack_days: int) -> bool:
    """Overlapping or within `slack_days` of each other; an unknown date rules nothing out."""
    bounds_a, bounds_b = date_bounds(a), date_bounds(b)
    if bounds_a is None or bounds_b is None:
        return True
    slack = timedelta(days=slack_days)
    return bounds_a[0] - slack <= bounds_b[1] and bounds_b[0] - slack <= bounds_a[1]
