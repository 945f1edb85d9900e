"""Extraction of many documents on worker processes (Dask) keeps order and isolates crashes.

One cluster is started for the module: starting worker processes that load spaCy and the
gazetteer takes seconds, and the tests only read what it returned.
"""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from extract_documents import make_document

from svidok.cli.extract import command as extract_command
from svidok.extract import Extraction
from svidok.extract.batch import extract_isolated, extract_many
from svidok.records import Document

REPORTS = [
    "A missile struck an apartment block in Kharkiv on Friday, killing four civilians, the regional governor said.",
    "Russian forces shelled a hospital in Kherson overnight, injuring two nurses, according to the prosecutor's office.",
    "The weather in Lviv was mild and the markets were open.",
    "Two people were killed when a drone hit a bus stop in Nikopol on 3 May, police said.",
]


def _documents() -> list[Document | None]:
    documents: list[Document | None] = [make_document(text, published=date(2022, 5, 7)) for text in REPORTS]
    # A publication date that is a string, not a date: date arithmetic in extraction raises.
    broken = make_document(REPORTS[0] + " Again.", published="2022-05-07")  # type: ignore[arg-type]
    documents.insert(2, broken)
    documents.insert(4, None)
    return documents


@pytest.fixture(scope="module")
def on_two_workers() -> list[Extraction | None]:
    return list(extract_many(_documents(), workers=2))


def _claims(extraction: Extraction | None) -> list[dict] | None:
    return None if extraction is None else [claim.to_json() for claim in extraction.claims]


def test_two_workers_return_the_same_claims_as_one_process_in_input_order(on_two_workers):
    in_process = list(extract_many(_documents(), workers=1))

    assert [_claims(e) for e in on_two_workers] == [_claims(e) for e in in_process]
    assert [e.status if e else None for e in on_two_workers] == [
        "extracted", "extracted", "failed", "extracted", None, "extracted"
    ]
    assert "Kharkiv" in json.dumps(_claims(on_two_workers[0]))


def test_a_document_that_crashes_extraction_fails_alone_with_the_error(on_two_workers):
    failed = on_two_workers[2]

    assert failed is not None and failed.status == "failed" and failed.claims == []
    assert "AttributeError" in failed.reason
    assert all(e is None or e.status != "failed" for i, e in enumerate(on_two_workers) if i != 2)


def test_extract_isolated_returns_a_crash_instead_of_raising():
    crashed = extract_isolated(make_document(REPORTS[0], published="2022-05-07"))  # type: ignore[arg-type]

    assert (crashed.status, crashed.claims) == ("failed", [])
    assert crashed.reason.startswith("extraction crashed: AttributeError: 'str' object")


def test_the_extract_command_on_two_workers_keeps_line_order_and_error_lines(tmp_path: Path):
    lines = [
        json.dumps({"id": "a", "text": REPORTS[0], "published": "2022-05-07"}),
        "{not json",
        json.dumps({"id": "b", "text": REPORTS[1], "published": "2022-05-07"}),
        json.dumps({"id": "c", "published": "2022-05-07"}),
        json.dumps({"id": "d", "text": REPORTS[3], "published": "2022-05-07"}),
    ]
    source = tmp_path / "records.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = CliRunner().invoke(extract_command, ["--input", str(source), "--workers", "2"])

    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in rows] == ["a", None, "b", "c", "d"]
    assert [row["status"] for row in rows] == ["extracted", "failed", "extracted", "failed", "extracted"]
    assert rows[1]["line"] == 2 and rows[1]["error"].startswith("not JSON")
    assert rows[3]["line"] == 4 and "text" in rows[3]["error"]
    assert all(set(row) >= {"id", "language", "claims"} for row in rows)
    assert rows[0]["claims"] and rows[4]["claims"]


def _dies_on_kill(document: Document) -> Extraction:
    """An extractor that takes its whole process down, as a segfault in a parser would."""
    if "KILL" in document.text:
        os._exit(70)
    return Extraction("en", [], "extracted", "no claim found in the text")


def test_a_document_that_kills_its_worker_process_fails_alone():
    documents = [make_document(f"Report {n}. KILL" if n == 1 else f"Report {n}.") for n in range(4)]

    extractions = list(extract_many(documents, workers=2, extractor=_dies_on_kill))

    assert [e.status for e in extractions] == ["extracted", "failed", "extracted", "extracted"]
    assert "worker process died" in extractions[1].reason
