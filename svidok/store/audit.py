"""The append-only audit log: who changed what, when, from what to what, hash-chained.

Each entry's hash is sha256(prev_hash + canonical JSON of the entry), and prev_hash is the
hash of the entry before it. Editing, deleting or reordering any entry breaks the chain from
there on, which `AuditLog.verify` reports. The database also refuses UPDATE and DELETE on the
table (migration 0002), so tampering takes deliberate work outside svidok.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from svidok.store.store import Store
from svidok.store.workbench_tables import audit_log

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    subject: str
    before: Any
    after: Any
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditProblem:
    entry_id: int
    reason: str


def canonical_json(value: Any) -> str:
    """One spelling per value, so the same entry always hashes the same."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(prev_hash: str, at: str, actor: str, action: str, subject: str, before: str, after: str) -> str:
    body = canonical_json(
        {"at": at, "actor": actor, "action": action, "subject": subject, "before": before, "after": after}
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


class AuditLog:
    def __init__(self, store: Store) -> None:
        self._engine = store.engine

    def append(
        self, connection: sa.Connection, actor: str, action: str, subject: str, before: Any, after: Any
    ) -> None:
        """Chain an entry onto the last one, inside the caller's transaction with the change itself.

        A concurrent writer chaining onto the same entry violates the unique prev_hash and its
        whole transaction (change included) rolls back, so the log never forks.
        """
        last = connection.execute(sa.select(audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)).scalar()
        prev_hash = last or GENESIS_HASH
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        before_text, after_text = canonical_json(before), canonical_json(after)
        connection.execute(
            audit_log.insert().values(
                at=at,
                actor=actor,
                action=action,
                subject=subject,
                before=before_text,
                after=after_text,
                prev_hash=prev_hash,
                hash=entry_hash(prev_hash, at, actor, action, subject, before_text, after_text),
            )
        )

    def entries(self, subject: str | None = None, limit: int = 200) -> list[AuditEntry]:
        """The newest entries first, optionally only those about `subject`."""
        statement = sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        if subject is not None:
            statement = statement.where(audit_log.c.subject == subject)
        with self._engine.connect() as connection:
            return [_entry(row) for row in connection.execute(statement)]

    def verify(self) -> list[AuditProblem]:
        """Every entry whose hash or link to its predecessor does not hold; empty when intact."""
        problems = []
        expected_prev = GENESIS_HASH
        for row in self._rows_in_order():
            if row.prev_hash != expected_prev:
                problems.append(AuditProblem(row.id, "prev_hash does not match the entry before it (removed or reordered entry)"))
            recomputed = entry_hash(row.prev_hash, row.at, row.actor, row.action, row.subject, row.before, row.after)
            if recomputed != row.hash:
                problems.append(AuditProblem(row.id, "hash does not match the entry's content (edited entry)"))
            expected_prev = row.hash
        return problems

    def count(self) -> int:
        with self._engine.connect() as connection:
            return int(connection.execute(sa.select(sa.func.count()).select_from(audit_log)).scalar_one())

    def _rows_in_order(self) -> Iterator[sa.Row[Any]]:
        with self._engine.connect() as connection:
            yield from connection.execution_options(yield_per=500).execute(
                sa.select(audit_log).order_by(audit_log.c.id)
            )


def _entry(row: sa.Row[Any]) -> AuditEntry:
    return AuditEntry(
        row.id, row.at, row.actor, row.action, row.subject, json.loads(row.before), json.loads(row.after),
        row.prev_hash, row.hash,
    )
