"""Shared test settings: Hypothesis runs deterministic and bounded in CI; databases to test on."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder, with the user's own config and data folders emptied out of the way."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv("AFTERWORD_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(tmp_path)
    return tmp_path


class PostgresServer:
    """A throwaway PostgreSQL cluster in a temp folder, reached on a unix socket there."""

    def __init__(self) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            raise RuntimeError(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); "
                "`make test` installs it"
            )
        self.bin = Path(found[-1]).parent
        self.folder = Path(tempfile.mkdtemp(prefix="afterword-pg-"))
        self.data = self.folder / "data"
        self._names = itertools.count(1)
        # initdb refuses to run as root; CI is root, so the cluster belongs to `postgres`.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres")
        self.user = "postgres" if self.as_user else os.environ.get("USER", "postgres")

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [*self.as_user, *args], capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {result.stderr or result.stdout}")

    def start(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", self.user,
                  "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
        options = f"-k {self.folder} -c listen_addresses='' -F -c max_connections=200"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.folder / "server.log"), "-w", "-t", "60", "start")  # fmt: skip

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.folder}"

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(host=str(self.folder), user=self.user, dbname="postgres",
                             autocommit=True) as connection:  # fmt: skip
            connection.execute(statement)

    def create_database(self) -> str:
        name = f"afterword_test_{os.getpid()}_{next(self._names)}"
        self._admin(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """The session's PostgreSQL server. Missing or broken PostgreSQL fails the tests."""
    server = None
    try:
        server = PostgresServer()
        server.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        if server is not None:
            shutil.rmtree(server.folder, ignore_errors=True)
        pytest.fail(f"cannot start PostgreSQL for the storage tests: {error}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database for one test: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'afterword.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.create_database()
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)  # FORCE ends connections a failed test left open
