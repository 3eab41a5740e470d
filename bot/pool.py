"""Work over many items on every core, results in the items' order, as one process gives them.

Workers are forked: they inherit the work function and the items (nothing is pickled on the
way in, so a closure over a rule set is fine); only results travel back, pickled, each chunk's
in one frame on the worker's own pipe. Items go out in chunks in their order, two at a time to
each worker (one to work on, one waiting, so that it never waits for the parent) and come back
into their places, so the output is the one-process output whatever finishes first. A worker
that dies (killed, out of memory, a crash in C) is never a lost result nor a hang: the chunks it
held are run again one item at a time in a fresh single worker, and the item that kills it
again becomes `died(item, why)`. Where fork is not available, or other threads run, everything
runs in this process.

`surveyed_map` works in two passes: each worker first surveys its own block of the items (a
Dockerfile parsed for what the others need to know of it), this process settles what the
surveys say together, and every worker then works on the items knowing it, its own block's
chunks first, so that what it kept of its survey (the parses) serves its work.

The pool is a few pipes and `os.fork`, not `concurrent.futures`: loading multiprocessing cost
a run 25 ms before its first worker started, and its feeder and manager threads, queues and
futures, about as much again, for results that only ever go back to the process that forked.
"""
from __future__ import annotations

import gc
import os
import signal
import struct
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import field
from typing import TypeVar

from bot.record import record

Item = TypeVar("Item")
Result = TypeVar("Result")
Survey = TypeVar("Survey")
Settled = TypeVar("Settled")

# Chunks per worker: small enough that the chunk a worker still holds at the end leaves the
# others little to wait for, large enough that a chunk's frame costs little beside its work.
CHUNKS_PER_WORKER = 32
MAX_CHUNK = 64
HELD = 2  # chunks a worker holds: the one it works on and the next
DIED = "the process checking it stopped before finishing (killed or crashed): not checked"
_BOUNDS = struct.Struct("=qq")  # a chunk's start and stop, parent to worker
_LENGTH = struct.Struct("=q")  # a frame's length, worker to parent
_PIPE_SIZE = 1 << 20  # a chunk's answers in one pipe's room (Linux allows 1 MiB unprivileged)
_F_SETPIPE_SZ = 1031


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
    results: dict[int, Result | _Raised] = {}
    _, unfinished = _run_chunks(work, items, jobs, results)
    _raise_the_first(results)
    if unfinished:
        _run_alone(work, items, unfinished, results, died)
    return [results[index] for index in range(len(items))]  # no _Raised is left: the first was raised


def surveyed_map(survey: Callable[[Item], Survey], settle: Callable[[list[Survey]], Settled],
                 work_knowing: Callable[[Settled], Callable[[Item], Result]], items: Sequence[Item], jobs: int,
                 died: Callable[[Item, str], Result]) -> tuple[Settled, list[Result]]:
    """(settled, [work(item) for item in items]) where settled = settle([survey(item) for item
    in items]) and work = work_knowing(settled), as `ordered_map` does it: on `jobs` processes,
    each surveying its own block of the items, then working on that block first. `settled` is
    pickled to the workers: keep it small. An exception `survey` or `work` raises is raised
    here; a worker that dies while surveying has its block surveyed here, as one process would."""
    if jobs <= 1 or len(items) <= 1 or not can_fork():
        settled = settle(_in_this_process(survey, items))
        return settled, _in_this_process(work_knowing(settled), items)
    results: dict[int, Result | _Raised] = {}
    settled, unfinished = _run_chunks(None, items, jobs, results, (survey, settle, work_knowing))
    _raise_the_first(results)
    if unfinished:
        _run_alone(work_knowing(settled), items, unfinished, results, died)
    return settled, [results[index] for index in range(len(items))]


# The collector's thresholds while the items are worked on. With Python's (700, 10, 10) it
# walks each item's objects (a file's parse, its findings) again and again while they are in
# use, for almost no garbage: what the work makes is freed by reference counts (a fix run of
# the 1,000-file tree leaves under 500 objects in cycles). The youngest generation every 10,000
# new objects and the older ones rarely: the same objects freed, 5 % less CPU on that tree.
WORK_GC_THRESHOLDS = (10_000, 50, 100)


def _in_this_process(work: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    # What exists before the work (modules, rules, the run's facts) lives until it ends: out of
    # the collector's sight, each full collection walks only what the work made.
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(*WORK_GC_THRESHOLDS)
    try:
        return [work(item) for item in items]
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _chunks(count: int, jobs: int) -> list[range]:
    size = max(1, min(MAX_CHUNK, -(-count // (jobs * CHUNKS_PER_WORKER))))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


class _Deal:
    """Which chunk each worker gets next: from its own block (a run of whole chunks, in order),
    then, once that is done, from the end of the block that has the most left, whose owner
    gets there last. With one block for all, the chunks go out in order to whoever asks."""

    def __init__(self, blocks: list[deque[range]]):
        self.blocks = blocks

    @classmethod
    def in_blocks(cls, chunks: list[range], jobs: int) -> _Deal:
        per_block = -(-len(chunks) // jobs)
        return cls([deque(chunks[start:start + per_block]) for start in range(0, len(chunks), per_block)])

    def span(self, block: int) -> range:
        """The items of a block, for its survey."""
        chunks = self.blocks[block]
        return range(chunks[0].start, chunks[-1].stop)

    def next(self, block: int) -> range | None:
        own = self.blocks[block % len(self.blocks)]
        if own:
            return own.popleft()
        most = max(self.blocks, key=len)
        return most.pop() if most else None

    def __bool__(self) -> bool:
        return any(self.blocks)

    def left(self) -> list[int]:
        return [index for block in self.blocks for chunk in block for index in chunk]


def _raise_the_first(results: dict[int, Result | _Raised]) -> None:
    """The exception of the first item (in the items' order) that raised one, if any did."""
    raised = [(index, result) for index, result in results.items() if isinstance(result, _Raised)]
    if raised:
        raise min(raised, key=lambda pair: pair[0])[1].error()


@record(mutable=True)
class _Worker:
    """A forked worker, from the parent's side: the pipe chunks go out on, the one their
    answers come back on, and the chunks sent whose answers have not come back."""
    pid: int
    tasks: int
    answers: int
    block: int = 0  # the block of the items it surveys and is dealt first
    held: deque[range] = field(default_factory=deque)
    running: bool = True  # False once told there is no more (its pipes closed here)

    @classmethod
    def start(cls, work: Callable, items: Sequence, others: Sequence[_Worker], block: int = 0,
              surveying: tuple[Callable, Callable, range] | None = None) -> _Worker:
        """A worker for `work`, or, `surveying` (survey, work_knowing, its block), one that
        first surveys its block and then works knowing what this process settles."""
        task_read, task_write = os.pipe()
        answer_read, answer_write = os.pipe()
        try:
            import fcntl

            fcntl.fcntl(answer_write, _F_SETPIPE_SZ, _PIPE_SIZE)
        except (ImportError, OSError):
            pass  # a smaller pipe: the worker waits for the parent to read, that is all
        pid = os.fork()
        if pid == 0:
            status = 1
            try:  # in the worker: never back into the caller's code, never its buffers flushed again
                for descriptor in (task_write, answer_read, *(d for o in others if o.running for d in (o.tasks, o.answers))):
                    os.close(descriptor)
                _serve(work, items, task_read, answer_write, surveying)
                status = 0
            finally:
                os._exit(status)
        os.close(task_read)
        os.close(answer_write)
        return cls(pid, task_write, answer_read, block)

    def tell(self, frame: bytes) -> bool:
        """What this process settled, to a worker that surveyed; False when it died meanwhile."""
        try:
            _write_all(self.tasks, _LENGTH.pack(len(frame)) + frame)
        except OSError:
            return False
        return True

    def send(self, chunk: range) -> None:
        """Hand the worker a chunk; one that died meanwhile keeps it as held (and lost)."""
        self.held.append(chunk)
        try:
            os.write(self.tasks, _BOUNDS.pack(chunk.start, chunk.stop))
        except OSError:
            pass  # its end of the pipe is gone: its death is seen when its answers end

    def frame(self) -> bytes | None:
        """The pickled answers to the oldest chunk held, None when the worker died first."""
        header = _read_exactly(self.answers, _LENGTH.size)
        return None if header is None else _read_exactly(self.answers, _LENGTH.unpack(header)[0])

    def finish(self) -> None:
        """No more chunks: the worker exits when it reads the end of its tasks."""
        if self.running:
            os.close(self.tasks)
            os.close(self.answers)
            self.running = False

    def reap(self, kill: bool) -> None:
        self.finish()
        if kill:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _read_exactly(descriptor: int, size: int) -> bytes | None:
    """`size` bytes from the pipe, None when it ends first."""
    parts, left = [], size
    while left:
        part = os.read(descriptor, left)
        if not part:
            return None
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _serve(work: Callable, items: Sequence, tasks: int, answers: int,
           surveying: tuple[Callable, Callable, range] | None = None) -> None:
    """In a worker: survey its block first when asked to, and learn what the parent settled;
    then run each chunk the parent sends and send its answers back, until the parent sends no
    more."""
    gc.set_threshold(*WORK_GC_THRESHOLDS)  # a worker only works on items (see _in_this_process)
    with os.fdopen(tasks, "rb") as incoming:
        if surveying is not None:
            import pickle

            survey, work_knowing, block = surveying
            _answer(answers, _run_chunk(survey, items, block.start, block.stop))
            header = incoming.read(_LENGTH.size)
            if len(header) < _LENGTH.size:
                return  # the parent stopped the run (a survey raised)
            work = work_knowing(pickle.loads(incoming.read(_LENGTH.unpack(header)[0])))
        while len(bounds := incoming.read(_BOUNDS.size)) == _BOUNDS.size:
            start, stop = _BOUNDS.unpack(bounds)
            _answer(answers, _run_chunk(work, items, start, stop))


def _answer(answers: int, done: list) -> None:
    """A chunk's answers to the parent, in one frame."""
    import pickle

    try:
        frame = pickle.dumps(done, pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # an answer pickle cannot carry: raised in the parent
        frame = pickle.dumps([_Raised.of(error)], pickle.HIGHEST_PROTOCOL)
    # Its length and itself in one write: the parent, woken by the length, then reads the
    # frame whole rather than a page at a time as a second write fills the pipe.
    _write_all(answers, _LENGTH.pack(len(frame)) + frame)


def _write_all(descriptor: int, data: bytes) -> None:
    unsent = memoryview(data)
    while unsent:
        unsent = unsent[os.write(descriptor, unsent):]


def _run_chunks(work: Callable | None, items: Sequence, jobs: int, results: dict[int, Result],
                surveyed: tuple[Callable, Callable, Callable] | None = None) -> tuple[object, list[int]]:
    """Every chunk on the pool, after the survey when `surveyed` is (survey, settle,
    work_knowing): what was settled (None without a survey), and the indexes of the chunks a
    worker held when it died, and of those none was left to take (all are run again alone:
    which item killed it is not known)."""
    import pickle  # before the fork: each worker would load it again (10-20 ms) for its answers
    import select

    chunks = _chunks(len(items), jobs)
    deal = _Deal.in_blocks(chunks, jobs) if surveyed is not None else _Deal([deque(chunks)])
    spans = [deal.span(block) for block in range(len(deal.blocks))]
    workers: list[_Worker] = []
    unfinished: list[int] = []
    settled = None
    # What exists before the fork is moved out of the collector's sight: a worker's collections
    # then never touch (and so copy) the pages it shares with this process.
    gc.freeze()
    ended = False
    try:
        for block in range(len(spans) if surveyed is not None else min(jobs, len(chunks))):
            surveying = (surveyed[0], surveyed[2], spans[block]) if surveyed is not None else None
            workers.append(_Worker.start(work, items, workers, block, surveying))
        working = workers
        if surveyed is not None:
            settled, working = _settle(workers, items, spans, surveyed[0], surveyed[1])
        for worker in working:
            while len(worker.held) < HELD and (chunk := deal.next(worker.block)) is not None:
                worker.send(chunk)
        listening = {worker.answers: worker for worker in working if worker.held}
        for worker in working:
            if not worker.held:
                worker.finish()
        poller = select.poll()
        for descriptor in listening:
            poller.register(descriptor, select.POLLIN)
        while listening:
            for descriptor, _ in poller.poll():
                worker = listening[descriptor]
                frame = worker.frame()
                chunk = worker.held.popleft()
                if frame is None:  # it died: what it held is run again alone
                    unfinished.extend(chunk)
                    unfinished.extend(index for held in worker.held for index in held)
                    worker.held.clear()
                else:
                    following = deal.next(worker.block)
                    if following is not None:
                        worker.send(following)  # first: it goes on while its answers are unpickled here
                    results.update(zip(chunk, pickle.loads(frame), strict=False))  # a chunk stops at its first exception
                if not worker.held:
                    poller.unregister(descriptor)
                    del listening[descriptor]
                    worker.finish()
        unfinished.extend(deal.left())  # every worker died
        ended = True
    finally:
        for worker in workers:
            worker.reap(kill=not ended)
        gc.unfreeze()
    return settled, sorted(unfinished)


def _settle(workers: list[_Worker], items: Sequence, spans: list[range], survey: Callable,
            settle: Callable) -> tuple[object, list[_Worker]]:
    """Each worker's survey of its block (this process surveys the block of one that died
    first), settled here and told to every worker still there: (what was settled, those
    workers). The first exception a survey raised, in the items' order, is raised."""
    import pickle

    surveys: dict[int, object] = {}
    for worker in workers:
        span = spans[worker.block]
        frame = worker.frame()
        if frame is None:  # it died surveying: its block is surveyed here, as in one process
            worker.finish()
            surveys.update(zip(span, _run_chunk(survey, items, span.start, span.stop), strict=False))
        else:
            surveys.update(zip(span, pickle.loads(frame), strict=False))
    _raise_the_first(surveys)
    settled = settle([surveys[index] for index in range(len(items))])
    told = pickle.dumps(settled, pickle.HIGHEST_PROTOCOL)
    working = []
    for worker in workers:
        if worker.running and worker.tell(told):
            working.append(worker)
        else:
            worker.finish()
    return settled, working


def _run_alone(work: Callable, items: Sequence, indexes: list[int], results: dict[int, Result],
               died: Callable[[Item, str], Result]) -> None:
    """Each item in turn on a single worker: a death now is that item's, and the next item
    gets a fresh worker."""
    import pickle

    worker = None
    ended = False
    try:
        for index in indexes:
            worker = worker or _Worker.start(work, items, ())
            worker.send(range(index, index + 1))
            frame = worker.frame()
            worker.held.clear()
            if frame is None:
                results[index] = died(items[index], DIED)
                worker.reap(kill=True)
                worker = None
                continue
            [result] = pickle.loads(frame)
            if isinstance(result, _Raised):
                raise result.error()
            results[index] = result
        ended = True
    finally:
        if worker is not None:
            worker.reap(kill=not ended)


def _run_chunk(work: Callable, items: Sequence, start: int, stop: int) -> list:
    done: list = []
    for index in range(start, stop):
        try:
            done.append(work(items[index]))
        except Exception as error:  # raised in the parent, in the items' order, as one process would
            done.append(_Raised.of(error))
            break
    return done


@record
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
