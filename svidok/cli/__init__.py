"""The `svidok` command line: a thin shell over functions a Python user can call.

One module per command or command group; each exposes a click command named `command`.
"""
from __future__ import annotations

import importlib

import click

# Modules under svidok.cli, each with a `command`; listed here so `svidok --help` shows all.
COMMAND_MODULES = (
    "extract",
    "eval",
    "ingest",
    "incidents",
    "export",
    "demo",
    "geocode",
    "serve",
    "user",
    "audit",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="svidok")
def main() -> None:
    """svidok: read reports about the war in Ukraine and build a sourced record of claims."""


for _name in COMMAND_MODULES:
    main.add_command(importlib.import_module(f"svidok.cli.{_name}").command)
