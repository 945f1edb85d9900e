"""Shared fixtures: a tmp SQLite URL, and a throwaway PostgreSQL server for the whole session."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'svidok.sqlite'}"


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str
    seconds_to_start: float

    def url(self, database: str, driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{self.user}@{self.host}:{self.port}/{database}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL cluster in a temp folder on a free port, removed at the end of the session."""
    bin_dir = _postgres_bin_dir()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on PATH or under /usr/lib/postgresql")
    started = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="svidok-pg-"))
    run_as = _unprivileged_prefix(root)
    data, log, port = root / "data", root / "server.log", _free_port()
    user = "svidok"
    _run([*run_as, str(bin_dir / "initdb"), "-D", str(data), "-U", user, "--auth=trust",
          "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
    # fsync off: a throwaway cluster needs no durability, and tests stay fast.
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    _run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"])
    server = PostgresServer("127.0.0.1", port, user, time.perf_counter() - started)
    try:
        yield server
    finally:
        _run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty database on the session's server, dropped after the test."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin_url = postgres_server.url("postgres", driver="postgresql")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield postgres_server.url(name)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def _postgres_bin_dir() -> Path | None:
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major_version)
    return Path(candidates[-1]).parent if candidates else None


def _major_version(initdb_path: str) -> int:
    version = Path(initdb_path).parents[1].name
    return int(version) if version.isdigit() else 0


def _unprivileged_prefix(root: Path) -> list[str]:
    """initdb refuses to run as root: then run the server as `postgres` (or `nobody`)."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            account = pwd.getpwnam(name)
        except KeyError:
            continue
        os.chown(root, account.pw_uid, account.pw_gid)
        return ["runuser", "-u", name, "--"]
    pytest.skip("running as root and no unprivileged 'postgres' or 'nobody' account to run PostgreSQL")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, cwd="/")
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}{result.stdout}")
