"""Browser tests: Debian's Chromium, driven by Playwright, against a real server on loopback.

The server is uvicorn in a thread of the test process, on a free port, over a fresh SQLite
file with a fixed clock. Screenshots are kept in test-artifacts/screenshots/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, LiveServer


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(f"sqlite:///{tmp_path / 'e2e.db'}")
    live.start()
    yield live
    live.stop()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}; `make test` installs it", pytrace=False
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser, server: LiveServer, viewport: dict):
    context = browser.new_context(viewport=viewport, base_url=server.url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return context, page, problems


@pytest.fixture
def page(browser, server):
    """A desktop-sized page; any script error or CSP violation fails the test."""
    context, opened, problems = _open(browser, server, DESKTOP)
    yield opened
    context.close()
    assert problems == [], f"the browser reported errors: {problems}"


@pytest.fixture
def phone(browser, server):
    """The same at a phone's width."""
    context, opened, problems = _open(browser, server, PHONE)
    yield opened
    context.close()
    assert problems == [], f"the browser reported errors: {problems}"
