"""An analyst's corrections of a claim's fields, from the edit form to a claim record.

Fields typed by an analyst rest on no span of the text, so an edited field loses the span
it had (an unchanged one keeps it). Places are given one per line, by GeoNames id (one the
claim or its incident already cites) or by name (geocoded like a query: "Izium, Kharkiv region").
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from typing import get_args

from pydantic import BaseModel, ConfigDict

from svidok.geocode import Gazetteer, geocode, load_gazetteer
from svidok.knowledge import load_taxonomy
from svidok.records import Claim, DatePrecision, EventDate, Modality, Place

MODALITIES: tuple[str, ...] = get_args(Modality)
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)
COUNT_FIELDS = ("fatalities", "injured", "people_affected")

PlaceResolver = Callable[[str], Place | None]


class ClaimEditForm(BaseModel):
    """The edit form as typed: every field a string, empty for "none"."""

    model_config = ConfigDict(frozen=True)

    type: str
    modality: str
    places: str = ""
    date_start: str = ""
    date_end: str = ""
    date_precision: str = "day"
    fatalities: str = ""
    injured: str = ""
    people_affected: str = ""


def edited_claim(claim: Claim, form: ClaimEditForm, known_places: Iterable[Place], resolve: PlaceResolver) -> Claim:
    """`claim` with the form's values; ValueError naming the field whose value is not acceptable."""
    if form.type not in load_taxonomy():
        raise ValueError(f"type {form.type!r} is not in the taxonomy")
    if form.modality not in MODALITIES:
        raise ValueError(f"modality {form.modality!r} is not one of {', '.join(MODALITIES)}")
    counts = {name: _count(name, getattr(form, name)) for name in COUNT_FIELDS}
    return dataclasses.replace(
        claim,
        type=form.type,
        modality=form.modality,  # type: ignore[arg-type]  # checked against MODALITIES above
        places=_places(form.places, [*claim.places, *known_places], resolve),
        date=_date(claim.date, form),
        number_spans={k: s for k, s in claim.number_spans.items() if counts.get(k) == getattr(claim, k, None)},
        **counts,
    )


def geocoded_place(query: str) -> Place | None:
    """The best gazetteer match for `query`, None when nothing matches."""
    candidates = geocode(query, _gazetteer())
    return dataclasses.replace(candidates[0], mention=query) if candidates else None


@cache
def _gazetteer() -> Gazetteer:
    """Loaded once per process, on the first edit (about 1 s)."""
    return load_gazetteer()


def _places(text: str, known: list[Place], resolve: PlaceResolver) -> list[Place]:
    by_geonameid = {place.geonameid: place for place in known if place.geonameid is not None}
    places = []
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        if line.isdigit():
            place = by_geonameid.get(int(line))
            if place is None:
                raise ValueError(f"GeoNames id {line} is not among the places of this claim or incident; give its name")
        else:
            found = resolve(line)
            if found is None:
                raise ValueError(f"place {line!r} is not in the gazetteer; check the spelling or add the region")
            place = found
        places.append(place)
    return places


def _date(before: EventDate | None, form: ClaimEditForm) -> EventDate | None:
    start, end = _iso_date("date_start", form.date_start), _iso_date("date_end", form.date_end)
    if start is None:
        if end is not None:
            raise ValueError("a date range needs its start")
        return None
    end = end or start
    if end < start:
        raise ValueError(f"date_end {end} is before date_start {start}")
    if form.date_precision not in DATE_PRECISIONS:
        raise ValueError(f"date precision {form.date_precision!r} is not one of {', '.join(DATE_PRECISIONS)}")
    if before is not None and (before.start, before.end or before.start, before.precision) == (start, end, form.date_precision):
        return before
    return EventDate(start, end, form.date_precision, None)  # type: ignore[arg-type]  # checked above


def _iso_date(field: str, value: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{field} {value!r} is not a date (YYYY-MM-DD)") from None


def _count(field: str, value: str) -> int | None:
    if not value.strip():
        return None
    if not value.strip().isdigit():
        raise ValueError(f"{field} {value!r} is not a whole number")
    return int(value)


def place_lines(places: Iterable[Place]) -> str:
    """The places as the form shows them: GeoNames id where there is one, else the name."""
    return "\n".join(str(p.geonameid) if p.geonameid is not None else p.name for p in places)
