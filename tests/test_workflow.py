"""The pipeline call the CLI and demo use, on a real SQLite store and real ingest.

The extractor is replaced by a small stand-in so these tests say what the workflow does
(outcomes, failures kept apart, relinking) whatever the extractor finds; the real
extractor runs in test_cli_end_to_end.py.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from svidok import workflow
from svidok.extract import Extraction
from svidok.records import Claim, Document, EventDate, Place, Span
from svidok.store import Store

KHARKIV = Place("Kharkiv", "Kharkiv", 706483, "Kharkiv Oblast", "UA", 49.98, 36.25, "settlement")
STRIKE = "A missile struck an apartment block in Kharkiv on 6 May 2022, killing four civilians."


def _one_claim_per_document(document: Document) -> Extraction:
    if "CRASH" in document.text:
        raise RuntimeError("parser choked on a table")
    if "SKIP" in document.text:
        return Extraction("xx", [], "skipped", "no extraction lexicon for language 'xx' yet")
    return Extraction("en", [
        Claim(
            document_id=document.id,
            type="attack_on_civilians",
            modality="occurred",
            stance="asserts",
            evidence=[Span(0, len(document.text), document.text)],
            places=[KHARKIV],
            date=EventDate(date(2022, 5, 6), date(2022, 5, 6), "day", "6 May 2022"),
        )
    ], "extracted", "1 claims")


@pytest.fixture
def store(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(workflow, "extract", _one_claim_per_document)
    opened = Store.open(sqlite_url)
    yield opened
    opened.close()


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_every_input_ends_in_an_outcome_and_bad_inputs_do_not_stop_the_others(store: Store, tmp_path: Path):
    sources = [
        _write(tmp_path, "a.txt", STRIKE),
        _write(tmp_path, "empty.txt", ""),
        str(tmp_path / "missing.txt"),
        _write(tmp_path, "b.txt", STRIKE + " Rescuers searched the rubble."),
    ]

    run = workflow.run_ingest(store, sources, progress=False)

    assert [o.status for o in run.read] == ["stored", "skipped", "failed", "stored"]
    assert [o.status for o in run.extracted] == ["stored", "stored"]
    assert [step for step, _ in store.list_outcomes()].count("ingest") == 4


def test_a_crash_while_extracting_one_document_fails_it_alone_and_keeps_it(store: Store, tmp_path: Path):
    sources = [_write(tmp_path, "bad.txt", "CRASH " + STRIKE), _write(tmp_path, "good.txt", STRIKE)]

    outcomes = workflow.ingest_into(store, sources, progress=False)

    [failed] = [o for o in outcomes if o.status == "failed"]
    assert "RuntimeError: parser choked on a table" in failed.reason
    assert store.get_document(failed.document_id or "") is not None
    assert len(list(store.iter_claims())) == 1
    assert outcomes[-1].reason == "1 incidents from 1 claims"


def test_documents_from_several_runs_are_linked_together(store: Store, tmp_path: Path):
    workflow.ingest_into(store, [_write(tmp_path, "first.txt", STRIKE)], progress=False)
    workflow.ingest_into(store, [_write(tmp_path, "second.txt", STRIKE + " Updated.")], progress=False)

    [incident] = store.list_incidents()
    assert incident.source_count == 2


def test_reingesting_the_same_files_stores_nothing_new_and_keeps_incident_ids(store: Store, tmp_path: Path):
    sources = [_write(tmp_path, "a.txt", STRIKE), _write(tmp_path, "b.txt", STRIKE + " Updated.")]
    workflow.ingest_into(store, sources, progress=False)
    before = [i.id for i in store.list_incidents()]

    again = workflow.run_ingest(store, sources, progress=False)

    assert [o.status for o in again.read] == ["duplicate", "duplicate"]
    assert again.extracted == []
    assert [i.id for i in store.list_incidents()] == before


def test_a_skipped_or_finished_document_is_not_extracted_again_on_the_next_run(store: Store, tmp_path: Path):
    first = workflow.run_ingest(store, [_write(tmp_path, "skip.txt", "SKIP this text")], progress=False)
    assert [(o.status, o.reason) for o in first.extracted] == [
        ("skipped", "no extraction lexicon for language 'xx' yet")
    ]

    second = workflow.run_ingest(store, [_write(tmp_path, "other.txt", STRIKE)], progress=False)

    assert [o.subject.endswith("other.txt") for o in second.extracted] == [True]


def test_a_backlog_extracted_on_two_worker_processes_keeps_each_documents_outcome(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(workflow, "PARALLEL_EXTRACTION_FROM", 3)  # a real backlog would take minutes
    sources = [
        _write(tmp_path, "a.txt", STRIKE),
        _write(tmp_path, "crash.txt", "CRASH " + STRIKE),
        _write(tmp_path, "skip.txt", "SKIP this text"),
        _write(tmp_path, "b.txt", STRIKE + " Rescuers searched the rubble."),
    ]

    run = workflow.run_ingest(store, sources, progress=False, workers=2)

    assert [(o.subject.rsplit("/", 1)[-1], o.status) for o in run.extracted] == [
        ("a.txt", "stored"), ("crash.txt", "failed"), ("skip.txt", "skipped"), ("b.txt", "stored")
    ]
    assert "RuntimeError: parser choked on a table" in run.extracted[1].reason
    assert len(list(store.iter_claims())) == 2
