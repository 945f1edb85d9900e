"""Hand-built records for linking tests: no extraction, no database."""
from __future__ import annotations

from datetime import date, datetime, timezone

from svidok.records import Actor, Claim, Document, EventDate, Place, Span

KHARKIV = Place("Kharkiv", "Kharkiv", 706483, "Kharkiv Oblast", "UA", 49.98, 36.25, "settlement")
# Pisochyn lies about 13 km from Kharkiv's centre: the same scene for a strike.
PISOCHYN = Place("Pisochyn", "Pisochyn", 697185, "Kharkiv Oblast", "UA", 49.95, 36.09, "settlement")
KHARKIV_OBLAST = Place("Kharkiv region", "Kharkiv Oblast", 706482, "Kharkiv Oblast", "UA", 49.5, 36.5, "region")
KHERSON = Place("Kherson", "Kherson", 706448, "Kherson Oblast", "UA", 46.64, 32.61, "settlement")
GUR = Actor("Defence Intelligence of Ukraine (GUR)", "GUR", "ukrainian_authority")
GOVERNOR = Actor("Ukrainian regional military administration", "regional governor", "ukrainian_authority")
HRW = Actor("Human Rights Watch", "Human Rights Watch", "ngo")
RUSSIAN_MOD = Actor("Ministry of Defence of the Russian Federation", "Russian Defence Ministry", "russian_authority")

STRIKE_TEXT = (
    "A Russian missile struck an apartment block in the Saltivka district of Kharkiv on Friday, "
    "killing four civilians and wounding eleven, including two children."
)


def document(text: str, publisher: str, published: date = date(2022, 5, 7)) -> Document:
    return Document(
        raw=f"{publisher}\n{text}".encode(),
        origin=f"https://{publisher.lower().replace(' ', '')}.example/article",
        captured_at=datetime(2022, 5, 8, tzinfo=timezone.utc),
        text=text,
        publisher=publisher,
        published=published,
    )


def claim(
    claim_id: str,
    doc: Document,
    *,
    type: str = "attack_on_civilians",
    evidence: str = STRIKE_TEXT,
    claimant: Actor | None = None,
    places: tuple[Place, ...] = (KHARKIV,),
    on: date | None = date(2022, 5, 6),
    modality: str = "occurred",
    stance: str = "asserts",
) -> Claim:
    return Claim(
        id=claim_id,
        document_id=doc.id,
        type=type,
        modality=modality,  # type: ignore[arg-type]
        stance=stance,  # type: ignore[arg-type]
        evidence=[Span(0, len(evidence), evidence)],
        claimant=claimant,
        places=list(places),
        date=EventDate(on, on, "day", "Friday") if on else None,
    )
