"""Fixtures for the workbench: the demo store (built once, copied per test), accounts, logged-in clients."""
from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    # Starlette suggests httpx2 for its TestClient; httpx still works and is what we pin.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from workbench_clients import PASSWORDS, log_in

from svidok.serve.app import create_app
from svidok.serve.passwords import hash_password
from svidok.store import Store
from svidok.store.accounts import Accounts


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus ingested once, with one account per role; tests work on copies."""
    # Imported here, so the tests that need no demo store do not load the extraction pipeline.
    from svidok.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, progress=False)
    with Store.open(f"sqlite:///{path}") as store:
        for role, password in PASSWORDS.items():
            Accounts(store).add(role, role, hash_password(password))
    return path


@pytest.fixture
def demo_url(demo_template: Path, tmp_path: Path) -> str:
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def demo_store(demo_url: str) -> Iterator[Store]:
    with Store.open(demo_url) as store:
        yield store


@pytest.fixture
def client(demo_store: Store) -> TestClient:
    """Not logged in."""
    return TestClient(create_app(demo_store, secret_key="test-secret"))


@pytest.fixture
def analyst_client(client: TestClient) -> tuple[TestClient, str]:
    return client, log_in(client, "analyst")


@pytest.fixture
def viewer_client(client: TestClient) -> tuple[TestClient, str]:
    return client, log_in(client, "viewer")
