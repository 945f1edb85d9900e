"""Options and error reporting shared by the commands."""
from __future__ import annotations

import os

import click

DEFAULT_DB_URL = "sqlite:///svidok.sqlite"

database_option = click.option(
    "--db",
    "db_url",
    default=lambda: os.environ.get("SVIDOK_DB", DEFAULT_DB_URL),
    show_default="$SVIDOK_DB or sqlite:///svidok.sqlite",
    help="SQLAlchemy URL of the store (SQLite file by default, postgresql+psycopg://... for teams).",
)


def fail(message: str) -> None:
    """Stop the command with a one-line error on stderr and exit status 1."""
    raise click.ClickException(message)
