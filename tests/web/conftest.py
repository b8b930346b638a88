"""Web app fixtures: an app on a fresh database with a fixed clock, and a browser-like client."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Starlette nudges towards a successor of httpx for its TestClient; httpx is what we have.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
from fastapi.testclient import TestClient  # noqa: E402
from web_helpers import LOCAL, NOW  # noqa: E402

from afterword.web.app import create_app  # noqa: E402
from afterword.web.settings import WebSettings  # noqa: E402


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """Build a client for an app with these settings; closes them all afterwards."""
    opened: list[TestClient] = []

    def build(url: str | None = None, base_url: str = LOCAL, **settings) -> TestClient:
        settings.setdefault("clock", lambda: NOW)
        app = create_app(
            WebSettings(database_url=url or f"sqlite:///{tmp_path / 'web.db'}", **settings)
        )
        client = TestClient(app, base_url=base_url, follow_redirects=False)
        client.__enter__()
        opened.append(client)
        return client

    yield build
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client) -> TestClient:
    """A local app on a fresh SQLite file, as a browser on this computer would use it."""
    return make_client()


@pytest.fixture
def any_client(make_client, database_url: str) -> TestClient:
    """The same, once on SQLite and once on PostgreSQL."""
    return make_client(database_url)
