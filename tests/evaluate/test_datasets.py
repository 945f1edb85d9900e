"""Recognising the development files by their gold keys and stating their gold in svidok's terms."""
from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path

import pytest

from svidok.evaluate.datasets import UnknownDatasetError, choose_lines, load_dev_records
from svidok.evaluate.gold_mappings import (
    canonical_claimants,
    cir_category_code,
    load_gold_mappings,
    normalise_admin1,
)
from svidok.knowledge import load_taxonomy

UCDP_ROW = {
    "id": "u-1", "text": "Two soldiers killed near Avdiivka: JFO", "published": "2019-06-02",
    "gold": {"date_start": "2019-06-01", "date_end": "2019-06-01", "date_prec": "1", "admin1": "Donetsk oblast",
             "admin2": "", "place": "Avdiivka", "where_prec": "1", "lat": 48.14, "lon": 37.74, "deaths_best": 2,
             "deaths_civilians": 0, "claimant": "JFO on Facebook, Euromaidan Press", "side_a": "x", "side_b": "y",
             "type_of_violence": "1"},
}
BELLINGCAT_ROW = {
    "id": "b-1", "text": "School hit by rockets.", "location": "", "published": "2022-03-01",
    "gold": {"date": "2022-03-01", "lat": 50.0, "lon": 36.2, "filters": [], "sources": []},
}
CIR_ROW = {
    "id": "c-1", "text": "Shelled clinic", "title": "01/03/2022 Shelled clinic", "published": "2022-03-01",
    "gold": {"date": "2022-03-01", "category": "Civilian Infrastructure Damage", "province": "Kharkivs'ka oblast",
             "district": "", "town": "Kharkiv", "lat": 50.0, "lon": 36.2, "source": "https://example.org"},
}


def write_rows(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("row", "name"), [(UCDP_ROW, "ucdp"), (BELLINGCAT_ROW, "bellingcat"), (CIR_ROW, "cir")])
def test_a_file_is_recognised_by_its_gold_keys_whatever_its_name(tmp_path, row, name):
    dataset_format, records = load_dev_records(write_rows(tmp_path / "renamed.jsonl", [row]))
    assert dataset_format.name == name
    assert records[0].line == json.dumps(row).encode()


def test_ucdp_gold_is_stated_in_svidok_terms(tmp_path):
    _, [record] = load_dev_records(write_rows(tmp_path / "u.jsonl", [UCDP_ROW]))
    assert record.gold.date == date(2019, 6, 1)
    assert record.gold.admin1 == "Donetsk Oblast"
    assert record.gold.deaths == 2
    assert record.gold.claimants == {"Armed Forces of Ukraine"}


def test_cir_gold_province_and_category_are_mapped(tmp_path):
    _, [record] = load_dev_records(write_rows(tmp_path / "c.jsonl", [CIR_ROW]))
    assert (record.gold.admin1, record.gold.type) == ("Kharkiv Oblast", "attack_on_civilians")


def test_a_file_with_other_gold_keys_is_refused_with_the_keys_it_has(tmp_path):
    path = write_rows(tmp_path / "ucdp_ukraine_2014_2021.jsonl", [{"id": 1, "text": "t", "gold": {"when": "2022"}}])
    with pytest.raises(UnknownDatasetError, match=r"gold keys \['when'\] match none"):
        load_dev_records(path)


def test_a_line_that_is_not_json_is_named_by_number(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(CIR_ROW) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(UnknownDatasetError, match="line 2: not JSON"):
        load_dev_records(path)


def test_a_seeded_sample_is_repeatable_and_in_file_order():
    assert choose_lines(100, 5, 7) == choose_lines(100, 5, 7) == sorted(choose_lines(100, 5, 7))
    assert choose_lines(100, 3, None) == [0, 1, 2]
    assert choose_lines(2, 10, 1) == [0, 1]


@pytest.mark.parametrize(("spelling", "unit"), [
    ("Oblast Charkov", "Kharkiv Oblast"),
    ("Donets'ka oblast", "Donetsk Oblast"),
    ("Luhansk Oblast, Ukraine", "Luhansk Oblast"),
    ("Tsjernihiv Oblast", "Chernihiv Oblast"),
    ("Kiev Special Republican city", "Kyiv City"),
    ("Kyiv oblast", "Kyiv Oblast"),
    ("Crimea", "Autonomous Republic of Crimea"),
])
def test_oblast_spellings_from_the_gold_normalise_to_svidok_names(spelling, unit):
    assert normalise_admin1(spelling) == unit


def test_a_region_spanning_two_oblasts_has_no_admin1():
    assert normalise_admin1("Donbass") is None


def test_ucdp_claimant_strings_canonicalise_to_actor_names():
    assert canonical_claimants("Spokesman for the DPR Operational Command Eduard Basurin") == {
        "Donetsk People's Republic authorities (DPR)"
    }
    assert canonical_claimants("The Human Rights Ombudsman of the DPR") == {"Donetsk People's Republic authorities (DPR)"}
    assert canonical_claimants("OSCE, Ukrainian military spokesman Andriy Lysenko") == {
        "Organization for Security and Co-operation in Europe (OSCE)", "Armed Forces of Ukraine"
    }
    assert canonical_claimants("MemoryBook") == frozenset()


def test_every_cir_category_target_is_a_taxonomy_code_or_none():
    targets = set(load_gold_mappings().cir_categories.values())
    assert targets <= set(load_taxonomy()) | {"none"}
    assert cir_category_code("Munitions") == "none"


def test_admin1_names_are_the_ones_the_geocoder_gives():
    regions = Path(__file__).resolve().parents[2] / "svidok" / "geocode" / "data" / "regions.toml"
    if not regions.exists():
        pytest.skip(f"{regions} not present: the geocoder's region list has not landed")
    geocoder_names = {region["name"] for region in tomllib.loads(regions.read_text(encoding="utf-8"))["region"]}
    assert set(load_gold_mappings().admin1_group) <= geocoder_names
