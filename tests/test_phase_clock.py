"""The phase clock: calls through its wrappers are counted to their phase, a nested phase's time
is its own alone, and what it does not time passes through untouched."""
from __future__ import annotations

import pytest

from bot.phase_clock import PhaseClock


class Ticks:
    """A clock that moves only when told to."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Remote:
    label = "origin"

    def __init__(self, ticks: Ticks):
        self.ticks = ticks

    def fetch(self, seconds: float) -> str:
        self.ticks.advance(seconds)
        return "fetched"

    def worktree(self) -> str:
        self.ticks.advance(5.0)
        return "tree"

    def fail(self) -> None:
        self.ticks.advance(0.5)
        raise RuntimeError("remote hung up")


def test_calls_add_up_per_phase_and_a_nested_phase_is_not_counted_twice():
    ticks = Ticks()
    clock = PhaseClock(ticks)

    def resolve(refs: list[str]) -> int:
        ticks.advance(2.0)
        return len(refs)

    timed_resolve = clock.timed(resolve, "resolve")

    def scan() -> int:
        ticks.advance(1.0)
        found = timed_resolve(["a", "b"])
        ticks.advance(0.25)
        return found

    assert clock.timed(scan, "scan")() == 2
    assert clock.timed(scan, "scan")() == 2
    assert clock.seconds() == {"scan": 2.5, "resolve": 4.0}


def test_methods_are_timed_by_name_and_the_rest_passes_through():
    ticks = Ticks()
    clock = PhaseClock(ticks)
    remote = clock.timed_methods(Remote(ticks), {"fetch": "git", "fail": "git"}.get)
    assert remote.fetch(1.5) == "fetched" and remote.worktree() == "tree" and remote.label == "origin"
    with pytest.raises(RuntimeError, match="remote hung up"):
        remote.fail()
    assert clock.seconds() == {"git": 2.0}  # worktree names no phase: not counted


def test_a_clock_nothing_went_through_is_empty():
    assert PhaseClock().seconds() == {}
