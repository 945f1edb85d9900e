"""Hand-made gold events and extracted claims (in `Claim.to_json()` form) for the scoring tests."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from svidok.evaluate.datasets import GoldEvent
from svidok.evaluate.scoring import ExtractedRecord
from svidok.records import Actor, Claim, EventDate, Place

EMPTY_GOLD = GoldEvent(
    date=None, admin1=None, admin1_raw=None, lat=None, lon=None, deaths=None,
    claimants=None, claimant_raw=None, type=None, category_raw=None,
)


def gold(**fields: Any) -> GoldEvent:
    return replace(EMPTY_GOLD, **fields)


def place(name: str, admin1: str | None, lat: float | None, lon: float | None) -> Place:
    return Place(mention=name, name=name, geonameid=None, admin1=admin1, country="UA", lat=lat, lon=lon,
                 precision="settlement")


def claim_json(
    type: str = "attack_on_civilians",
    confidence: float = 0.5,
    places: list[Place] | None = None,
    start: date | None = None,
    fatalities: int | None = None,
    claimant: str | None = None,
) -> dict[str, Any]:
    claim = Claim(
        document_id="doc",
        type=type,
        modality="occurred",
        stance="asserts",
        evidence=[],
        places=places or [],
        date=EventDate(start, start, "day", None) if start else None,
        fatalities=fatalities,
        claimant=Actor(claimant, claimant, "ukrainian_authority") if claimant else None,
        confidence=confidence,
    )
    return claim.to_json()


def extraction(gold_event: GoldEvent, claims: list[dict[str, Any]], text: str = "", language: str | None = None) -> ExtractedRecord:
    return ExtractedRecord("r", text, gold_event, claims, language)
