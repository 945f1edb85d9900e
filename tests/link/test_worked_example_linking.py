"""SPEC.md: one GUR statement reported by several outlets, or in several languages, is one
incident with several sources and one independent claimant, never a corroborated one."""
from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from svidok.extract import extract_claims
from svidok.link import link_claims
from svidok.records import Document, Incident

pytestmark = pytest.mark.shared_data

HERE = Path(__file__).resolve().parent
GUR = "Defence Intelligence of Ukraine (GUR)"


def _shared_example() -> Path:
    configured = os.environ.get("SVIDOK_SHARED")
    shared = Path(configured) if configured else HERE.parents[1] / ".." / "shared"
    path = shared / "examples" / "sorokine-passports.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared worked example is not on this machine (set SVIDOK_SHARED)")
    return path


def _document(path: Path, publisher: str, language: str) -> Document:
    text = path.read_text(encoding="utf-8")
    return Document(
        raw=text.encode("utf-8"),
        origin=str(path),
        captured_at=datetime(2024, 1, 1, tzinfo=UTC),
        text=text,
        publisher=publisher,
        language=language,
        published=date(2022, 5, 7),
    )


def _incidents(documents: list[Document]) -> list[Incident]:
    claims = [claim for document in documents for claim in extract_claims(document)]
    return link_claims(claims, {document.id: document for document in documents})


def _holding_all(incidents: list[Incident], claim_type: str, documents: list[Document]) -> Incident:
    wanted = {d.id for d in documents}
    found = [i for i in incidents if i.type == claim_type and wanted <= set(i.document_ids)]
    assert found, f"no {claim_type} incident holds all {len(documents)} documents"
    return found[0]


@pytest.mark.parametrize("claim_type", ["citizenship_coercion", "deprivation"])
def test_a_second_outlet_reprinting_the_gur_statement_adds_a_source_not_a_claimant(claim_type: str) -> None:
    documents = [
        _document(_shared_example(), "The Jerusalem Post", "en"),
        _document(HERE / "fixtures" / "sorokine-reprint.txt", "Kyiv Wire", "en"),
    ]

    incident = _holding_all(_incidents(documents), claim_type, documents)

    assert incident.source_count == 2
    assert incident.independent_claimant_count == 1
    assert GUR in incident.claimants
    assert incident.status == "single_source"


def test_the_english_ukrainian_and_russian_versions_link_into_one_incident_with_one_claimant() -> None:
    fixtures = HERE.parent / "extract" / "fixtures"
    documents = [
        _document(_shared_example(), "The Jerusalem Post", "en"),
        _document(fixtures / "sorokine.uk.txt", "Ukrainian outlet", "uk"),
        _document(fixtures / "sorokine.ru.txt", "Russian-language outlet", "ru"),
    ]

    incident = _holding_all(_incidents(documents), "citizenship_coercion", documents)

    assert incident.source_count == 3
    assert incident.independent_claimant_count == 1
    assert incident.status == "single_source"
