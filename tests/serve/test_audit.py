"""Every change is in the hash-chained audit log, and editing or removing an entry is detected."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from sqlalchemy.exc import DatabaseError

from svidok.cli import main
from svidok.link.incidents import build_incident
from svidok.records import Claim, Document, Span
from svidok.store import Store
from svidok.store.audit import AuditLog
from svidok.store.review import Reviews


def _three_changes(store: Store) -> list[str]:
    incidents = store.list_incidents()
    reviews = Reviews(store, build_incident)
    reviews.decide("ana", "claim", incidents[0].claim_ids[0], "accepted", "matches the video")
    reviews.decide("ana", "claim", incidents[0].claim_ids[0], "rejected", "second look: wrong town")
    reviews.decide("ana", "incident", incidents[1].id, "accepted", "")
    return [incidents[0].claim_ids[0], incidents[1].id]


def test_the_chain_verifies_and_records_before_and_after(demo_store: Store) -> None:
    claim_id, _ = _three_changes(demo_store)
    log = AuditLog(demo_store)
    assert log.verify() == []
    newest_about_claim = log.entries(subject=f"claim:{claim_id}")[0]
    assert newest_about_claim.action == "reject_claim"
    assert newest_about_claim.before["decision"] == "accepted"
    assert newest_about_claim.after["comment"] == "second look: wrong town"


def test_the_database_refuses_to_edit_the_log(demo_store: Store) -> None:
    _three_changes(demo_store)
    with pytest.raises(DatabaseError, match="append-only"):
        with demo_store.engine.begin() as connection:
            connection.execute(sa.text("UPDATE audit_log SET actor = 'someone else' WHERE id = 1"))


def _tamper(store: Store, statement: str) -> None:
    """What someone with the database file could do: drop the guard, then change history."""
    with store.engine.begin() as connection:
        connection.execute(sa.text("DROP TRIGGER audit_log_no_update"))
        connection.execute(sa.text("DROP TRIGGER audit_log_no_delete"))
        connection.execute(sa.text(statement))


def test_an_edited_entry_is_detected(demo_store: Store) -> None:
    _three_changes(demo_store)
    _tamper(demo_store, "UPDATE audit_log SET after = replace(after, 'wrong town', 'right town') WHERE id = 2")
    problems = AuditLog(demo_store).verify()
    assert [(p.entry_id, "edited" in p.reason) for p in problems] == [(2, True)]


def test_a_removed_entry_is_detected(demo_store: Store) -> None:
    _three_changes(demo_store)
    _tamper(demo_store, "DELETE FROM audit_log WHERE id = 2")
    assert [p.entry_id for p in AuditLog(demo_store).verify()] == [3]


def test_audit_verify_command_exits_1_on_tampering(demo_store: Store, demo_url: str) -> None:
    _three_changes(demo_store)
    runner = CliRunner()
    intact = runner.invoke(main, ["audit", "verify", "--db", demo_url])
    assert intact.exit_code == 0 and "3 entries" in intact.output
    _tamper(demo_store, "UPDATE audit_log SET actor = 'mallory' WHERE id = 1")
    tampered = runner.invoke(main, ["audit", "verify", "--db", demo_url])
    assert tampered.exit_code == 1
    assert "entry 1" in tampered.output and "tampered" in tampered.output


def test_user_add_reads_the_password_from_stdin_and_refuses_a_taken_name(sqlite_url: str) -> None:
    runner = CliRunner()
    command = ["user", "add", "olena", "--role", "analyst", "--password-stdin", "--db", sqlite_url]
    assert runner.invoke(main, command, input="a long enough password\n").exit_code == 0
    again = runner.invoke(main, command, input="a long enough password\n")
    assert again.exit_code == 1 and "exists already" in again.output


@pytest.mark.postgres
def test_on_postgresql_the_chain_verifies_and_the_log_refuses_edits(postgres_url: str) -> None:
    with Store.open(postgres_url) as store:
        document = Document(raw=b"x", origin="fixture", captured_at=datetime(2024, 1, 1, tzinfo=UTC), text="Shelling.")
        store.add_document(document)
        store.replace_claims(document.id, [Claim(document.id, "killing", "occurred", "asserts", [Span(0, 8, "Shelling")])])
        claim_id = next(store.iter_claims()).id or ""
        Reviews(store, build_incident).decide("ana", "claim", claim_id, "accepted", "ok")
        Reviews(store, build_incident).decide("ana", "claim", claim_id, "rejected", "no")
        assert AuditLog(store).verify() == []
        with pytest.raises(DatabaseError, match="append-only"):
            with store.engine.begin() as connection:
                connection.execute(sa.text("DELETE FROM audit_log"))
