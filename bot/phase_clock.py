"""Seconds a run spends in each of its phases (git, scan, resolve, api …), counted by wrapping
the collaborators the run calls rather than by timing code inside it: the run's own code keeps
to decisions and effects, and no call to a wrapped collaborator escapes the count.

Phases nest exclusively: while a call in one phase makes a call in another (the scan asking the
resolver for digests), that time is the inner phase's alone, so no second counted twice. The
clock keeps one stack of running phases: wrap what a single thread calls."""
from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar, cast

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


class PhaseClock:
    def __init__(self, now: Callable[[], float] = time.perf_counter):
        self._now = now
        self._seconds: dict[str, float] = {}
        self._running: list[tuple[str, float]] = []  # (phase, counting since), innermost last

    def timed(self, call: Callable[P, R], phase: str) -> Callable[P, R]:
        """`call`, each call's time counted to `phase`."""
        @functools.wraps(call)
        def timed_call(*args: P.args, **kwargs: P.kwargs) -> R:
            self._enter(phase)
            try:
                return call(*args, **kwargs)
            finally:
                self._leave()
        return timed_call

    def timed_methods(self, target: T, phase_of: Callable[[str], str | None]) -> T:
        """`target` behind a proxy that counts each method call to the phase `phase_of` names
        for that method; methods it names no phase for, and plain attributes, pass through."""
        return cast(T, _TimedProxy(target, phase_of, self))

    def seconds(self) -> dict[str, float]:
        """Seconds per phase, for the phases entered so far."""
        return dict(self._seconds)

    def _enter(self, phase: str) -> None:
        now = self._now()
        if self._running:
            self._count_innermost(now)
        self._running.append((phase, now))

    def _leave(self) -> None:
        now = self._now()
        self._count_innermost(now)
        self._running.pop()
        if self._running:
            outer, _ = self._running[-1]
            self._running[-1] = (outer, now)  # the outer phase resumes; its pause was the inner one's

    def _count_innermost(self, now: float) -> None:
        phase, since = self._running[-1]
        self._seconds[phase] = self._seconds.get(phase, 0.0) + now - since
        self._running[-1] = (phase, now)


class _TimedProxy:
    __slots__ = ("_target", "_phase_of", "_clock")

    def __init__(self, target: object, phase_of: Callable[[str], str | None], clock: PhaseClock):
        self._target, self._phase_of, self._clock = target, phase_of, clock

    def __getattr__(self, name: str) -> object:
        value = getattr(self._target, name)
        phase = self._phase_of(name)
        if phase is None or not callable(value):
            return value
        return self._clock.timed(value, phase)
