"""Options and error reporting shared by the commands."""
from __future__ import annotations

import os
import re

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


# C0 and C1 control characters other than tab and newline: an article title or a file name
# could carry terminal escape sequences that rewrite what the analyst sees.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: object) -> str:
    """`text` safe to print to a terminal: control characters shown as escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", str(text))
