"""`svidok eval` end to end: refusing unknown files, and scoring the shared development files."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from svidok.cli.eval import command

SHARED_FILES = ["ucdp_ukraine_2014_2021.jsonl", "bellingcat_civharm_to_2023-06.jsonl", "cir_monitor_to_2022-08.jsonl"]
# A metric row of the table: name, value (or n/a), hits/total.
METRIC_ROW = re.compile(r"^  (?P<name>(?:date|admin1|coords|deaths|claimant|type|coverage)\w*)\s+(?P<value>n/a|\d\.\d{3})\s")


def shared_data_dir() -> Path:
    configured = os.environ.get("SVIDOK_SHARED")
    return (Path(configured) if configured else Path(__file__).resolve().parents[2] / ".." / "shared") / "data"


def test_a_file_that_is_not_a_development_set_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "t", "published": "2022-01-01"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(command, [str(path)])
    assert result.exit_code == 1
    assert "claims.jsonl: first row has keys" in result.output
    assert "UCDP, Bellingcat and CIR development files and svidok's annotated fixtures only" in result.output


@pytest.mark.shared_data
@pytest.mark.parametrize("name", SHARED_FILES)
def test_eval_prints_a_table_of_scores_between_0_and_1_for_the_first_30_rows(name):
    path = shared_data_dir() / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared development data is not on this machine (set SVIDOK_SHARED)")
    result = CliRunner().invoke(command, [str(path), "--limit", "30"])
    assert result.exit_code == 0, result.output
    assert ": 30 records" in result.output
    rows = [m for line in result.output.splitlines() if (m := METRIC_ROW.match(line))]
    names = {m["name"] for m in rows}
    assert {"date_exact", "date_within_1d", "coords_10km", "coverage_claim"} <= names
    for row in rows:
        if row["value"] != "n/a":
            assert 0.0 <= float(row["value"]) <= 1.0, row.group(0)
