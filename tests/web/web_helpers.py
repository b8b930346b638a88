"""Shared by the web tests: a sample rejection, the fixed clock, and form helpers."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from samples import DETAIL, REJECTION  # noqa: F401 (the tests import them from here)

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

NOW = dt.datetime(2026, 3, 16, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
LOCAL = "http://127.0.0.1:8000"


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
