"""Shared by the browser tests: Chromium's settings, a live server, samples, screenshots."""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
from pathlib import Path

import uvicorn

from afterword.web.app import create_app
from afterword.web.settings import WebSettings
from samples import DETAIL, REJECTION  # noqa: F401 (the tests import them from here)

CHROMIUM = Path(os.environ.get("AFTERWORD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
NOW = dt.datetime(2026, 3, 16, 10, 30).astimezone()
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class _Server(uvicorn.Server):
    """uvicorn that says when it is listening, so the tests wait for that and nothing else."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets=None) -> None:
        await super().startup(sockets=sockets)
        self.ready.set()


class LiveServer:
    """The app served on a free loopback port; `url` is its address."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        app = create_app(WebSettings(database_url=database_url, clock=lambda: NOW))
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        config = uvicorn.Config(app, log_level="warning", lifespan="on")
        self._server = _Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()
        if not self._server.ready.wait(timeout=30):
            raise RuntimeError("the web server did not start within 30 seconds")

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=30)
        self._socket.close()

    def tracker(self):
        from afterword.tracking import open_tracker

        return open_tracker(self.database_url)


def screenshot(page, name: str) -> Path:
    """Keep what the page looked like, full length, as a test artifact."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
