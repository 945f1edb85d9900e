from __future__ import annotations

import io
import json

from export_records import KHARKIV, PASSPORTS, SHELLING, incident

from svidok.export.geojson import write_incidents_geojson
from svidok.records import Place

REGION_WITHOUT_COORDINATES = Place("Luhansk region", "Luhansk Oblast", None, "Luhansk Oblast", "UA", None, None, "region")


def test_located_incidents_are_points_and_unlocated_ones_are_counted():
    stream = io.StringIO()

    write_incidents_geojson(
        [incident(SHELLING, "inc-1", [KHARKIV]), incident(PASSPORTS, "inc-2", [REGION_WITHOUT_COORDINATES])],
        stream,
    )

    collection = json.loads(stream.getvalue())
    assert collection["type"] == "FeatureCollection"
    assert collection["unlocated"] == 1
    [feature] = collection["features"]
    assert feature["type"] == "Feature" and feature["id"] == "inc-1"
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.25, 49.98]}
    assert feature["properties"]["status"] == "single_source"
    assert feature["properties"]["place"] == "Kharkiv"


def test_a_place_without_coordinates_is_passed_over_for_the_next():
    stream = io.StringIO()

    write_incidents_geojson([incident(SHELLING, "inc-1", [REGION_WITHOUT_COORDINATES, KHARKIV])], stream)

    [feature] = json.loads(stream.getvalue())["features"]
    assert feature["properties"]["place"] == "Kharkiv"
