"""`svidok incidents`: the linked incidents as a plain-text table or JSON."""
from __future__ import annotations

import json
from collections.abc import Sequence

import click

from svidok.cli.common import database_option, printable
from svidok.records import Incident
from svidok.store import Store

INCIDENT_HEADERS = ("id", "type", "status", "sources", "independent", "place", "date", "summary")


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Left-aligned columns as wide as their widest cell, two spaces apart."""
    cells = [[printable(c) for c in headers]] + [[printable(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells)


def incident_row(incident: Incident) -> tuple[object, ...]:
    when = incident.date_start.isoformat() if incident.date_start else "unknown"
    if incident.date_end and incident.date_end != incident.date_start:
        when += f"..{incident.date_end.isoformat()}"
    place = incident.places[0].name if incident.places else "unknown"
    return (
        incident.id,
        incident.type,
        incident.status,
        incident.source_count,
        incident.independent_claimant_count,
        place,
        when,
        incident.summary,
    )


def format_incident_table(incidents: Sequence[Incident]) -> str:
    if not incidents:
        return "no incidents"
    return format_table(INCIDENT_HEADERS, [incident_row(i) for i in incidents])


def _most_sourced_first(incidents: list[Incident]) -> list[Incident]:
    return sorted(incidents, key=lambda i: (-i.independent_claimant_count, -i.source_count, i.id))


@click.command("incidents")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most N incidents.")
@click.option("--json", "as_json", is_flag=True, help="Print the incidents as a JSON array.")
@database_option
def command(limit: int | None, as_json: bool, db_url: str) -> None:
    """List incidents, the best-attested first."""
    store = Store.open(db_url)
    try:
        incidents = _most_sourced_first(store.list_incidents())[:limit]
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([i.to_json() for i in incidents], ensure_ascii=False, indent=1))
    else:
        click.echo(format_incident_table(incidents))
