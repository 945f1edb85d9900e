"""`svidok geocode` through click's runner, on queries written for these tests."""
from __future__ import annotations

import json

from click.testing import CliRunner

from svidok.cli.geocode import command


def test_single_query_prints_best_match_and_runner_ups() -> None:
    result = CliRunner().invoke(command, ["Andriivka"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed["best"]["name"].startswith("Andri")
    assert printed["runner_ups"]


def test_jsonl_input_gives_one_line_per_input_and_survives_bad_lines() -> None:
    lines = "\n".join([
        json.dumps({"id": "a", "query": "Krasnodon"}),
        "this is not json",
        json.dumps({"id": "c", "query": "Andriivka", "context": "Kharkiv region"}),
        json.dumps({"id": "d", "query": "Atlantis"}),
    ])
    result = CliRunner().invoke(command, ["--input", "-"], input=lines)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in rows] == ["a", None, "c", "d"]
    assert rows[0]["geonameid"] == 704403
    assert rows[1]["line"] == 2 and "not JSON" in rows[1]["error"]
    assert rows[2]["admin1"] == "Kharkiv Oblast"
    assert rows[3]["name"] is None and rows[3]["reason"]


def test_no_query_and_no_input_is_an_argument_error() -> None:
    result = CliRunner().invoke(command, [])
    assert result.exit_code == 1
