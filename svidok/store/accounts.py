"""User accounts of the workbench: a name, a role and a password hash (never the password)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, get_args

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from svidok.store.store import Store
from svidok.store.workbench_tables import users

Role = Literal["viewer", "analyst", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)


@dataclass(frozen=True)
class Account:
    name: str
    role: Role
    password_hash: str

    def may(self, role: Role) -> bool:
        """True when this account has `role` or a stronger one (viewer < analyst < admin)."""
        return ROLES.index(self.role) >= ROLES.index(role)


class Accounts:
    def __init__(self, store: Store) -> None:
        self._engine = store.engine

    def add(self, name: str, role: Role, password_hash: str) -> Account:
        """Create the account; ValueError if the name is taken, empty, or the role unknown."""
        if not name.strip():
            raise ValueError("a user name must not be empty")
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
        try:
            with self._engine.begin() as connection:
                connection.execute(
                    users.insert().values(
                        name=name, role=role, password_hash=password_hash, created_at=datetime.now(UTC)
                    )
                )
        except IntegrityError:
            raise ValueError(f"user {name!r} exists already; nothing was changed") from None
        return Account(name, role, password_hash)

    def get(self, name: str) -> Account | None:
        with self._engine.connect() as connection:
            row = connection.execute(sa.select(users).where(users.c.name == name)).first()
        return Account(row.name, row.role, row.password_hash) if row else None
