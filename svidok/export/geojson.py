"""Incidents as a GeoJSON FeatureCollection: one Point per incident at its most precise place.

Incidents without coordinates are not dropped silently: the collection carries their
number in a top-level `unlocated` member (allowed by RFC 7946 as a foreign member).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from svidok.records import Incident, Place


def _located_place(incident: Incident) -> Place | None:
    # Places are ordered most precise first.
    return next((p for p in incident.places if p.lat is not None and p.lon is not None), None)


def incident_feature(incident: Incident, place: Place) -> dict[str, Any]:
    properties = incident.to_json()
    properties["place"] = place.name
    properties["place_precision"] = place.precision
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": properties,
    }


def incidents_feature_collection(incidents: Iterable[Incident]) -> dict[str, Any]:
    features = []
    unlocated = 0
    for incident in incidents:
        place = _located_place(incident)
        if place is None:
            unlocated += 1
        else:
            features.append(incident_feature(incident, place))
    return {"type": "FeatureCollection", "features": features, "unlocated": unlocated}


def write_incidents_geojson(incidents: Iterable[Incident], stream: TextIO) -> dict[str, Any]:
    """Write the collection and return it (callers report `unlocated`)."""
    collection = incidents_feature_collection(incidents)
    json.dump(collection, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
    return collection
