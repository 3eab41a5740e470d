"""Calls about many registries on one bounded pool, shared fairly between hosts.

A plain pool hands workers out in input order, so a host that holds every call (silent, or
dripping a byte a second) took every worker while the other hosts' images waited behind it
for the deadline. Here a host's first call runs alone: until it has answered, the client
learns the host's challenge once, and a dead host is known dead at the price of one call and
one worker. After that each free worker goes to the host with the fewest calls running (the
first named on a tie), so no host keeps the others from being asked while it holds its calls.
Results come back in input order, whatever order the calls finish in.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from typing import TypeVar

_T = TypeVar("_T", bound=Hashable)
_R = TypeVar("_R")


def map_by_host(pool: Executor, workers: int, call: Callable[[_T], _R], items: Iterable[_T],
                host_of: Callable[[_T], str]) -> dict[_T, _R]:
    """`call` on each distinct item, at most `workers` at once on `pool`; `call` must not raise."""
    distinct = list(dict.fromkeys(items))
    waiting: dict[str, deque[_T]] = {}
    for item in distinct:
        waiting.setdefault(host_of(item), deque()).append(item)
    running = dict.fromkeys(waiting, 0)
    answered: set[str] = set()
    calls: dict[Future[_R], tuple[str, _T]] = {}
    results: dict[_T, _R] = {}
    while waiting or calls:
        while len(calls) < max(1, workers) and (host := _next_host(waiting, running, answered)) is not None:
            item = waiting[host].popleft()
            if not waiting[host]:
                del waiting[host]
            running[host] += 1
            calls[pool.submit(call, item)] = (host, item)
        done, _ = wait(calls, return_when=FIRST_COMPLETED)
        for future in done:
            host, item = calls.pop(future)
            running[host] -= 1
            answered.add(host)
            results[item] = future.result()
    return {item: results[item] for item in distinct}


def _next_host(waiting: dict[str, deque], running: dict[str, int], answered: set[str]) -> str | None:
    """The host the next free worker goes to; None while every waiting host's first call is out."""
    ready = [host for host in waiting if host in answered or running[host] == 0]
    return min(ready, key=running.__getitem__, default=None)
