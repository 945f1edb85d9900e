from __future__ import annotations

from datetime import date

import pytest
from extract_documents import make_document, shared_dir

from svidok.records import Document


@pytest.fixture(scope="module")
def worked_example() -> Document:
    path = shared_dir() / "examples" / "sorokine-passports.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared worked example is not on this machine (set SVIDOK_SHARED)")
    return make_document(path.read_text(encoding="utf-8"), published=date(2022, 5, 7))
