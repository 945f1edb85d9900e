"""Documents for extraction tests."""
from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

from svidok.records import Document


def shared_dir() -> Path:
    configured = os.environ.get("SVIDOK_SHARED")
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / ".." / "shared"


def make_document(text: str, published: date | None = date(2022, 6, 2), authors: list[str] | None = None) -> Document:
    return Document(
        raw=text.encode("utf-8"),
        origin="test",
        captured_at=datetime(2024, 1, 1, tzinfo=UTC),
        text=text,
        published=published,
        authors=authors or [],
    )
