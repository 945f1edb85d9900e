"""Hand-built documents, claims and incidents for export tests."""
from __future__ import annotations

from datetime import date, datetime, timezone

from svidok.records import Actor, Claim, Document, EventDate, Incident, Place, Span

KHARKIV = Place("Kharkiv", "Kharkiv", 706483, "Kharkiv Oblast", "UA", 49.98, 36.25, "settlement")
TEXT = "=HYPERLINK(\"http://evil.example\") Shelling of Saltivka in Kharkiv killed three civilians, the governor said."

DOCUMENT = Document(
    raw=TEXT.encode(),
    origin="https://suspilne.example/news/1",
    captured_at=datetime(2022, 5, 8, tzinfo=timezone.utc),
    text=TEXT,
    title="+Shelling of Saltivka",
    publisher="@Suspilne",
    published=date(2022, 5, 7),
    url="https://suspilne.example/news/1",
)

SHELLING = Claim(
    id="claim-1",
    document_id=DOCUMENT.id,
    type="attack_on_civilians",
    modality="occurred",
    stance="asserts",
    evidence=[Span(0, len(TEXT), TEXT)],
    acled_event_type="Explosions/Remote violence",
    acled_sub_event_type="Shelling/artillery/missile attack",
    claimant=Actor("Ukrainian regional military administration", "the governor", "ukrainian_authority"),
    perpetrators=[Actor("Russian armed forces", "Russian forces", "russian_authority")],
    victims=[Actor("civilians", "civilians", "civilians")],
    places=[KHARKIV],
    date=EventDate(date(2022, 5, 6), date(2022, 5, 6), "day", "Friday"),
    fatalities=3,
)

PASSPORTS = Claim(
    id="claim-2",
    document_id=DOCUMENT.id,
    type="citizenship_coercion",
    modality="ongoing",
    stance="asserts",
    evidence=[Span(0, 8, TEXT[:8])],
)


def incident(claim: Claim, incident_id: str, places: list[Place], status: str = "single_source") -> Incident:
    return Incident(
        id=incident_id,
        type=claim.type,
        claim_ids=[claim.id or ""],
        document_ids=[claim.document_id],
        source_count=1,
        independent_claimant_count=1,
        claimants=["-1+1 Outlet"],
        claimant_kinds=["media"],
        status=status,  # type: ignore[arg-type]
        places=places,
        date_start=claim.date.start if claim.date else None,
        date_end=claim.date.end if claim.date else None,
        summary=f"{claim.type} summary",
    )
