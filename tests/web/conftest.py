"""Web app fixtures: an app on a fresh database with a fixed clock, and a browser-like client."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from afterword.web.app import create_app
from afterword.web.settings import WebSettings

# Starlette nudges towards a successor of httpx for its TestClient; httpx is what we have.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
from fastapi.testclient import TestClient  # noqa: E402

NOW = dt.datetime(2026, 3, 16, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
LOCAL = "http://127.0.0.1:8000"

REJECTION = """\
From: Priya Raman <priya.raman@lumenfield.example>
Subject: Your application for Data Analyst at Lumenfield

Hi Jordan,

Thank you for interviewing with us for the Data Analyst role at Lumenfield. After careful
consideration we have decided to move forward with another candidate. We would be happy to
keep your CV on file for future roles.

Best regards,
Priya Raman
Talent Partner, Lumenfield
"""
DETAIL = "the way your analysts publish every dashboard with its method notes"

_TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')


def csrf_token(client: TestClient, path: str = "/guide") -> str:
    """The CSRF token a page hands its forms (and sets the cookie it belongs to)."""
    found = _TOKEN.search(client.get(path).text)
    assert found, "the page carries no CSRF token"
    return found.group(1)


class _Form(HTMLParser):
    """Collects what a browser would submit: inputs, checked choices, selected options."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._area: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        name = found.get("name")
        if tag == "input" and name and found.get("type") not in ("file", "submit"):
            if found.get("type") in ("radio", "checkbox") and "checked" not in found:
                return
            self.fields[name] = found.get("value", "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in found:
            self.fields[self._select] = found.get("value", "")
        elif tag == "textarea" and name:
            self._area = name
            self.fields[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        if tag == "textarea":
            self._area = None

    def handle_data(self, data: str) -> None:
        if self._area:
            self.fields[self._area] += data


def hidden_fields(html: str) -> dict[str, str]:
    """Every field of a page's forms, as the browser would post it unchanged."""
    parser = _Form()
    parser.feed(html)
    fields = parser.fields
    for name, value in fields.items():
        if value.startswith("\n"):  # the newline right after <textarea> is not content
            fields[name] = value[1:]
    return fields


def textarea(html: str, name: str) -> str:
    import html as html_lib

    found = re.search(rf'<textarea[^>]*name="{name}"[^>]*>\n?(.*?)</textarea>', html, re.S)
    assert found, f"no textarea named {name}"
    return html_lib.unescape(found.group(1))


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
