"""Articles are adversarial: their HTML is shown as text on every page, never run."""
from __future__ import annotations

from datetime import UTC, date, datetime

from fastapi.testclient import TestClient
from workbench_clients import PASSWORDS, log_in

from svidok.link.incidents import build_incident
from svidok.records import Claim, Document, Incident, LegalRef, Span
from svidok.serve.app import create_app
from svidok.serve.highlight import highlight_spans
from svidok.serve.passwords import hash_password
from svidok.store import Store
from svidok.store.accounts import Accounts
from svidok.store.review import Reviews

SCRIPT = "<script>alert('pwned')</script>"
HOSTILE_TEXT = f"Officials said a shell hit the market. {SCRIPT} Two people were killed <img src=x onerror=alert(1)>."


def _hostile_store(url: str) -> tuple[Store, str, str]:
    store = Store.open(url)
    document = Document(
        raw=HOSTILE_TEXT.encode(),
        origin=f"fixture:{SCRIPT}",
        captured_at=datetime(2024, 5, 1, tzinfo=UTC),
        text=HOSTILE_TEXT,
        title=f"Market {SCRIPT}",
        publisher=f"<b>{SCRIPT}</b>",
        published=date(2024, 5, 1),
    )
    store.add_document(document)
    start, end = HOSTILE_TEXT.index(SCRIPT), HOSTILE_TEXT.index("killed") + len("killed")
    evidence = Span(start, end, HOSTILE_TEXT[start:end])
    claim = Claim(
        document_id=document.id, type="killing", modality="occurred", stance="asserts", evidence=[evidence],
        legal=[LegalRef(SCRIPT, "8", SCRIPT)], id="claim-1",
    )
    store.replace_claims(document.id, [claim])
    incident = Incident(
        id="inc-1", type="killing", claim_ids=["claim-1"], document_ids=[document.id], source_count=1,
        independent_claimant_count=1, claimants=[SCRIPT], claimant_kinds=["unknown"], status="single_source",
        summary=f"Killing {SCRIPT}",
    )
    store.replace_incidents([incident])
    Accounts(store).add("analyst", "analyst", hash_password(PASSWORDS["analyst"]))
    Reviews(store, build_incident).decide("analyst", "claim", "claim-1", "accepted", f"comment {SCRIPT}")
    return store, document.id, incident.id


def test_a_script_in_an_article_is_escaped_on_every_page(sqlite_url: str) -> None:
    store, document_id, incident_id = _hostile_store(sqlite_url)
    client = TestClient(create_app(store, secret_key="test"))
    log_in(client, "analyst")
    for path in ("/incidents", f"/incidents/{incident_id}", f"/documents/{document_id}", "/audit"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "<script" not in page.text, path
        assert "<img" not in page.text, path
        assert "onerror=alert" not in page.text.replace("onerror=alert(1)&gt;", ""), path
    incident_page = client.get(f"/incidents/{incident_id}").text
    assert "<mark>&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; Two people were killed</mark>" in incident_page
    assert "script-src 'self'" in client.get("/incidents").headers["content-security-policy"]
    store.close()


def test_marks_wrap_exactly_the_evidence_offsets_and_escape_around_them() -> None:
    text = "a < b & the strike hit <i>Saltivka</i>."
    start = text.index("strike")
    highlighted = highlight_spans(text, [Span(start, start + 6, "strike"), Span(start + 4, start + 10, "ke hit")])
    assert str(highlighted.html) == "a &lt; b &amp; the <mark>strike hit</mark> &lt;i&gt;Saltivka&lt;/i&gt;."
    assert highlighted.mismatched == []


def test_a_span_whose_offsets_do_not_match_the_text_is_not_marked() -> None:
    highlighted = highlight_spans("the strike hit", [Span(0, 3, "xyz"), Span(10, 99, "far")])
    assert "<mark>" not in str(highlighted.html)
    assert len(highlighted.mismatched) == 2
