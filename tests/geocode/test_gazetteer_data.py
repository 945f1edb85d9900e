"""The packaged gazetteer files: complete and compact (their load time is measured by benchmarks/bench_geocode.py)."""
from __future__ import annotations

from importlib import resources

from svidok.geocode import Gazetteer
from svidok.geocode.gazetteer import Settlement


def test_packaged_settlement_file_is_compact() -> None:
    size = resources.files("svidok.geocode").joinpath("data", "settlements.tsv.gz").stat().st_size  # type: ignore[attr-defined]
    assert size < 3_000_000


def test_every_ukrainian_region_and_the_border_oblasts_are_present(gaz: Gazetteer) -> None:
    codes = set(gaz.regions)
    assert {f"UA.{n:02d}" for n in range(1, 28)} <= codes
    assert {"RU.09", "RU.10", "RU.41", "RU.61", "RU.86"} <= codes


def test_region_points_lie_among_their_settlements(gaz: Gazetteer) -> None:
    by_region: dict[str, list[Settlement]] = {}
    for key in ("kyiv", "lviv", "sorokyne"):
        for match in gaz.lookup(key):
            if isinstance(match.entry, Settlement):
                by_region.setdefault(match.entry.admin1_code, []).append(match.entry)
    luhansk = gaz.regions["UA.14"]
    sorokyne = by_region["UA.14"][0]
    assert abs(luhansk.lat - sorokyne.lat) < 2 and abs(luhansk.lon - sorokyne.lon) < 2
