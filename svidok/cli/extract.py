"""`svidok extract`: JSONL records in, one JSON line of claims per record out (a stable contract)."""
from __future__ import annotations

import json
import sys
from typing import IO, Any

import click
from tqdm import tqdm

from svidok.extract import extract
from svidok.ingest import InputError, document_from_record


@click.command("extract")
@click.option("--input", "input_file", type=click.File("rb"), default="-", show_default=True,
              help="JSONL records {id, text, published, title, url, language}; '-' reads stdin.")
@click.option("--output", "output_file", type=click.File("w", encoding="utf-8"), default="-", show_default=True,
              help="Where to write one JSON line {id, language, claims} per input line.")
def command(input_file: IO[bytes], output_file: IO[str]) -> None:
    """Extract claims from JSONL records without storing anything.

    A line that cannot be read yields {"id", "line", "error"} in its place and the
    others are still processed; a summary goes to stderr.
    """
    counts = {"extracted": 0, "skipped": 0, "failed": 0}
    lines = tqdm(input_file, desc="extract", unit="rec", disable=not sys.stderr.isatty(), file=sys.stderr)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        result = _extract_line(line, number)
        counts[result.pop("_status")] += 1
        output_file.write(json.dumps(result, ensure_ascii=False) + "\n")
    output_file.flush()
    click.echo(
        f"extract: {counts['extracted']} extracted, {counts['skipped']} skipped, {counts['failed']} failed",
        err=True,
    )


def _extract_line(line: bytes, number: int) -> dict[str, Any]:
    record_id = None
    try:
        record = json.loads(line.decode("utf-8-sig"))
        record_id = record.get("id") if isinstance(record, dict) else None
        document = document_from_record(record, f"line {number}", raw=line.rstrip(b"\r\n"))
    except UnicodeDecodeError as error:
        return _failure(record_id, number, f"invalid UTF-8 at byte {error.start}")
    except json.JSONDecodeError as error:
        return _failure(record_id, number, f"not JSON: {error.msg} at column {error.colno}")
    except InputError as error:
        return _failure(record_id, number, str(error))
    try:
        extraction = extract(document)
    except Exception as error:  # one bad record must not end the batch: report it and go on
        return _failure(record_id, number, f"extraction crashed: {type(error).__name__}: {error}")
    return {
        "id": record_id,
        "language": extraction.language,
        "claims": [claim.to_json() for claim in extraction.claims],
        "status": extraction.status,
        "reason": extraction.reason,
        "_status": "extracted" if extraction.status == "extracted" else "skipped",
    }


def _failure(record_id: Any, number: int, reason: str) -> dict[str, Any]:
    click.echo(f"extract: line {number}: {reason}", err=True)
    return {"id": record_id, "line": number, "language": None, "claims": [], "status": "failed",
            "error": reason, "_status": "failed"}
