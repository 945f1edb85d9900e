"""`svidok export`: claims or incidents in an exchange format, to a file or stdout."""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

import click

from svidok.cli.common import database_option
from svidok.export.acled_csv import write_acled_csv
from svidok.export.geojson import write_incidents_geojson
from svidok.export.jsonl import write_claims_jsonl
from svidok.store import Store

FORMATS = ("jsonl", "acled-csv", "geojson")


@click.command("export")
@click.option("--format", "export_format", type=click.Choice(FORMATS), required=True,
              help="jsonl: one claim per line; acled-csv: one incident per row; geojson: incidents as points.")
@click.option("--output", "-o", default="-", show_default=True, help="File to write, or - for stdout.")
@database_option
def command(export_format: str, output: str, db_url: str) -> None:
    """Export the store's claims (jsonl) or incidents (acled-csv, geojson)."""
    store = Store.open(db_url)
    try:
        document_of = lru_cache(maxsize=4096)(store.get_document)
        with click.open_file(output, "w", encoding="utf-8") as stream:
            if export_format == "jsonl":
                written = write_claims_jsonl(store.iter_claims(), document_of, stream)
                click.echo(f"{written} claims written", err=True)
            elif export_format == "acled-csv":
                claims = {c.id: c for c in store.iter_claims() if c.id is not None}
                report = write_acled_csv(
                    store.list_incidents(), claims, document_of, stream, exported_at=datetime.now(timezone.utc)
                )
                click.echo(f"{report.rows} incidents written", err=True)
                for reason, count in sorted(report.omitted.items()):
                    click.echo(f"left out {count} incident(s): {reason}", err=True)
            else:
                collection = write_incidents_geojson(store.list_incidents(), stream)
                click.echo(
                    f"{len(collection['features'])} incidents written; "
                    f"{collection['unlocated']} without coordinates counted as unlocated",
                    err=True,
                )
    finally:
        store.close()
