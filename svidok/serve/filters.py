"""The incident filters of the list and map pages, read from the query string."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from fastapi import HTTPException

from svidok.store.queries import IncidentFilter

FILTER_NAMES = ("q", "type", "oblast", "status", "claimant_kind", "date_from", "date_to")


@dataclass(frozen=True)
class ListFilters:
    # The values as typed ("" for unset), to refill the form and to carry into links.
    form: dict[str, str]
    wanted: IncidentFilter

    def url(self, path: str, **extra: str | int) -> str:
        """`path` with these filters (and `extra` parameters) in its query string."""
        given = {name: value for name, value in self.form.items() if value}
        return f"{path}?{urlencode({**given, **extra})}" if given or extra else path


def list_filters(
    q: str = "",
    type: str = "",
    oblast: str = "",
    status: str = "",
    claimant_kind: str = "",
    date_from: str = "",
    date_to: str = "",
) -> ListFilters:
    """FastAPI dependency: a form sends every field, empty ones as "", which means "any"."""
    form = {
        "q": q, "type": type, "oblast": oblast, "status": status,
        "claimant_kind": claimant_kind, "date_from": date_from, "date_to": date_to,
    }
    wanted = IncidentFilter(
        type=type or None,
        oblast=oblast or None,
        status=status or None,
        text=q or None,
        claimant_kind=claimant_kind or None,
        date_from=_day("date_from", date_from),
        date_to=_day("date_to", date_to),
    )
    return ListFilters(form, wanted)


def _day(name: str, value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(status_code=400, detail=f"{name} {value!r} is not a date (YYYY-MM-DD)") from None
