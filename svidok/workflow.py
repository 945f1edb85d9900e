"""The pipeline as one call: read sources, store documents, extract claims, link incidents.

This is what the command line and the demo call; a Python user can call it the same way.
Every input and every extraction ends in an `Outcome`, logged in the store: one document
that breaks the extractor is reported and the others go on, and nothing stored is lost.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import tee

from tqdm import tqdm

from svidok.extract import Extraction, extract
from svidok.extract.batch import extract_many
from svidok.ingest import read_sources
from svidok.link import link_claims
from svidok.link.incidents import build_incident
from svidok.records import Claim, Document, Incident, Outcome
from svidok.store import Store
from svidok.store.groupings import Groupings, apply_groupings, keep_incident_ids

# Starting worker processes takes seconds (each loads spaCy and the gazetteer): only a
# backlog at least this long is extracted on several.
PARALLEL_EXTRACTION_FROM = 200


@dataclass(frozen=True)
class IngestRun:
    """The outcomes of one run, step by step (a reader of the summary needs to know which step)."""

    read: list[Outcome]
    extracted: list[Outcome]
    linked: Outcome

    @property
    def outcomes(self) -> list[Outcome]:
        return [*self.read, *self.extracted, self.linked]

    @property
    def by_step(self) -> list[tuple[str, Outcome]]:
        return (
            [("ingest", o) for o in self.read] + [("extract", o) for o in self.extracted] + [("link", self.linked)]
        )


def run_ingest(
    store: Store, sources: Iterable[str], *, allow_fetch: bool = False, progress: bool = True, workers: int = 1
) -> IngestRun:
    """Store every readable source, extract the documents not yet extracted, relink incidents.

    `workers`: processes for extracting a long backlog (see `extract_pending`).
    """
    read = store_sources(store, sources, allow_fetch=allow_fetch, progress=progress)
    extracted = extract_pending(store, progress=progress, workers=workers)
    return IngestRun(read, extracted, link_into(store))


def ingest_into(
    store: Store, sources: Iterable[str], *, allow_fetch: bool = False, progress: bool = True
) -> list[Outcome]:
    """`run_ingest` with its outcomes in one list: one per input, per extraction, and the linking."""
    return run_ingest(store, sources, allow_fetch=allow_fetch, progress=progress).outcomes


def store_sources(
    store: Store, sources: Iterable[str], *, allow_fetch: bool = False, progress: bool = True
) -> list[Outcome]:
    outcomes = []
    items = read_sources(sources, allow_fetch=allow_fetch)
    for item in tqdm(items, desc="reading", unit="input", file=sys.stderr, disable=not progress):
        outcome = item if isinstance(item, Outcome) else store.add_document(item)
        store.record_outcome(outcome, "ingest")
        outcomes.append(outcome)
    return outcomes


def extract_pending(store: Store, *, progress: bool = True, workers: int = 1) -> list[Outcome]:
    """Extract claims from each document not yet extracted; a crash fails that document only.

    With `workers` > 1 and a backlog of at least PARALLEL_EXTRACTION_FROM documents, the
    documents are extracted on that many processes (`extract_many`); claims are stored here.
    """
    outcomes = []
    pending = store.document_ids_not_extracted()
    found, to_extract = tee((document_id, store.get_document(document_id)) for document_id in pending)
    extractions = extract_many(
        (document for _, document in to_extract),
        workers=workers if len(pending) >= PARALLEL_EXTRACTION_FROM else 1,
        extractor=extract,
    )
    done = tqdm(zip(found, extractions), total=len(pending), desc="extracting", unit="doc", file=sys.stderr,
                disable=not progress)
    for (document_id, document), extraction in done:
        outcome = _store_extraction(store, document_id, document, extraction)
        store.record_outcome(outcome, "extract")
        outcomes.append(outcome)
    return outcomes


def _store_extraction(
    store: Store, document_id: str, document: Document | None, extraction: Extraction | None
) -> Outcome:
    if document is None or extraction is None:
        return Outcome(document_id, "failed", "document listed as pending but not found", document_id)
    if extraction.status == "failed":
        reason = f"{extraction.reason}; document kept, no claims stored"
        return Outcome(document.origin, "failed", reason, document_id)
    if extraction.status == "skipped":
        return Outcome(document.origin, "skipped", extraction.reason, document_id)
    store.replace_claims(document_id, extraction.claims)
    return Outcome(document.origin, "stored", extraction.reason, document_id)


def link_into(store: Store) -> Outcome:
    """Relink all stored claims into incidents, replacing the previous incidents.

    Analysts' merges and splits are replayed over the linker's groups, and incidents keep the
    ids they had, so their review decisions hold (svidok/store/groupings.py).
    """
    claims = list(store.iter_claims())
    documents = {document.id: document for document in store.iter_documents()}
    try:
        incidents = _with_analyst_groupings(store, link_claims(claims, documents), claims, documents)
    except ValueError as error:
        outcome = Outcome("incidents", "failed", f"linking failed: {error}; previous incidents kept")
    else:
        store.replace_incidents(incidents)
        outcome = Outcome("incidents", "stored", f"{len(incidents)} incidents from {len(claims)} claims")
    store.record_outcome(outcome, "link")
    return outcome


def _with_analyst_groupings(
    store: Store, linked: list[Incident], claims: list[Claim], documents: Mapping[str, Document]
) -> list[Incident]:
    groups = apply_groupings((incident.claim_ids for incident in linked), Groupings(store).decisions())
    as_linked = {frozenset(incident.claim_ids): incident for incident in linked}
    claim_by_id = {claim.id: claim for claim in claims}
    incidents = [
        as_linked.get(frozenset(group)) or build_incident([claim_by_id[i] for i in group], documents)
        for group in groups
    ]
    return sorted(keep_incident_ids(incidents, store.list_incidents()), key=lambda incident: incident.id)
