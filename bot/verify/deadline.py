"""Verify's time: one deadline for the run and one for each file, which every build and probe
the file makes is cut to.

Why: a file that makes each build slow (a `RUN sleep` below the lines hardenbot edits) would
otherwise cost its builds times the per-build limit: the search for the edits to blame
rebuilds it once or more per rule, 13 builds of one file took 98 s under an 8 s limit.
"""
from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from bot.errors import HardenbotError
from bot.record import record


class OutOfTime(HardenbotError):
    """The deadline came before the work was done."""


@record
class Deadline:
    at: float  # on `clock`
    setting: str  # which one, for messages: "verify.deadline, 1800 s"
    clock: Callable[[], float] = monotonic

    @classmethod
    def after(cls, seconds: float, key: str, clock: Callable[[], float] = monotonic) -> Deadline:
        return cls(clock() + seconds, f"verify.{key}, {seconds:g} s", clock)

    def remaining(self) -> float:
        return self.at - self.clock()

    def sooner(self, other: Deadline) -> Deadline:
        return self if self.at <= other.at else other

    def left(self, limit: float) -> float:
        """`limit`, cut to the time left; OutOfTime when none is."""
        seconds = self.remaining()
        if seconds <= 0:
            raise OutOfTime(f"the verify deadline ({self.setting}) was reached")
        return min(limit, seconds)
