"""The commands as a user runs them: real ingest, extraction, linking and store, via click."""
from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from svidok.cli import main
from svidok.demo import corpus_dir
from svidok.ingest import read_sources
from svidok.records import Document, Incident
from svidok.store import Store

GUR = "Defence Intelligence of Ukraine (GUR)"


class DemoRun:
    def __init__(self, path: Path, result: Result, seconds: float) -> None:
        self.path, self.result, self.seconds = path, result, seconds
        self.url = f"sqlite:///{path}"

    def incidents(self) -> list[Incident]:
        store = Store.open(self.url)
        try:
            return store.list_incidents()
        finally:
            store.close()

    def invoke(self, *args: str) -> Result:
        return CliRunner().invoke(main, [*args, "--db", self.url])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    path.write_text("an older file the demo must replace")
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["demo", "--db", str(path)])
    return DemoRun(path, result, time.perf_counter() - started)


def _documents_named(*names: str) -> set[str]:
    """Ids of demo articles, read the way the demo reads them (ids are content hashes)."""
    return {d.id for d in read_sources([str(corpus_dir() / name) for name in names]) if isinstance(d, Document)}


def test_the_demo_prints_its_incidents_in_under_a_minute(demo: DemoRun):
    assert demo.result.exit_code == 0, demo.result.output
    assert "single_source" in demo.result.stdout
    assert "failed" not in demo.result.stdout.split("\n\n")[0].splitlines()[1:]
    assert demo.seconds < 60


def test_the_two_reprints_of_one_gur_statement_are_one_incident_with_one_claimant(demo: DemoRun):
    reprints = _documents_named("10-melitopol-passports-gur.html", "11-melitopol-passports-reprint.html")

    shared = [i for i in demo.incidents() if reprints <= set(i.document_ids)]

    assert shared, "no incident holds both GUR reprints"
    for incident in shared:
        assert incident.source_count == 2
        assert incident.independent_claimant_count == 1
        # Unnamed residents quoted in both reprints are listed but corroborate nothing.
        assert [c for c in incident.claimants if c != "residents"] == [GUR]
        assert incident.status == "single_source"


def test_the_governor_and_human_rights_watch_corroborate_the_saltivka_shelling(demo: DemoRun):
    reports = _documents_named("01-kharkiv-saltivka-shelling.html", "02-kharkiv-saltivka-hrw.html")

    [shelling] = [
        i for i in demo.incidents() if i.type == "attack_on_civilians" and reports <= set(i.document_ids)
    ]

    assert shelling.status == "corroborated"
    assert "Human Rights Watch" in shelling.claimants


def test_the_strike_moscow_calls_fake_is_contested(demo: DemoRun):
    reports = _documents_named("03-zaporizhzhia-missile-strike.html", "04-zaporizhzhia-strike-denied.html")

    covering_both = [i for i in demo.incidents() if reports <= set(i.document_ids)]

    assert "attack_on_civilians" in {i.type for i in covering_both}
    assert {i.status for i in covering_both} == {"contested"}


def test_incidents_prints_a_table_and_json(demo: DemoRun):
    table = demo.invoke("incidents", "--limit", "3")
    as_json = demo.invoke("incidents", "--json")

    assert table.exit_code == 0 and table.stdout.splitlines()[0].split()[:3] == ["id", "type", "status"]
    assert len(table.stdout.splitlines()) == 4
    assert {i["id"] for i in json.loads(as_json.stdout)} == {i.id for i in demo.incidents()}


def test_export_writes_each_format(demo: DemoRun, tmp_path: Path):
    jsonl = demo.invoke("export", "--format", "jsonl")
    acled = demo.invoke("export", "--format", "acled-csv", "--output", str(tmp_path / "acled.csv"))
    geojson = demo.invoke("export", "--format", "geojson")

    claims = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert claims and all(c["document"]["sha256"] == c["document_id"] for c in claims)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "acled.csv").read_text(encoding="utf-8"))))
    located = [r for r in rows if r["location"]]
    assert located and {r["country"] for r in located} == {"Ukraine"}
    assert "left out" in acled.stderr
    collection = json.loads(geojson.stdout)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) + collection["unlocated"] == len(demo.incidents())


def test_ingest_reports_a_bad_input_and_still_succeeds(tmp_path: Path, sqlite_url: str):
    good = tmp_path / "report.txt"
    good.write_text("Russian shelling killed two civilians in Kherson on Monday, officials said.", encoding="utf-8")

    result = CliRunner().invoke(main, ["ingest", str(good), str(tmp_path / "missing.txt"), "--db", sqlite_url])

    assert result.exit_code == 0, result.output
    assert "failed [ingest]" in result.stdout and "missing.txt" in result.stdout


def test_ingest_fails_when_nothing_can_be_read(tmp_path: Path, sqlite_url: str):
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "missing.txt"), "--db", sqlite_url])

    assert result.exit_code == 1
    assert "nothing could be read" in result.stderr
