from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

from export_records import DOCUMENT, KHARKIV, PASSPORTS, SHELLING, incident

from svidok.export.acled_csv import ACLED_COLUMNS, write_acled_csv

EXPORTED_AT = datetime(2024, 1, 1, tzinfo=timezone.utc)


def _export(incidents):
    stream = io.StringIO()
    report = write_acled_csv(
        incidents,
        {c.id: c for c in (SHELLING, PASSPORTS)},
        {DOCUMENT.id: DOCUMENT}.get,
        stream,
        exported_at=EXPORTED_AT,
    )
    return report, list(csv.DictReader(io.StringIO(stream.getvalue())))


def test_an_incident_with_an_acled_type_becomes_one_acled_row():
    report, rows = _export([incident(SHELLING, "inc-1", [KHARKIV])])

    assert report.rows == 1
    [row] = rows
    assert tuple(row) == ACLED_COLUMNS
    assert row["event_date"] == "2022-05-06" and row["time_precision"] == "1"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["disorder_type"] == "Political violence"
    assert row["actor1"] == "Russian armed forces" and row["inter1"] == "External/Other forces"
    assert row["actor2"] == "civilians" and row["civilian_targeting"] == "Civilian targeting"
    assert (row["country"], row["iso"], row["location"]) == ("Ukraine", "804", "Kharkiv")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("49.98", "36.25", "1")
    assert row["fatalities"] == "3"
    assert row["timestamp"] == str(int(EXPORTED_AT.timestamp()))


def test_cells_that_would_run_as_spreadsheet_formulas_are_quoted():
    hostile = incident(SHELLING, "inc-1", [KHARKIV])
    hostile.summary = "=cmd|' /C calc'!A0"

    _, [row] = _export([hostile])

    assert row["source"] == "'@Suspilne"
    assert row["notes"].startswith("'=cmd|")


def test_incidents_without_an_acled_type_are_left_out_and_counted():
    report, rows = _export(
        [
            incident(SHELLING, "inc-1", [KHARKIV]),
            incident(PASSPORTS, "inc-2", []),
            incident(SHELLING, "inc-3", [KHARKIV], status="rejected"),
        ]
    )

    assert [r["event_id_cnty"] for r in rows] == ["UKR-inc-1"]
    assert report.omitted == {"no ACLED event type for citizenship_coercion": 1, "rejected by an analyst": 1}


def test_text_with_commas_quotes_and_newlines_parses_back_intact():
    tricky = incident(SHELLING, "inc-1", [KHARKIV])
    tricky.summary = 'Strike, "heavy"\nsecond line'

    _, [row] = _export([tricky])

    assert row["notes"].startswith('Strike, "heavy"\nsecond line.')
