"""Work over many items on every core, results in the items' order, as one process gives them.

Workers are forked: they inherit the work function and the items (nothing is pickled on the
way in, so a closure over a rule set is fine); only results travel back. Items go out in
chunks in their order and come back into their places, so the output is the one-process
output whatever finishes first. A worker that dies (killed, out of memory, a crash in C) is
never a lost result nor a hang: the items it may have held are run again one at a time in a
fresh single worker, and the one that kills it again becomes `died(item, why)`. Where fork is
not available, or other threads run, everything runs in this process.
"""
from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

Item = TypeVar("Item")
Result = TypeVar("Result")

# Chunks per worker: enough that a slow chunk at the end leaves the others little to wait
# for, few enough that sending results back stays cheap.
CHUNKS_PER_WORKER = 8
MAX_CHUNK = 64
DIED = "the process checking it stopped before finishing (killed or crashed): not checked"

# What a forked worker runs, installed by `_install` before it takes its first chunk.
_work: Callable | None = None
_items: Sequence | None = None


def cores() -> int:
    """The processors this process may run on: its affinity, not the machine's count, and no
    more than its container's CPU quota (`docker run --cpus 2` on a 64-core host leaves all 64
    in the affinity: 64 workers would share 2 processors' time and multiply the memory)."""
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = os.cpu_count() or 1
    quota = _cgroup_quota()
    return max(1, min(usable, quota) if quota else usable)


CGROUP_QUOTA_FILES = (("/sys/fs/cgroup/cpu.max", None),
                      ("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "/sys/fs/cgroup/cpu/cpu.cfs_period_us"))


def _cgroup_quota() -> int | None:
    """The processors the cgroup's CPU quota amounts to, rounded up; None without one
    (cgroup v2 `cpu.max`, else v1 `cpu.cfs_quota_us` / `cpu.cfs_period_us`)."""
    for quota_file, period_file in CGROUP_QUOTA_FILES:
        try:
            with open(quota_file) as handle:
                words = handle.read().split()
            if period_file is not None:
                with open(period_file) as handle:
                    words += handle.read().split()
            quota, period = int(words[0]), int(words[1])
        except (OSError, ValueError, IndexError):
            continue  # "max": no quota; a missing file: not this cgroup version
        if quota > 0 and period > 0:
            return -(-quota // period)
    return None


def can_fork() -> bool:
    """Linux (elsewhere fork is missing, Windows, or unsafe with system frameworks, macOS), from a
    process with one thread: a fork copies locks another thread may hold (the import lock, a
    logging handler's), and a worker that needs one would wait for ever."""
    return sys.platform == "linux" and threading.active_count() == 1


def ordered_map(work: Callable[[Item], Result], items: Sequence[Item], jobs: int,
                died: Callable[[Item, str], Result]) -> list[Result]:
    """[work(item) for item in items], on `jobs` processes when more than one is asked and
    fork is available. An exception `work` raises is raised here, as in one process."""
    if jobs <= 1 or len(items) <= 1 or not can_fork():
        return _in_this_process(work, items)
    results: dict[int, Result] = {}
    unfinished = _run_chunks(work, items, jobs, results)
    if unfinished:
        _run_alone(work, items, unfinished, results, died)
    return [results[index] for index in range(len(items))]


def _in_this_process(work: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    # What exists before the work (modules, rules, the run's facts) lives until it ends: out of
    # the collector's sight, each full collection walks only what the work made.
    gc.freeze()
    try:
        return [work(item) for item in items]
    finally:
        gc.unfreeze()


def _chunks(count: int, jobs: int) -> list[range]:
    size = max(1, min(MAX_CHUNK, -(-count // (jobs * CHUNKS_PER_WORKER))))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _executor(work: Callable, items: Sequence, workers: int) -> ProcessPoolExecutor:
    import multiprocessing  # with its pool, only when a run uses one: a small run starts faster
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, multiprocessing.get_context("fork"), initializer=_install,
                               initargs=(work, items))


def _run_chunks(work: Callable, items: Sequence, jobs: int, results: dict[int, Result]) -> list[int]:
    """Every chunk on the pool; the indexes of the chunks that were not finished when a
    worker died (all of them are run again: which one killed it is not known)."""
    from concurrent.futures.process import BrokenProcessPool

    chunks = _chunks(len(items), jobs)
    unfinished: list[int] = []
    # What exists before the fork is moved out of the collector's sight: a worker's collections
    # then never touch (and so copy) the pages it shares with this process.
    gc.freeze()
    try:
        with _executor(work, items, min(jobs, len(chunks))) as pool:
            futures: list[tuple[range, Future]] = [(chunk, pool.submit(_run_chunk, chunk.start, chunk.stop))
                                                   for chunk in chunks]
            for chunk, future in futures:
                try:
                    done = future.result()
                except BrokenProcessPool:
                    unfinished.extend(chunk)
                    continue
                for index, result in zip(chunk, done, strict=False):
                    if isinstance(result, _Raised):
                        raise result.error()
                    results[index] = result
    finally:
        gc.unfreeze()
    return unfinished


def _run_alone(work: Callable, items: Sequence, indexes: list[int], results: dict[int, Result],
               died: Callable[[Item, str], Result]) -> None:
    """Each item in turn on a single worker: a death now is that item's, and the next item
    gets a fresh worker."""
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    try:
        for index in indexes:
            pool = pool or _executor(work, items, 1)
            try:
                [result] = pool.submit(_run_chunk, index, index + 1).result()
            except BrokenProcessPool:
                results[index] = died(items[index], DIED)
                pool.shutdown()
                pool = None
                continue
            if isinstance(result, _Raised):
                raise result.error()
            results[index] = result
    finally:
        if pool is not None:
            pool.shutdown()


def _install(work: Callable, items: Sequence) -> None:
    global _work, _items
    _work, _items = work, items


def _run_chunk(start: int, stop: int) -> list:
    assert _work is not None and _items is not None
    done: list = []
    for index in range(start, stop):
        try:
            done.append(_work(_items[index]))
        except Exception as error:  # raised in the parent, in the items' order, as one process would
            done.append(_Raised.of(error))
            break
    return done


@dataclass(frozen=True)
class _Raised:
    """An exception a worker's item raised, carried back whole: pickle rebuilds an exception by
    calling its class with its message alone, which fails for one whose constructor takes
    more (DockerfileSyntaxError's path, line and reason), and would break the pool."""

    kind: type[Exception]
    args: tuple
    state: dict
    trace: str

    @classmethod
    def of(cls, error: Exception) -> _Raised:
        import pickle
        import traceback

        trace = "".join(traceback.format_exception(error))
        raised = cls(type(error), error.args, dict(vars(error)), trace)
        try:
            pickle.dumps(raised)
        except Exception:  # a class or value pickle cannot name: its text, in a RuntimeError
            raised = cls(RuntimeError, (f"{type(error).__name__}: {error}",), {}, trace)
        return raised

    def error(self) -> Exception:
        error = self.kind.__new__(self.kind)
        error.args = self.args
        vars(error).update(self.state)
        error.add_note(f"raised in a worker process:\n{self.trace}")
        return error
