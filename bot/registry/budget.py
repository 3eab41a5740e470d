"""One deadline for the registry phase of a run, and the hosts that failed in it.

Per-request timeouts bound each read, not a run: a registry that never answers cost its
timeout once per image, one after another, and one that drips a byte a second never trips a
read timeout at all. So a run has one deadline, counted from its first registry request;
a request waits at most until then, and none starts after it. A host that timed out (or could
not be reached after the retries) is not asked again in the run: its other images are
reported at once.
"""
from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from bot.registry.errors import NotResolvedError

RUN_DEADLINE = 60.0  # seconds the registry phase of a run may take, however slowly a host drips
MAX_DEADLINE = 3600.0


def parse_deadline(text: str, where: str) -> float:
    """Seconds from `--registry-deadline` or the action's `registry-deadline` input."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= MAX_DEADLINE:  # NaN fails this too
        raise ValueError(f"{where} must be a number of seconds above 0 and at most {MAX_DEADLINE:g}, not {text!r}")
    return seconds


class RunBudget:
    """Thread-safe: every lookup of a run shares one."""

    def __init__(self, seconds: float = RUN_DEADLINE, clock: Callable[[], float] = time.monotonic):
        self.seconds = seconds
        self._clock = clock
        self._ends_at: float | None = None
        self._failed: dict[str, str] = {}  # host → what happened to it ("timed out" …)
        self._lock = threading.Lock()

    def admit(self, host: str) -> None:
        """Before a request to `host`: NotResolvedError when the deadline passed or the host
        failed earlier in the run. The first request starts the clock."""
        with self._lock:
            if self._ends_at is None:
                self._ends_at = self._clock() + self.seconds
            failed = self._failed.get(host)
        if self.remaining() <= 0:
            raise self.passed()
        if failed is not None:
            raise NotResolvedError(f"not resolved: host {host} {failed} earlier in this run")

    def remaining(self) -> float:
        """Seconds left before the deadline (the whole budget before the first request)."""
        with self._lock:
            ends_at = self._ends_at
        return self.seconds if ends_at is None else max(0.0, ends_at - self._clock())

    def allows(self, pause: float) -> bool:
        """Whether waiting `pause` seconds (before a retry) still leaves time to ask again."""
        return pause < self.remaining()

    def passed(self, waiting_for: str = "") -> NotResolvedError:
        return NotResolvedError(f"not resolved: registry phase deadline ({self.seconds:g} s) passed"
                                + (f" while waiting for {waiting_for}" if waiting_for else ""))

    def fail(self, host: str, what: str) -> None:
        """`host` is not asked again in this run; `what` says why ("timed out")."""
        with self._lock:
            self._failed.setdefault(host, what)
