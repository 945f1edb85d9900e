from __future__ import annotations

import pytest

from svidok.geocode import Gazetteer, load_gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return load_gazetteer()
