"""Jinja2 pages, autoescaped everywhere: whatever a user typed shows as text, never as markup."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from afterword import __version__

WEB = Path(__file__).resolve().parent
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"

NAV = (
    ("today", "/", "Today"),
    ("new", "/new", "New follow-up"),
    ("companies", "/companies", "Companies"),
    ("feedback", "/feedback", "Feedback"),
    ("guide", "/guide", "Guide"),
    ("settings", "/settings", "Settings"),
)


def long_date(value: dt.date | dt.datetime | str | None) -> str:
    """A date as "Tue 4 Mar 2025": unambiguous wherever the reader lives."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return f"{value:%a} {value.day} {value:%b %Y}"


SAID = {
    "stage": {"interview": "after interviews", "application": "at the application stage"},
    "feedback": {"offered": "offered", "declined": "they don't give it"},
    "future": {
        "invited": "invited you to apply again",
        "kept_on_file": "kept on file",
        "on_file": "kept on file",
    },
}


def said(value: str | None, field: str) -> str:
    """What a rejection said, in words: "kept on file", or "not mentioned"."""
    return SAID.get(field, {}).get(value or "", "not sure" if field == "stage" else "not mentioned")


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def label(value: str | None) -> str:
    """A stored value such as "kept_on_file" as words: "kept on file"."""
    return (value or "").replace("_", " ")


def current_section(path: str) -> str:
    """The nav entry a path belongs to, so the nav can mark it."""
    if path == "/due":
        return "today"
    for key, href, _ in NAV:
        if path == href or (href != "/" and path.startswith(href + "/")):
            return key
    return ""


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["long_date"] = long_date
    env.filters["label"] = label
    env.filters["said"] = said
    env.globals["plural"] = plural
    env.globals["nav"] = NAV
    env.globals["zip"] = zip
    env.globals["version"] = __version__
    return env


def page(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """Render one page with what every page needs: the CSRF token, the owner, the nav."""
    state = request.state
    html = (
        environment()
        .get_template(template)
        .render(
            csrf_token=getattr(state, "csrf_token", ""),
            owner=getattr(state, "owner", None),
            signed_in=request.app.state.settings.requires_token,
            current=current_section(request.url.path),
            **values,
        )
    )
    return HTMLResponse(html, status_code=status_code, headers={"cache-control": "no-store"})


def fragment(template: str, **values: Any) -> Markup:
    """A piece of a page, rendered once and reused (its values are escaped as it renders)."""
    return Markup(environment().get_template(template).render(**values))


def error_page(status: int, message: str) -> bytes:
    """A calm page for a refusal, rendered without a request (the Guard's errors)."""
    html = (
        environment()
        .get_template("error.html")
        .render(
            status=status,
            message=message,
            csrf_token="",
            owner=None,
            signed_in=False,
            current="",
        )
    )
    return html.encode("utf-8")
