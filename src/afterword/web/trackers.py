"""One open tracker per owner, opened on first use and shared by that owner's requests.

Opening migrates the database, so it happens once per owner and process, not per request.
The pool holds no user state of its own: every answer comes from the database, so any
worker (or any instance behind a load balancer) can serve any request.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from fastapi import Request

from afterword.review import ReviewConfig
from afterword.review.config import DEFAULT_CONFIG

if TYPE_CHECKING:
    from afterword.tracking import Tracker


class TrackerPool:
    """Trackers by owner for one database URL, all sharing one engine and its connections."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self._database = None
        self._open: dict[str, Tracker] = {}
        self._lock = threading.Lock()

    def get(self, owner: str) -> Tracker:
        tracker = self._open.get(owner)
        if tracker is not None:
            return tracker
        with self._lock:
            tracker = self._open.get(owner)
            if tracker is None:
                tracker = self._open[owner] = self._new(owner)
        return tracker

    def _new(self, owner: str) -> Tracker:
        # One engine for every owner: a career office's hundred users must not each hold a
        # connection pool of their own on the PostgreSQL server.
        from afterword.tracker.database import open_database
        from afterword.tracker.intake import required
        from afterword.tracker.service import Tracker
        from afterword.tracking import default_database_url

        if self._database is None:
            self._database = open_database(self.url or default_database_url())
        return Tracker(self._database, required(owner, "owner", 200))

    def close(self) -> None:
        with self._lock:
            if self._database is not None:
                self._database.engine.dispose()
            self._database = None
            self._open.clear()


def tracker_for(request: Request) -> Tracker:
    """The signed-in owner's tracker (a FastAPI dependency)."""
    return request.app.state.trackers.get(request.state.owner)


def review_config(request: Request) -> ReviewConfig:
    """The owner's review settings: the rules they switched off in Settings."""
    profile = profile_of(request)
    # An unreadable database must not stop the reviewer: review with every rule on.
    disabled = profile.disabled_rules if profile is not None else ()
    return ReviewConfig(disabled=frozenset(disabled)) if disabled else DEFAULT_CONFIG


_UNREAD = object()


def profile_of(request: Request):
    """The owner's profile, read once per request, or None when the database cannot be read.

    No request that asks for it changes the profile afterwards, so one read serves it all.
    """
    from afterword.tracking import TrackerError

    found = getattr(request.state, "profile", _UNREAD)
    if found is _UNREAD:
        try:
            found = tracker_for(request).profile()
        except TrackerError:
            found = None
        request.state.profile = found
    return found
