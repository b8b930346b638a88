"""Today's figures, reused by one worker for a moment while many people load the page.

Every figure on Today is computed from the whole history (due dates, a 12-week timeline,
theme counts), which costs far more than drawing the page. A worker keeps each owner's
figures for at most TTL seconds and drops them as soon as that owner changes anything
through it; the database stays the only state, so any worker can still answer any request,
and a change made elsewhere (another worker, the command line) shows within TTL seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

TTL = 2.0


class Snapshots:
    """Computed values per owner, each for one key (such as the minute) and TTL seconds.

    When a value runs out while one request is already computing the next, the others
    keep showing the one that ran out instead of all computing it at once.
    """

    def __init__(self, ttl: float = TTL, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self._clock = clock
        self._held: dict[str, tuple[float, Hashable, Any]] = {}
        self._computing: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, owner: str, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            held = self._held.get(owner)
            computing = self._computing.setdefault(owner, threading.Lock())
        fresh = held is not None and held[1] == key
        if fresh and held[0] > self._clock():
            return held[2]
        if fresh and not computing.acquire(blocking=False):
            return held[2]  # someone is refreshing it right now
        if not fresh:
            computing.acquire()
        try:
            with self._lock:
                latest = self._held.get(owner)
            if latest is not None and latest[1] == key and latest[0] > self._clock():
                return latest[2]  # computed while this request waited
            value = compute()
            with self._lock:
                self._held[owner] = (self._clock() + self.ttl, key, value)
            return value
        finally:
            computing.release()

    def forget(self, owner: str) -> None:
        with self._lock:
            self._held.pop(owner, None)
