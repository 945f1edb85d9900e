from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from svidok.records import Document, Outcome

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


Results = tuple[list[Document], list[Outcome]]


def _split(results: Iterable[Document | Outcome]) -> Results:
    items = list(results)
    return [r for r in items if isinstance(r, Document)], [r for r in items if isinstance(r, Outcome)]


@pytest.fixture
def split() -> Callable[[Iterable[Document | Outcome]], Results]:
    """Results of a read as (documents, outcomes), each in the order they came."""
    return _split
