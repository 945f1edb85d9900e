"""`svidok user add`: accounts of the workbench."""
from __future__ import annotations

import sys

import click

from svidok.cli.common import database_option, fail
from svidok.serve.passwords import hash_password
from svidok.store import Store
from svidok.store.accounts import ROLES, Accounts


@click.group("user")
def command() -> None:
    """Manage the accounts that may log in to `svidok serve`."""


@command.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="viewer reads; analyst also reviews; admin also administers.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
@database_option
def add(name: str, role: str, password_stdin: bool, db_url: str) -> None:
    """Create account NAME with ROLE; the password is prompted for (or read from stdin)."""
    password = _read_password(password_stdin)
    try:
        password_hash = hash_password(password)
    except ValueError as error:
        fail(f"{error}; no account created")
    store = Store.open(db_url)
    try:
        Accounts(store).add(name, role, password_hash)  # type: ignore[arg-type]  # click.Choice checked it
    except ValueError as error:
        fail(str(error))
    finally:
        store.close()
    click.echo(f"created {role} {name}")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))
