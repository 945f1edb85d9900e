"""Run extraction over development records and keep what it produced for scoring.

A record whose document cannot be built or whose extraction raises is kept as an
`ExtractedRecord` with no claims and the error as its reason; one that extraction skipped
keeps extraction's reason. Both count against every metric they are scored on and are
reported, never dropped.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from svidok.evaluate.datasets import DevRecord
from svidok.evaluate.scoring import ExtractedRecord
from svidok.extract import Extraction, extract
from svidok.ingest import document_from_record
from svidok.records import Document

Extractor = Callable[[Document], Extraction]


def document_for_record(record: DevRecord, source: str) -> Document:
    """The document a development row stands for: its line is the raw bytes."""
    return document_from_record(record.fields, f"{source}#{record.id}", raw=record.line)


def extract_record(record: DevRecord, source: str, extractor: Extractor = extract) -> ExtractedRecord:
    """Extraction of one record, or an empty one carrying the error that stopped it."""
    try:
        result = extractor(document_for_record(record, source))
    except Exception as error:  # noqa: BLE001 - one bad record must not end the run; it is reported
        return ExtractedRecord(record.id, record.text, record.gold, [], error=f"{type(error).__name__}: {error}")
    return ExtractedRecord(
        record.id,
        record.text,
        record.gold,
        [claim.to_json() for claim in result.claims],
        language=result.language,
        skipped=result.reason if result.status == "skipped" else None,
    )


def extract_records(records: Iterable[DevRecord], source: str, extractor: Extractor = extract) -> list[ExtractedRecord]:
    return [extract_record(record, source, extractor) for record in records]
