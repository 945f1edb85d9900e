"""The development data sets: recognise a file, read its rows, state its gold in svidok's terms.

A file is recognised by the gold keys of its first row, not by its name, so a renamed or
subsampled copy still works and a different file is refused with a clear reason.
"""
from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from svidok.evaluate.gold_mappings import (
    NO_CLAIM,
    NO_SVIDOK_CODE,
    accepted_claim_types,
    bellingcat_type,
    canonical_claimants,
    cir_accepted_types,
    cir_category_code,
    normalise_admin1,
)
from svidok.knowledge import load_acled_codebook, load_taxonomy
from svidok.records import Modality, Stance

# The ACLED label of a text that reports no event (gold) or of a record with no ACLED-typed claim.
NO_ACLED_EVENT = "(none)"


@dataclass(frozen=True)
class GoldClaim:
    """One claim a reader finds in a full article, located by an exact phrase of its sentence."""

    type: str
    evidence: str
    # Character offsets of the first occurrence of `evidence` in the article text.
    start: int
    end: int
    claimant: str | None
    date_start: date | None
    date_end: date | None
    admin1: str | None
    fatalities: int | None
    injured: int | None
    modality: Modality
    # Optional in the file, "asserts" by default: a denial is a claim too, of the type it denies.
    stance: Stance = "asserts"


@dataclass(frozen=True)
class GoldEvent:
    """One row's gold, in svidok's terms. None means "not scored for this row"."""

    date: date | None
    admin1: str | None
    admin1_raw: str | None
    lat: float | None
    lon: float | None
    deaths: int | None
    # Canonical actor names; None where the data set has no claimant, empty where svidok knows none.
    claimants: frozenset[str] | None
    claimant_raw: str | None
    # Taxonomy code; "none" where the gold category has no svidok equivalent; None where the set has none.
    type: str | None
    category_raw: str | None
    # The claim types that are right for this row (any claim of one of them is correct); None
    # where the gold cannot judge a claim's type, empty where the text reports no event.
    accepted_types: frozenset[str] | None = None
    # ACLED's event and sub-event type; "(none)" for both where the text reports no event, None
    # where the data set has no ACLED gold.
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    # Every claim of a full article; None where the data set is not claim-level.
    claims: tuple[GoldClaim, ...] | None = None


@dataclass(frozen=True)
class DevRecord:
    """One row of a development file: the raw line (the document's bytes), its fields and gold."""

    dataset: str
    line: bytes
    fields: dict[str, Any]
    gold: GoldEvent

    @property
    def id(self) -> str:
        return str(self.fields["id"])

    @property
    def text(self) -> str:
        return str(self.fields["text"])


@dataclass(frozen=True)
class DatasetFormat:
    name: str
    description: str
    gold_keys: frozenset[str]
    gold_from_row: Callable[[dict[str, Any]], GoldEvent]


class UnknownDatasetError(ValueError):
    """The file is not one of the development data sets."""


def _iso_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _coordinate(value: Any) -> float | None:
    return float(value) if value is not None and value != "" else None


def ucdp_gold(row: dict[str, Any]) -> GoldEvent:
    gold = row["gold"]
    claimant = gold.get("claimant") or None
    return GoldEvent(
        date=_iso_date(gold["date_start"]),
        admin1=normalise_admin1(gold.get("admin1")),
        admin1_raw=gold.get("admin1") or None,
        lat=_coordinate(gold.get("lat")),
        lon=_coordinate(gold.get("lon")),
        deaths=gold.get("deaths_best"),
        claimants=canonical_claimants(claimant) if claimant else None,
        claimant_raw=claimant,
        # UCDP's type_of_violence classifies the conflict, not the reported event: not scored.
        type=None,
        category_raw=None,
        accepted_types=accepted_claim_types("ucdp"),
    )


def bellingcat_gold(row: dict[str, Any]) -> GoldEvent:
    gold = row["gold"]
    return GoldEvent(
        date=_iso_date(gold["date"]),
        admin1=None,
        admin1_raw=None,
        lat=_coordinate(gold.get("lat")),
        lon=_coordinate(gold.get("lon")),
        deaths=None,
        claimants=None,
        claimant_raw=None,
        type=bellingcat_type(),
        category_raw=None,
        accepted_types=accepted_claim_types("bellingcat"),
    )


def cir_gold(row: dict[str, Any]) -> GoldEvent:
    gold = row["gold"]
    category = gold.get("category") or None
    return GoldEvent(
        date=_iso_date(gold["date"]),
        admin1=normalise_admin1(gold.get("province")),
        admin1_raw=gold.get("province") or None,
        lat=_coordinate(gold.get("lat")),
        lon=_coordinate(gold.get("lon")),
        deaths=None,
        claimants=None,
        claimant_raw=None,
        # An unknown category is treated like one with no svidok equivalent: not scored.
        type=(cir_category_code(category) or NO_SVIDOK_CODE) if category else None,
        category_raw=category,
        accepted_types=cir_accepted_types(category) if category else None,
    )


def annotated_gold(row: dict[str, Any]) -> GoldEvent:
    """svidok's own annotated fixtures: the claim types a reader finds in the text (first = main),
    the canonical claimant of the main claim, and the event date; a text that reports no event
    has no types and is scored as "(no claim)"."""
    gold = row["gold"]
    types = gold["types"]
    claimant = gold.get("claimant")
    return GoldEvent(
        date=_iso_date(gold.get("date")),
        admin1=None,
        admin1_raw=None,
        lat=None,
        lon=None,
        deaths=None,
        claimants=frozenset({claimant}) if claimant else None,
        claimant_raw=claimant,
        type=types[0] if types else NO_CLAIM,
        category_raw=", ".join(types) or None,
        accepted_types=frozenset(types),
    )


def acled_snippet_gold(row: dict[str, Any]) -> GoldEvent:
    """svidok's ACLED snippets: one ACLED event and sub-event type per text, both null where it
    reports no event. A pair that is not in ACLED's codebook is refused, since it could never be hit."""
    gold = row["gold"]
    event_type, sub_event_type = gold["acled_event_type"], gold["acled_sub_event_type"]
    if (event_type is None) != (sub_event_type is None) or (
        event_type is not None and sub_event_type not in load_acled_codebook().get(event_type, ())
    ):
        raise UnknownDatasetError(
            f"row {row.get('id')}: {event_type!r} / {sub_event_type!r} is not an ACLED event type and one of its "
            "sub-event types (acled_codebook.toml), nor null / null for a text reporting no event"
        )
    return GoldEvent(
        date=None, admin1=None, admin1_raw=None, lat=None, lon=None, deaths=None,
        claimants=None, claimant_raw=None, type=None, category_raw=sub_event_type,
        acled_event_type=event_type or NO_ACLED_EVENT,
        acled_sub_event_type=sub_event_type or NO_ACLED_EVENT,
    )


def _checked(row_id: Any, value: str | None, known: Any, what: str) -> str | None:
    if value is not None and value not in known:
        raise UnknownDatasetError(f"row {row_id}: {value!r} is not {what}")
    return value


def gold_claim(row_id: Any, text: str, claim: dict[str, Any]) -> GoldClaim:
    """One gold claim of an article; refused where its type or oblast is not svidok's own name,
    or its evidence is not a substring of the text (it could then never be matched)."""
    start = text.find(claim["evidence"])
    if start < 0:
        raise UnknownDatasetError(f"row {row_id}: evidence {claim['evidence']!r} is not in the text")
    admin1 = claim.get("oblast")
    if admin1 is not None and normalise_admin1(admin1) != admin1:
        raise UnknownDatasetError(f"row {row_id}: oblast {admin1!r} is not a svidok admin1 name")
    event_date = claim.get("date") or {}
    return GoldClaim(
        type=str(_checked(row_id, claim["type"], load_taxonomy(), "a taxonomy code")),
        evidence=claim["evidence"],
        start=start,
        end=start + len(claim["evidence"]),
        # A canonical actor name, or the name of a speaker the actor file lacks (a witness, a mayor).
        claimant=claim.get("claimant"),
        date_start=_iso_date(event_date.get("start")),
        date_end=_iso_date(event_date.get("end")),
        admin1=admin1,
        fatalities=claim.get("fatalities"),
        injured=claim.get("injured"),
        modality=claim["modality"],
        stance=claim.get("stance", "asserts"),
    )


def article_gold(row: dict[str, Any]) -> GoldEvent:
    """svidok's article fixtures: every claim of a full article; scored claim by claim
    (evaluate/article_claims.py), so the record-level fields stay unscored."""
    claims = tuple(gold_claim(row.get("id"), row["text"], claim) for claim in row["gold"]["claims"])
    return GoldEvent(
        date=None, admin1=None, admin1_raw=None, lat=None, lon=None, deaths=None,
        claimants=None, claimant_raw=None, type=None, category_raw=None, claims=claims,
    )


DATASET_FORMATS: tuple[DatasetFormat, ...] = (
    DatasetFormat(
        "ucdp",
        "UCDP Georeferenced Event Dataset, Ukraine 2014-2021",
        frozenset({"date_start", "date_end", "admin1", "deaths_best", "claimant"}),
        ucdp_gold,
    ),
    DatasetFormat(
        "bellingcat",
        "Bellingcat civilian harm in Ukraine, to 2023-06",
        frozenset({"date", "lat", "lon", "filters"}),
        bellingcat_gold,
    ),
    DatasetFormat(
        "cir",
        "Centre for Information Resilience Russia-Ukraine monitor, to 2022-08",
        frozenset({"date", "category", "province", "town"}),
        cir_gold,
    ),
    DatasetFormat(
        "svidok-annotated",
        "svidok annotated fixtures (types, claimant, date)",
        frozenset({"types", "claimant", "date"}),
        annotated_gold,
    ),
    DatasetFormat(
        "acled-snippets",
        "svidok news snippets labelled with ACLED sub-event types",
        frozenset({"acled_event_type", "acled_sub_event_type"}),
        acled_snippet_gold,
    ),
    DatasetFormat(
        "svidok-articles",
        "svidok full-article fixtures (every claim with its evidence and fields)",
        frozenset({"claims"}),
        article_gold,
    ),
)


def detect_format(row: dict[str, Any], source: str) -> DatasetFormat:
    """The format whose gold keys the row carries; UnknownDatasetError saying why otherwise."""
    gold = row.get("gold")
    if not isinstance(gold, dict) or "text" not in row or "id" not in row:
        raise UnknownDatasetError(
            f"{source}: first row has keys {sorted(row)}; a development file has rows "
            "{id, text, published, gold: {...}}"
        )
    for dataset_format in DATASET_FORMATS:
        if dataset_format.gold_keys <= gold.keys():
            return dataset_format
    expected = "; ".join(f"{f.name}: {sorted(f.gold_keys)}" for f in DATASET_FORMATS)
    raise UnknownDatasetError(
        f"{source}: gold keys {sorted(gold)} match none of the development data sets ({expected})"
    )


def _parse_line(line: bytes, source: str, number: int) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise UnknownDatasetError(f"{source}, line {number}: not JSON ({error.msg})") from error
    if not isinstance(row, dict):
        raise UnknownDatasetError(f"{source}, line {number}: a JSON {type(row).__name__}, not an object")
    return row


def choose_lines(count: int, limit: int | None, sample_seed: int | None) -> list[int]:
    """Indices of the rows to evaluate: the first `limit`, or a seeded random sample in file order."""
    size = count if limit is None else min(limit, count)
    if sample_seed is None:
        return list(range(size))
    return sorted(random.Random(sample_seed).sample(range(count), size))


def load_dev_records(
    path: Path, limit: int | None = None, sample_seed: int | None = None
) -> tuple[DatasetFormat, list[DevRecord]]:
    """Recognise a development file and read the chosen rows with their gold."""
    source = str(path)
    lines = [line for line in path.read_bytes().splitlines() if line.strip()]
    if not lines:
        raise UnknownDatasetError(f"{source}: empty file, no rows to evaluate")
    dataset_format = detect_format(_parse_line(lines[0], source, 1), source)
    records = []
    for index in choose_lines(len(lines), limit, sample_seed):
        row = _parse_line(lines[index], source, index + 1)
        records.append(DevRecord(dataset_format.name, lines[index], row, dataset_format.gold_from_row(row)))
    return dataset_format, records
