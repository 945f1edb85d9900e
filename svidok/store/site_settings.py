"""Settings of the workbench that admins change at run time, stored in the database and audited."""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from svidok.store.audit import AuditLog
from svidok.store.store import Store
from svidok.store.workbench_tables import site_settings

PUBLIC_READ = "public_read"


class SiteSettings:
    def __init__(self, store: Store) -> None:
        self._engine = store.engine
        self._audit = AuditLog(store)

    def public_read(self) -> bool:
        """Whether people who are not logged in may read (never change) the workbench; off unless an admin opts in."""
        with self._engine.connect() as connection:
            return bool(_value(connection, PUBLIC_READ, False))

    def set_public_read(self, admin: str, enabled: bool, comment: str) -> None:
        with self._engine.begin() as connection:
            before = bool(_value(connection, PUBLIC_READ, False))
            connection.execute(site_settings.delete().where(site_settings.c.key == PUBLIC_READ))
            connection.execute(site_settings.insert().values(key=PUBLIC_READ, value=enabled))
            self._audit.append(
                connection, admin, "set_public_read", f"setting:{PUBLIC_READ}",
                {"enabled": before}, {"enabled": enabled, "comment": comment},
            )


def _value(connection: sa.Connection, key: str, default: Any) -> Any:
    row = connection.execute(sa.select(site_settings.c.value).where(site_settings.c.key == key)).first()
    return row.value if row else default
