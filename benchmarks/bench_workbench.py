"""Latency of the workbench over a large store: the incident list (with and without filters) and text search.

    .venv/bin/python benchmarks/bench_workbench.py [--claims 100000] [--requests 200] [--db PATH]

With --db naming an existing file, that store is measured as it is (no build), so repeated
runs skip the build.

Builds a synthetic SQLite store locally (no shared data, no network): documents of five claims
each, claims grouped into incidents of one to four claims, with types from the taxonomy,
places from a list of Ukrainian towns, dates between 2022-02-24 and 2024-12-31, claimant kinds
and evidence sentences drawn from small vocabularies with a fixed seed. Rows are written in
bulk through the store's own row builders and search index, incidents with
`Store.replace_incidents`. Then each scenario sends `--requests` GET requests through the
FastAPI app in-process (Starlette's TestClient, logged in as a viewer), page or filter values
varying per request, and reports p50/p95/max in milliseconds. The target is p95 <= 100 ms.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from svidok.knowledge import load_taxonomy
from svidok.records import Actor, Claim, Document, EventDate, Incident, Place, Span
from svidok.serve.app import create_app
from svidok.serve.passwords import hash_password
from svidok.store import Store
from svidok.store.accounts import Accounts
from svidok.store.rows import claim_row, document_row, searchable_document_text
from svidok.store.schema import claims, documents

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

CLAIMS_PER_DOCUMENT = 5
SEED = 20220224
FIRST_DAY, DAYS = date(2022, 2, 24), 1042
TOWNS = [
    ("Kharkiv", 706483, "Kharkiv Oblast", 49.98, 36.25), ("Izyum", 707292, "Kharkiv Oblast", 49.21, 37.26),
    ("Kherson", 706448, "Kherson Oblast", 46.64, 32.61), ("Mariupol", 701822, "Donetsk Oblast", 47.10, 37.55),
    ("Bakhmut", 712165, "Donetsk Oblast", 48.60, 38.00), ("Zaporizhzhia", 687700, "Zaporizhzhia Oblast", 47.82, 35.19),
    ("Mykolaiv", 700569, "Mykolaiv Oblast", 46.97, 31.99), ("Bucha", 711660, "Kyiv Oblast", 50.54, 30.21),
    ("Sumy", 692194, "Sumy Oblast", 50.92, 34.80), ("Chernihiv", 710735, "Chernihiv Oblast", 51.51, 31.29),
    ("Odesa", 698740, "Odesa Oblast", 46.48, 30.73), ("Melitopol", 702320, "Zaporizhzhia Oblast", 46.85, 35.37),
]
KINDS = ["ukrainian_authority", "russian_authority", "occupation_authority", "ngo", "international_org", "media", "witness"]
WORDS = (
    "missile strike shelling drone artillery apartment school hospital market bridge convoy village "
    "residents civilians detained deported passports filtration camp torture killed injured wounded "
    "evacuation power station grain warehouse church shelter checkpoint column tanks positions "
    "governor police prosecutor volunteers rescuers rubble fire night morning district outskirts"
).split()


@dataclass(frozen=True)
class Scenario:
    name: str
    path: Callable[[random.Random], str]


def build_store(url: str, claim_count: int, rng: random.Random) -> int:
    """Fill the store; return the number of incidents."""
    store = Store.open(url)
    types = sorted(load_taxonomy())
    event_count = claim_count * 2 // 5
    events = [(rng.choice(types), rng.choice(TOWNS), FIRST_DAY + timedelta(days=rng.randrange(DAYS)))
              for _ in range(event_count)]
    members: dict[int, list[Claim]] = {}
    documents_rows, claim_rows, search_rows = [], [], []
    for d in range(claim_count // CLAIMS_PER_DOCUMENT):
        document_claims = []
        sentences = []
        for position in range(CLAIMS_PER_DOCUMENT):
            event = rng.randrange(event_count)
            claim_type, town, day = events[event]
            sentence = " ".join(rng.choices(WORDS, k=12)) + f" in {town[0]}."
            sentences.append(sentence)
            document_claims.append((event, claim_type, town, day, sentence, position))
        text = " ".join(sentences)
        document = Document(
            raw=f"synthetic document {d}\n{text}".encode(), origin=f"synthetic:{d}",
            captured_at=datetime(2025, 1, 1, tzinfo=UTC), text=text, title=f"Report {d}", publisher="Bench",
            published=date(2024, 12, 31), language="en",
        )
        documents_rows.append(document_row(document))
        search_rows.append({"kind": "document", "id": document.id, "document_id": document.id,
                            "body": searchable_document_text(document)})
        offset = 0
        for event, claim_type, town, day, sentence, position in document_claims:
            claim_id = f"{document.id[:16]}-{position:03d}"
            place = Place(town[0], town[0], town[1], town[2], "UA", town[3], town[4], "settlement")
            claim = Claim(
                document_id=document.id, type=claim_type, modality="occurred", stance="asserts",
                evidence=[Span(offset, offset + len(sentence), sentence)], places=[place],
                date=EventDate(day, day, "day", day.isoformat()),
                claimant=Actor(f"Claimant {rng.randrange(300)}", "they", rng.choice(KINDS)), id=claim_id,
            )
            offset += len(sentence) + 1
            row = claim_row(claim, claim_id, position)
            claim_rows.append(row)
            search_rows.append({"kind": "claim", "id": claim_id, "document_id": document.id, "body": row["evidence_text"]})
            members.setdefault(event, []).append(claim)
    with store.engine.begin() as connection:
        connection.execute(documents.insert(), documents_rows)
        connection.execute(claims.insert(), claim_rows)
        connection.execute(
            sa.text("INSERT INTO search_index (kind, id, document_id, body) VALUES (:kind, :id, :document_id, :body)"),
            search_rows,
        )
    incidents = [_incident(event, its_claims, rng) for event, its_claims in sorted(members.items())]
    store.replace_incidents(incidents)
    Accounts(store).add("viewer", "viewer", hash_password("benchmark-viewer"))
    store.close()
    return len(incidents)


def _incident(event: int, its_claims: list[Claim], rng: random.Random) -> Incident:
    claimants = sorted({c.claimant.name for c in its_claims if c.claimant})
    first = its_claims[0]
    day = first.date.start if first.date else None
    status = rng.choice(["single_source", "corroborated", "contested"]) if len(claimants) > 1 else "single_source"
    return Incident(
        id=f"inc-{event:08d}", type=first.type, claim_ids=[c.id or "" for c in its_claims],
        document_ids=sorted({c.document_id for c in its_claims}),
        source_count=len({c.document_id for c in its_claims}), independent_claimant_count=len(claimants),
        claimants=claimants, claimant_kinds=sorted({c.claimant.kind for c in its_claims if c.claimant}),
        status=status, places=first.places, date_start=day, date_end=day,
        summary=f"{first.type} — {first.places[0].name} — {day}",
    )


def scenarios() -> list[Scenario]:
    types = sorted(load_taxonomy())
    oblasts = sorted({town[2] for town in TOWNS})

    def month(rng: random.Random) -> str:
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 31))
        return f"date_from={start}&date_to={start + timedelta(days=30)}"

    return [
        Scenario("list, no filter, pages 1-50", lambda r: f"/incidents?page={r.randint(1, 50)}"),
        Scenario("list, type", lambda r: f"/incidents?type={r.choice(types)}"),
        Scenario("list, type+oblast+kind+month", lambda r: (
            f"/incidents?type={r.choice(types)}&oblast={r.choice(oblasts)}&claimant_kind={r.choice(KINDS)}&{month(r)}"
        )),
        Scenario("list, status verified-or-not", lambda r: f"/incidents?status={r.choice(['contested', 'corroborated'])}"),
        Scenario("list, text search", lambda r: f"/incidents?q={r.choice(WORDS)}+{r.choice(WORDS)}"),
        Scenario("API list, text search", lambda r: f"/api/incidents?q={r.choice(WORDS)}&per_page=50"),
        Scenario("API list, month", lambda r: f"/api/incidents?{month(r)}&per_page=50"),
    ]


def measure(client: TestClient, scenario: Scenario, requests: int, rng: random.Random) -> list[float]:
    timings = []
    for _ in range(requests):
        path = scenario.path(rng)
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}: {response.text[:200]}")
    return timings


def _log_in(client: TestClient) -> None:
    import re

    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
    assert token is not None
    client.post("/login", data={"username": "viewer", "password": "benchmark-viewer", "csrf_token": token.group(1)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per scenario")
    parser.add_argument("--db", type=Path, help="SQLite file to build, or to reuse if it exists (default: a temporary one)")
    arguments = parser.parse_args()
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as scratch:
        path = arguments.db or Path(scratch) / "bench.sqlite"
        url = f"sqlite:///{path}"
        if path.exists():
            # Reused as it is, so that measuring again skips the build; opening it migrates it.
            print(f"reusing {path}")
        else:
            started = time.perf_counter()
            incident_count = build_store(url, arguments.claims, rng)
            print(f"built {arguments.claims:,} claims, {incident_count:,} incidents in {time.perf_counter() - started:.0f} s")
        with Store.open(url) as store:
            client = TestClient(create_app(store, secret_key="bench"))
            _log_in(client)
            measure(client, scenarios()[0], 10, rng)  # warm-up: caches, first query plans
            print(f"{'scenario':36} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
            for scenario in scenarios():
                timings = sorted(measure(client, scenario, arguments.requests, rng))
                p95 = timings[int(len(timings) * 0.95) - 1]
                print(f"{scenario.name:36} {statistics.median(timings):8.1f} {p95:8.1f} {timings[-1]:8.1f}")


if __name__ == "__main__":
    main()
