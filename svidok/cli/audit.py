"""`svidok audit verify`: check that the audit log's hash chain is intact."""
from __future__ import annotations

import click

from svidok.cli.common import database_option, fail
from svidok.store import Store
from svidok.store.audit import AuditLog


@click.group("audit")
def command() -> None:
    """The append-only, hash-chained log of every change made in the workbench."""


@command.command("verify")
@database_option
def verify(db_url: str) -> None:
    """Recompute every entry's hash; exit 1 naming each entry that was edited, removed or reordered."""
    store = Store.open(db_url)
    try:
        log = AuditLog(store)
        problems, total = log.verify(), log.count()
    finally:
        store.close()
    if problems:
        for problem in problems:
            click.echo(f"entry {problem.entry_id}: {problem.reason}", err=True)
        fail(f"audit log tampered: {len(problems)} problem(s) in {total} entries")
    click.echo(f"audit log intact: {total} entries, hash chain verified")
