"""`svidok extract`: JSONL records in, one JSON line of claims per record out (a stable contract)."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from itertools import tee
from typing import IO, Any

import click
from tqdm import tqdm

from svidok.extract import Extraction
from svidok.extract.batch import extract_many
from svidok.ingest import InputError, document_from_record
from svidok.records import Document


@dataclass(frozen=True)
class _Line:
    """One input line, read: a document, or why it could not be read."""

    number: int
    record_id: Any
    document: Document | None
    error: str | None = None


@click.command("extract")
@click.option("--input", "input_file", type=click.File("rb"), default="-", show_default=True,
              help="JSONL records {id, text, published, title, url, language}; '-' reads stdin.")
@click.option("--output", "output_file", type=click.File("w", encoding="utf-8"), default="-", show_default=True,
              help="Where to write one JSON line {id, language, claims} per input line.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes to extract on, through a local Dask cluster; 1 extracts in this process "
                   "(no start-up cost: best for small inputs).")
def command(input_file: IO[bytes], output_file: IO[str], workers: int) -> None:
    """Extract claims from JSONL records without storing anything.

    A line that cannot be read, or whose extraction crashes, yields {"id", "line", "error"}
    in its place and the others are still processed; output keeps the input's order; a
    summary goes to stderr.
    """
    counts = {"extracted": 0, "skipped": 0, "failed": 0}
    lines = tqdm(input_file, desc="extract", unit="rec", disable=not sys.stderr.isatty(), file=sys.stderr)
    read, to_extract = tee(_read_line(line, number) for number, line in enumerate(lines, start=1) if line.strip())
    extractions = extract_many((line.document for line in to_extract), workers=workers)
    for line, extraction in zip(read, extractions):
        result = _result(line, extraction)
        counts[result.pop("_status")] += 1
        output_file.write(json.dumps(result, ensure_ascii=False) + "\n")
    output_file.flush()
    click.echo(
        f"extract: {counts['extracted']} extracted, {counts['skipped']} skipped, {counts['failed']} failed",
        err=True,
    )


def _read_line(line: bytes, number: int) -> _Line:
    record_id = None
    try:
        record = json.loads(line.decode("utf-8-sig"))
        record_id = record.get("id") if isinstance(record, dict) else None
        document = document_from_record(record, f"line {number}", raw=line.rstrip(b"\r\n"))
    except UnicodeDecodeError as error:
        return _Line(number, record_id, None, f"invalid UTF-8 at byte {error.start}")
    except json.JSONDecodeError as error:
        return _Line(number, record_id, None, f"not JSON: {error.msg} at column {error.colno}")
    except InputError as error:
        return _Line(number, record_id, None, str(error))
    return _Line(number, record_id, document)


def _result(line: _Line, extraction: Extraction | None) -> dict[str, Any]:
    if extraction is None:
        return _failure(line, line.error or "unreadable line")
    if extraction.status == "failed":
        return _failure(line, extraction.reason)
    return {
        "id": line.record_id,
        "language": extraction.language,
        "claims": [claim.to_json() for claim in extraction.claims],
        "status": extraction.status,
        "reason": extraction.reason,
        "_status": extraction.status,
    }


def _failure(line: _Line, reason: str) -> dict[str, Any]:
    click.echo(f"extract: line {line.number}: {reason}", err=True)
    return {"id": line.record_id, "line": line.number, "language": None, "claims": [], "status": "failed",
            "error": reason, "_status": "failed"}
