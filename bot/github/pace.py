"""Spacing GitHub calls out under the secondary rate limit: 900 points a minute for REST, a
GET costing 1 point and a write 5 (GitHub's documented weights)."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

POINTS_PER_MINUTE = 800  # under GitHub's 900: the plan's calls and a run's other calls share it
WRITE_POINTS = 5  # a POST, PATCH, PUT or DELETE


class Pace:
    """Calls start at least `60 / points_per_minute` seconds apart for each point they cost,
    whichever thread makes them."""

    def __init__(self, points_per_minute: float | None, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self._interval = 60.0 / points_per_minute if points_per_minute else 0.0
        self._clock, self._sleep = clock, sleep
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self, points: int = 1) -> None:
        if not self._interval:
            return
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self._interval * points
        if start > now:
            self._sleep(start - now)
