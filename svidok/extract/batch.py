"""Extraction of many documents, in input order, on several processes through Dask.

With one worker, documents are extracted in this process: no cluster is started for a
handful of lines. With more, a `dask.distributed` LocalCluster runs that many worker
processes, one thread each (the parse holds the GIL, so threads would not help), on the
loopback interface and without a dashboard.

Models and tables are loaded once, in this process, before the workers start; the workers
are forked from it, so they begin with everything in memory (shared copy-on-write) instead
of each spending seconds importing and loading them again, as spawned workers would.

Documents travel in chunks of bounded length, so that the scheduler's cost per task (about
a millisecond) stays small beside the work, and only a few chunks per worker are in flight
at once, so memory stays flat however long the input.

A crash fails one document only: errors are caught inside the worker; a worker that dies
outright (segfault, memory exhausted) fails its chunk, whose documents are then retried one
task at a time, so that only the culprit is reported failed (the nanny restarts the worker).
"""
from __future__ import annotations

import logging
import tomllib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import dask
from distributed import Client, Future, LocalCluster

from svidok.extract import Extraction, extract
from svidok.records import Document

# Sent to workers by reference: pass a module-level function, not a lambda or closure.
Extractor = Callable[[Document], Extraction]

# A chunk closes at this many characters (about 3,000 words, half a second of work here)
# or this many documents, whichever comes first.
_CHUNK_CHARACTERS = 20_000
_CHUNK_DOCUMENTS = 64
_CHUNKS_IN_FLIGHT_PER_WORKER = 4
# ISO 639-2 "undetermined": a document that crashed before its language was known.
_UNDETERMINED = "und"
_WARM_UP_SAMPLES = Path(__file__).with_name("warm_up.toml")


def extract_isolated(document: Document, extractor: Extractor = extract) -> Extraction:
    """`extractor(document)`, with a crash returned as a failed extraction instead of raised."""
    try:
        return extractor(document)
    except Exception as error:  # noqa: BLE001 - one document's bug must not end the batch
        reason = f"extraction crashed: {type(error).__name__}: {error}"
        return Extraction(document.language or _UNDETERMINED, [], "failed", reason)


def extract_many(
    documents: Iterable[Document | None], workers: int = 1, extractor: Extractor = extract
) -> Iterator[Extraction | None]:
    """One extraction per document, in input order; a `None` input yields `None`.

    `None` lets a caller keep the place of an input it could not read, so that the outputs
    line up with its own list (zip them). Input is read lazily, a few chunks ahead. A crash
    yields an extraction with status "failed" and the reason.
    """
    if workers <= 1:
        for document in documents:
            yield None if document is None else extract_isolated(document, extractor)
        return
    load_resources()
    with _local_cluster(workers) as client:
        yield from _extract_on(client, documents, extractor, workers * _CHUNKS_IN_FLIGHT_PER_WORKER)


def load_resources() -> None:
    """Load what extraction loads lazily, by extracting one sample report per language."""
    samples = tomllib.loads(_WARM_UP_SAMPLES.read_text(encoding="utf-8"))["samples"]
    for language, text in samples.items():
        sample = Document(
            raw=text.encode("utf-8"), origin=f"warm-up sample ({language})", captured_at=datetime.now(UTC),
            text=text, published=date(2022, 5, 7),
        )
        extract(sample)


@contextmanager
def _local_cluster(workers: int) -> Iterator[Client]:
    settings = {
        # Forked workers inherit the models `load_resources` loaded (see the module's docstring).
        "distributed.worker.multiprocessing-method": "fork",
        # A task whose worker died is not retried on another worker: it fails at once and
        # `_collect` retries its documents one by one.
        "distributed.scheduler.allowed-failures": 0,
        # The workers' statistical profiler samples every task's stack for the dashboard,
        # which is off: the samples would cost CPU and never be read.
        "distributed.worker.profile.enabled": False,
    }
    with (
        dask.config.set(settings),
        _distributed_logs_at_error(),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@contextmanager
def _distributed_logs_at_error() -> Iterator[None]:
    """While the cluster lives, dask.distributed makes no log records below ERROR, in this
    process or in the workers it forks.

    Workers are forked while this process's threads run (dask's event loop, its process
    watcher). A thread writing a log line at the moment of a fork leaves that stream's lock
    held in the child for ever, and the worker then hangs on its first log line: seen under
    pytest's output capture, where every record reaches the root logger's handler. `silence_logs`
    only raises the level of distributed's own handlers, so the records were still made.
    """
    logger = logging.getLogger("distributed")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _extract_on(
    client: Client, documents: Iterable[Document | None], extractor: Extractor, in_flight_limit: int
) -> Iterator[Extraction | None]:
    in_flight: deque[tuple[list[Document | None], Future | None]] = deque()
    for chunk in _chunks(documents):
        in_flight.append((chunk, _submit(client, chunk, extractor)))
        if len(in_flight) >= in_flight_limit:
            yield from _collect(client, extractor, *in_flight.popleft())
    while in_flight:
        yield from _collect(client, extractor, *in_flight.popleft())


def _chunks(documents: Iterable[Document | None]) -> Iterator[list[Document | None]]:
    chunk: list[Document | None] = []
    characters = 0
    for document in documents:
        chunk.append(document)
        characters += len(document.text) if document is not None else 0
        if characters >= _CHUNK_CHARACTERS or len(chunk) >= _CHUNK_DOCUMENTS:
            yield chunk
            chunk, characters = [], 0
    if chunk:
        yield chunk


def _submit(client: Client, chunk: list[Document | None], extractor: Extractor) -> Future | None:
    present = [document for document in chunk if document is not None]
    return client.submit(_extract_chunk, present, extractor, pure=False) if present else None


def _extract_chunk(documents: list[Document], extractor: Extractor) -> list[Extraction]:
    """Runs on a worker."""
    return [extract_isolated(document, extractor) for document in documents]


def _collect(
    client: Client, extractor: Extractor, chunk: list[Document | None], future: Future | None
) -> Iterator[Extraction | None]:
    present = [document for document in chunk if document is not None]
    if future is None:
        extractions: Iterator[Extraction] = iter(())
    else:
        try:
            extractions = iter(future.result())
        except Exception:  # noqa: BLE001 - the worker died: find which document killed it
            extractions = _one_by_one(client, present, extractor)
    for document in chunk:
        yield None if document is None else next(extractions)


def _one_by_one(client: Client, documents: list[Document], extractor: Extractor) -> Iterator[Extraction]:
    # One task at a time: the scheduler fails every task queued on a worker that dies, so
    # documents sent together with the culprit would be reported failed with it.
    for document in documents:
        try:
            yield client.submit(_extract_chunk, [document], extractor, pure=False).result()[0]
        except Exception as error:  # noqa: BLE001 - this document kills its worker
            reason = f"the worker process died while extracting this document ({type(error).__name__}: {error})"
            yield Extraction(document.language or _UNDETERMINED, [], "failed", reason)


__all__ = ["Extractor", "extract_isolated", "extract_many", "load_resources"]
