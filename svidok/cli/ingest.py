"""`svidok ingest`: read files, folders and URLs into the store, extract and link."""
from __future__ import annotations

from collections import Counter
from typing import get_args

import click

from svidok.cli.common import database_option, fail, printable
from svidok.cli.incidents import format_table
from svidok.records import OutcomeStatus
from svidok.store import Store
from svidok.workflow import IngestRun, run_ingest

_STATUSES = get_args(OutcomeStatus)


def format_run_summary(run: IngestRun) -> str:
    """Counts per step and status, then one line per input or step that failed or was skipped."""
    counts = Counter((step, outcome.status) for step, outcome in run.by_step)
    steps = list(dict.fromkeys(step for step, _ in run.by_step))
    table = format_table(("step", *_STATUSES), [(step, *(counts[step, s] for s in _STATUSES)) for step in steps])
    problems = [
        printable(f"{outcome.status} [{step}] {outcome.subject}: {outcome.reason}")
        for step, outcome in run.by_step
        if outcome.status in ("failed", "skipped")
    ]
    return "\n".join([table, *problems, run.linked.reason])


def anything_read(run: IngestRun) -> bool:
    return any(outcome.status in ("stored", "duplicate") for outcome in run.read)


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--fetch", is_flag=True, help="Allow downloading http(s) URLs (off by default: no network).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes (Dask) when many documents wait; 1 extracts in this process.")
@database_option
def command(sources: tuple[str, ...], fetch: bool, workers: int, db_url: str) -> None:
    """Store documents from PATHS_OR_URLS, extract their claims and relink incidents.

    Bad inputs are reported, not fatal; the exit status is 1 only if nothing could be read.
    """
    store = Store.open(db_url)
    try:
        run = run_ingest(store, sources, allow_fetch=fetch, workers=workers)
    finally:
        store.close()
    click.echo(format_run_summary(run))
    if not anything_read(run):
        fail(f"nothing could be read from {len(sources)} source(s); see the reasons above")
