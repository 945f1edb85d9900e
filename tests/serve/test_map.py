"""The map page draws the filtered incidents over the packaged oblast outlines, with a weekly timeline."""
from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources

from fastapi.testclient import TestClient

from svidok.records import Incident, Place
from svidok.serve.map_svg import map_points, project, weekly_timeline
from svidok.store import Store
from svidok.store.queries import IncidentFilter, IncidentQueries


def _incident(incident_id: str, start: date | None, places: tuple[Place, ...] = ()) -> Incident:
    return Incident(incident_id, "killing", ["c"], ["d"], 1, 1, [], [], "single_source", list(places), start, start)


def test_the_packaged_outlines_cover_every_oblast_with_crimea_and_sevastopol_in_ukraine() -> None:
    outlines = json.loads((resources.files("svidok.serve") / "static" / "ukraine-oblasts.json").read_text())
    codes = {f["properties"]["code"]: f["properties"]["country"] for f in outlines["features"]}
    assert len(codes) == 27 and set(codes.values()) == {"UA"}
    assert {"UA-KR", "UA-SC", "UA-KC", "UA-LH"} <= set(codes)


def test_points_sit_where_the_places_are_and_country_wide_incidents_are_left_off() -> None:
    kharkiv = Place("Kharkiv", "Kharkiv", 706483, "Kharkiv Oblast", "UA", 49.98, 36.25, "settlement")
    lviv = Place("Lviv", "Lviv", 702550, "Lviv Oblast", "UA", 49.84, 24.03, "settlement")
    ukraine = Place("Ukraine", "Ukraine", 690791, None, "UA", 49.0, 31.4, "country")
    points = map_points([_incident("a", None, [kharkiv]), _incident("b", None, [lviv]), _incident("c", None, [ukraine])])
    assert [p.incident.id for p in points] == ["a", "b"]
    east, west = points
    assert east.x > west.x and east.y < west.y  # Kharkiv lies east of Lviv, and a little north
    assert (east.x, east.y) == project(49.98, 36.25)


def test_the_timeline_counts_incidents_per_week_including_empty_weeks() -> None:
    incidents = [_incident("a", date(2022, 5, 2)), _incident("b", date(2022, 5, 8)),
                 _incident("c", date(2022, 5, 23)), _incident("d", None)]
    timeline = weekly_timeline(incidents, width=300, height=100)
    assert [(bar.week, bar.count) for bar in timeline.bars] == [
        (date(2022, 5, 2), 2), (date(2022, 5, 9), 0), (date(2022, 5, 16), 0), (date(2022, 5, 23), 1),
    ]
    assert timeline.bars[0].height == 100 and timeline.bars[3].height == 50 and timeline.undated == 1


def test_the_map_page_shows_the_filtered_incidents_coloured_by_status(
    viewer_client: tuple[TestClient, str], demo_store: Store
) -> None:
    client, _ = viewer_client
    page = client.get("/map").text
    assert page.count("<path d=") == 27
    placed = map_points(IncidentQueries(demo_store).incident_page(IncidentFilter(), 1, 1000).incidents)
    circles = re.findall(r'<a href="/incidents/([^"]+)"><circle class="point status-(\w+)', page)
    assert placed and sorted(circles) == sorted((p.incident.id, p.incident.status) for p in placed)
    bars = [int(n) for n in re.findall(r"<title>week of [\d-]+: (\d+)</title>", page)]
    assert sum(bars) == sum(1 for p in demo_store.list_incidents() if p.date_start is not None)
    killings = client.get("/map", params={"type": "killing"}).text
    shown = set(re.findall(r'<a href="/incidents/([^"]+)"><circle', killings))
    assert shown and shown <= {i.id for i in demo_store.list_incidents() if i.type == "killing"}
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing loaded from elsewhere
