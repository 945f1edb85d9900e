"""The bundled demo: a dozen short fictional news articles, ingested into a fresh store.

The articles are illustrations written for the demo (see README.md in this folder), not
reports of real events.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from svidok.records import Incident
from svidok.store import Store
from svidok.workflow import IngestRun, run_ingest


def corpus_dir() -> Path:
    return Path(str(resources.files("svidok.demo").joinpath("corpus")))


def build_demo(db_path: Path, *, progress: bool = True) -> tuple[IngestRun, list[Incident]]:
    """Replace `db_path` with a fresh SQLite store of the demo corpus; return the run and incidents."""
    db_path.unlink(missing_ok=True)
    store = Store.open(f"sqlite:///{db_path.resolve()}")
    try:
        run = run_ingest(store, [str(corpus_dir())], progress=progress)
        return run, store.list_incidents()
    finally:
        store.close()
