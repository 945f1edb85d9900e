"""`svidok demo`: ingest the bundled demo corpus into a fresh SQLite file and show the incidents."""
from __future__ import annotations

from pathlib import Path

import click

from svidok.cli.incidents import format_incident_table
from svidok.cli.ingest import format_run_summary
from svidok.demo import build_demo


@click.command("demo")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=Path("svidok-demo.sqlite"),
    show_default=True,
    help="SQLite file to create (replaced if it exists).",
)
def command(db_path: Path) -> None:
    """Build a demo store from a dozen fictional articles and print its incidents."""
    run, incidents = build_demo(db_path)
    click.echo(format_run_summary(run))
    click.echo()
    click.echo(format_incident_table(sorted(incidents, key=lambda i: (i.type, i.id))))
    click.echo(f"\nstore: {db_path} (try: svidok incidents --db sqlite:///{db_path})")
