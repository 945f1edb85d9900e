"""`svidok serve`: the analyst's workbench in the browser, over a store."""
from __future__ import annotations

import click

from svidok.cli.common import database_option


@click.command("serve")
@database_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def command(db_url: str, host: str, port: int) -> None:
    """Serve the incident list, incident and document pages, review actions and the JSON API.

    Nothing is visible without logging in: create accounts first with `svidok user add`.
    Set $SVIDOK_SECRET_KEY to keep sessions valid across restarts.
    """
    # Imported here so other commands do not pay for loading the web stack.
    import uvicorn

    from svidok.serve.app import create_app
    from svidok.store import Store

    store = Store.open(db_url)
    try:
        click.echo(f"svidok workbench on http://{host}:{port}/ (store: {db_url})", err=True)
        uvicorn.run(create_app(store), host=host, port=port, log_level="info")
    finally:
        store.close()
