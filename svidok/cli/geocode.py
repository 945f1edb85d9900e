"""`svidok geocode`: resolve place names against the packaged Ukraine gazetteer."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

import click

from svidok.cli.common import fail
from svidok.geocode import Gazetteer, geocode, load_gazetteer
from svidok.records import Place


def place_row(record_id: Any, places: list[Place], query: str) -> dict[str, Any]:
    """One output line: the best candidate, or nulls with the reason nothing fits."""
    if not places:
        return {"id": record_id, "name": None, "geonameid": None, "admin1": None, "lat": None, "lon": None,
                "precision": None, "score": None, "reason": f"no place in the gazetteer matches {query!r}"}
    best = places[0]
    return {"id": record_id, "name": best.name, "geonameid": best.geonameid, "admin1": best.admin1,
            "lat": best.lat, "lon": best.lon, "precision": best.precision, "score": best.score}


class UnusableLine(ValueError):
    """An input line that is not `{id, query, context?}`; keeps the id where one was readable."""

    def __init__(self, message: str, record_id: Any = None) -> None:
        super().__init__(message)
        self.record_id = record_id


def read_query_line(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except ValueError as error:
        raise UnusableLine(f"not JSON ({error})") from error
    if not isinstance(record, dict):
        raise UnusableLine("not a JSON object")
    if not isinstance(record.get("query"), str):
        raise UnusableLine("no string 'query'", record.get("id"))
    if record.get("published") is not None and not isinstance(record["published"], str):
        raise UnusableLine("'published' is not an ISO date string", record.get("id"))
    return record


def geocode_lines(lines: TextIO, gaz: Gazetteer) -> Iterator[dict[str, Any]]:
    """One result per JSONL input line `{id, query, context?, published?}`; a bad line gives
    an error row. `published` (YYYY-MM-DD) is the report's date: it picks the era prior."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = read_query_line(line)
        except UnusableLine as error:
            yield {"id": error.record_id, "line": number, "error": f"line {number}: {error}; skipped, processing went on"}
            continue
        try:
            places = geocode(record["query"], gaz, record.get("context") or "", published=record.get("published"))
        except ValueError as error:
            yield {"id": record.get("id"), "line": number, "error": f"line {number}: {error}; skipped, processing went on"}
            continue
        yield place_row(record.get("id"), places, record["query"])


def _candidate_json(place: Place) -> dict[str, Any]:
    return {**place.to_json(), "score": place.score}


@click.command(name="geocode")
@click.argument("query", required=False)
@click.option("--context", default="", help="Text around the query; regions it names steer namesakes.")
@click.option("--published", default=None, help="Date of the report (YYYY-MM-DD): weighs namesakes by where "
              "that period's fighting was (e.g. Donbas in 2014-2022).")
@click.option("--input", "input_file", type=click.File("r", encoding="utf-8"),
              help="JSONL of {id, query, context?, published?} to geocode ('-' for stdin).")
@click.option("--output", "output_file", type=click.File("w", encoding="utf-8"), default="-",
              show_default=True, help="Where to write JSON lines ('-' for stdout).")
def command(query: str | None, context: str, published: str | None, input_file: TextIO | None,
            output_file: TextIO) -> None:
    """Resolve QUERY (or each line of --input) to a place: best match and runner-ups."""
    if (query is None) == (input_file is None):
        fail("svidok geocode: give either a QUERY or --input FILE, not both or neither")
    gaz = load_gazetteer()
    if input_file is not None:
        for row in geocode_lines(input_file, gaz):
            output_file.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    try:
        places = geocode(query or "", gaz, context, published=published)
    except ValueError as error:
        fail(f"svidok geocode: {error}")
    result = {
        "query": query,
        "best": _candidate_json(places[0]) if places else None,
        "runner_ups": [_candidate_json(p) for p in places[1:]],
    }
    if not places:
        result["reason"] = f"no place in the gazetteer matches {query!r}"
    output_file.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
