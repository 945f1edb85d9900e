"""Bring a database to the newest schema with the Alembic migrations shipped in this package."""
from __future__ import annotations

from importlib import resources

import sqlalchemy as sa
from alembic import command
from alembic.config import Config


def alembic_config(connection: sa.Connection) -> Config:
    """An Alembic configuration built in code, so it works from an installed package and any cwd."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("svidok.store") / "migrations"))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: sa.Engine) -> None:
    """Apply the migrations not yet applied; a database already at head is left untouched."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
