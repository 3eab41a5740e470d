"""Proving a run's edits: every changed Dockerfile is built as it was and as hardened, both
images are inspected and started (`start.py`: the image's own command, with the original's
and the hardened image's containers started together), and when the hardened one does not
build (or its container does not start) while the original does, the edits to blame are found
and dropped. An original whose container does not start holds the hardened one to nothing more
than building.

The search for the edits to blame rebuilds the file without one rule's edits at a time,
cheapest first (the rule whose first edit comes latest: the builder's cache covers everything
above it), then, when no single rule explains the failure, drops rules one after another and
puts back each one that was not needed. Dropping every rule gives the original back, which is
known to build, so the search always ends with a file that builds.

Every build and probe is cut to the file's deadline and the run's (`deadline.py`). When time
runs out before the search has shown which edits are to blame, the edits not shown to be
harmless are dropped too, as not proven in time: a wrong edit in a pull request costs more
than a missed one. When it runs out before the original was built, nothing was proven either
way and the edits are kept, unproven, as for a file beyond verify-max-images.

After the run, the build cache records the run's builds added are removed (those the engine
held before it are left alone): a RUN that writes a gigabyte would otherwise leave it behind.
"""
from __future__ import annotations

import posixpath
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import field, replace
from pathlib import Path
from time import monotonic
from typing import Protocol

from bot.errors import HardenbotError
from bot.model.findings import Finding, NewFile
from bot.model.images import ImageKey, Resolution
from bot.model.policies import Inventory
from bot.model.proof import Proof, ProofEvidence, Showing, VulnerabilityLookup
from bot.model.results import FileResult, Hardened, RunReport
from bot.model.verification import Build, BuildState, ImageFacts, StartCheck, StartState, Verdict, Verification
from bot.model.verify_settings import BuildPlan, StartSpec, VerifySettings
from bot.progress import Progress
from bot.record import record
from bot.sources.files import encode
from bot.verify.confine import OutOfRepository, check_confined, own_dockerignore
from bot.verify.deadline import Deadline, OutOfTime
from bot.verify.docker import PROBE_SECONDS, BuildResult, EngineUnavailable
from bot.verify.frontends import BuildRefused, admitted
from bot.verify.remote_sources import fetching_nothing
from bot.verify.start import StartRequest, start_spec

# The file's hardening again, without the named rules' edits.
Reharden = Callable[[str, frozenset[str]], Hardened]


class Engine(Protocol):
    def build(self, text: str, dockerfile: Path, context: Path, target: str | None, *, network: bool,
              timeout: float, ignore: bytes | None = None) -> BuildResult: ...

    def inspect(self, image_id: str, probe_seconds: float) -> ImageFacts: ...

    def remove(self, image_ids: list[str]) -> None: ...

    def cache_records(self) -> frozenset[str] | None: ...

    def prune_cache(self, record_ids: frozenset[str]) -> None: ...


@record(mutable=True)
class _FileBuilds:
    """One file's builds: what they made, to inspect and then remove."""
    engine: Engine
    settings: VerifySettings
    dockerfile: Path
    context: Path
    target: str | None
    deadline: Deadline
    ignore: bytes | None  # the file's own <name>.dockerignore
    context_ignore: str  # the context's .dockerignore, repository-relative: a fix may add it (HB064)
    admit: Callable[[str], str]  # the text to build, its frontend and sources checked (BuildRefused)
    start: StartSpec = field(default_factory=StartSpec)  # how its images are started (seconds filled in)
    images: list[str] = field(default_factory=list)
    count: int = 0
    _made: list[tuple[Build, str]] = field(default_factory=list)  # each build with its image's id
    _inventories: dict[str, Inventory] = field(default_factory=dict)  # image id → its packages

    def build(self, text: str, *, start: bool = True, created: tuple[NewFile, ...] = ()) -> Build:
        """The build of `text` and its image's facts, started unless not `start` (`started()`
        then), with the context's .dockerignore the fixes add, if they add it (handed to the
        engine as the Dockerfile's own, which BuildKit reads in its place: the context has
        none, or no fix would add one). OutOfTime when the deadline cut it short or left no time for it."""
        text = self.admit(text)
        limit = self.deadline.left(self.settings.timeout)
        self.count += 1
        ignore = next((encode(new.text) for new in created if new.path == self.context_ignore), self.ignore)
        result = self.engine.build(text, self.dockerfile, self.context, self.target,
                                   network=self.settings.network, timeout=limit, ignore=ignore)
        if result.image_id is not None:
            self.images.append(result.image_id)
        if result.build.state is BuildState.TIMED_OUT and limit < self.settings.timeout:
            raise OutOfTime(f"the verify deadline ({self.deadline.setting}) was reached")
        if result.image_id is None:
            return result.build
        made = replace(result.build, image=self.engine.inspect(result.image_id, self.deadline.left(PROBE_SECONDS)))
        self._made.append((made, result.image_id))
        return self.started(made)[0] if start else made

    def started(self, *builds: Build) -> tuple[Build, ...]:
        """The builds with their images' start checks, made together (one start period for
        all); a build that failed is not started. OutOfTime when the deadline leaves less than
        the start period: a check cut short would prove nothing."""
        ids = {id(made): image_id for made, image_id in self._made}
        todo = [b for b in builds if b.image is not None and b.image.start is None and id(b) in ids]
        run = getattr(self.engine, "start", None)
        if not todo or run is None:
            return builds
        if self.start.skip:
            checks = [StartCheck(StartState.SKIPPED, self.start.skip)] * len(todo)
        else:
            requests = [StartRequest(ids[id(b)], self.start, b.image.healthcheck) for b in todo]
            needed = max(request.limit for request in requests)
            if self.deadline.left(needed) < needed:
                raise OutOfTime(f"the verify deadline ({self.deadline.setting}) was reached")
            checks = run(requests)
        done = {id(b): replace(b, image=replace(b.image, start=c)) for b, c in zip(todo, checks, strict=True)}
        self._made = [(done.get(id(made), made), image_id) for made, image_id in self._made]
        return tuple(done.get(id(b), b) for b in builds)

    def with_inventory(self, build: Build | None) -> Build | None:
        """The build with the packages its image holds, read before the image is removed,
        when the engine can read them (the policies need them)."""
        read = getattr(self.engine, "inventory", None)
        image_id = next((made_id for made, made_id in self._made if made is build), None)
        if read is None or build is None or image_id is None:
            return build
        if image_id not in self._inventories:
            try:
                self._inventories[image_id] = read(image_id)
            except HardenbotError as error:  # that image's line (ImageArchiveError: a bound passed), not the run's end
                self._inventories[image_id] = Inventory(error=f"could not read its packages: {error}")
        return replace(build, inventory=self._inventories[image_id])


def _every_proof() -> dict[str, Proof]:
    from bot.rules import RULES  # the catalogue is loaded only by a run that verifies

    return {rule.code: rule.proof for rule in RULES if rule.proof is not None}


def _every_showing() -> dict[str, Showing]:
    from bot.rules import RULES

    return {rule.code: rule.shows for rule in RULES if rule.shows is not None}


def broken(build: Build, original: Build) -> str | None:
    """Why the hardened build is worse than the original's, or None when it is not."""
    if not build.built:
        return f"the image did not build ({build.failure()})"
    was, now = original.image, build.image
    if was is None or now is None or not was.starts or now.starts:
        return None
    if now.start_error or now.start is None:
        return f"a container of the image did not start ({now.start_error})"
    said = f"; the original's {was.start.state.value}" if was.start is not None else ""
    return f"its container did not start ({now.start.state.value}: {now.start.detail}{said})"


class Verifier:
    def __init__(self, engine: Engine, settings: VerifySettings, log: Callable[[str], None] = lambda line: None,
                 clock: Callable[[], float] = monotonic, proofs: Mapping[str, Proof] | None = None,
                 vulnerabilities: VulnerabilityLookup | None = None, showings: Mapping[str, Showing] | None = None,
                 progress: Progress | None = None):
        self.engine = engine
        self.progress = progress or Progress("verify", log, clock=clock)  # a line a file, in the log
        self.settings = settings
        self.log = log
        self.clock = clock
        self.proofs = proofs if proofs is not None else _every_proof()
        self.showings = showings if showings is not None else (_every_showing() if proofs is None else {})
        self.vulnerabilities = vulnerabilities

    def __call__(self, report: RunReport, root: Path, plans: Mapping[str, BuildPlan],
                 reharden: Callable[[str], Reharden]) -> RunReport:
        """The report with each planned file verified: results whose edits broke the build
        carry the hardening without them, and the verification of every planned file."""
        planned = sorted((r for r in report.results if r.changed and r.path in plans), key=lambda r: r.path)
        chosen, over = planned[:self.settings.max_images], planned[self.settings.max_images:]
        deadline = Deadline.after(self.settings.deadline, "deadline", self.clock)
        cached_before = self.engine.cache_records() if chosen else None
        pool = ThreadPoolExecutor(max(1, self.settings.jobs))

        def verify_and_tell(result: FileResult) -> tuple[FileResult, Verification]:
            verified = self.verify_file(result, root, plans[result.path], reharden(result.path), deadline,
                                        report.digests)
            self.progress.done(result.path, verified[1].verdict.value)
            return verified
        self.progress.start(len(chosen))
        try:
            with _terminate_as_interrupt():
                done = list(pool.map(verify_and_tell, chosen))
        except KeyboardInterrupt:
            # Stopped (Ctrl-C, SIGTERM): the start checks under way end now and remove their
            # containers, rather than after their start period; no file is begun.
            interrupt = getattr(self.engine, "interrupt", None)
            if interrupt is not None:
                interrupt()
            pool.shutdown(cancel_futures=True)
            raise
        finally:
            pool.shutdown()
            self.progress.finish()
            if chosen:
                self._remove_cache(cached_before)
        skipped = [Verification(r.path, plans[r.path].context, plans[r.path].target, Verdict.SKIPPED,
                                reason=f"beyond verify-max-images ({self.settings.max_images})") for r in over]
        replaced = {result.path: result for result, _ in done}
        for result, item in [*done, *zip(over, skipped, strict=True)]:
            if item.verdict in (Verdict.NOT_VERIFIED, Verdict.SKIPPED):
                replaced[result.path] = self._unproven_dropped(replaced.get(result.path, result), item.reason,
                                                                reharden(result.path))
        results = tuple(replaced.get(r.path, r) for r in report.results)
        verifications = tuple(sorted([v for _, v in done] + skipped, key=lambda v: v.path))
        return replace(report, results=results, verification=verifications)

    def _unproven_dropped(self, result: FileResult, why: str, reharden: Reharden) -> FileResult:
        """A file no build could prove keeps no proven fix: those edits are taken out again
        (without building) and each is told in its findings."""
        proven = frozenset(_held_to_proof(result.hardened, self.proofs))
        if not proven:
            return result
        hardened = reharden(proven)
        notes = tuple(dict.fromkeys(Finding(f.rule, f.path, f.line, f"not changed: not proven ({why}); reported instead")
                                    for f in result.hardened.applied if f.rule in proven))
        return replace(result, hardened=replace(hardened, after=hardened.after + notes, before=result.hardened.before,
                                                role=result.hardened.role))

    def _remove_cache(self, before: frozenset[str] | None) -> None:
        after = self.engine.cache_records() if before is not None else None
        if after is None:
            self.log("verify: the engine did not list its build cache: what the builds cached is left to it")
        elif after - before:
            self.engine.prune_cache(after - before)

    def verify_file(self, result: FileResult, root: Path, plan: BuildPlan, reharden: Reharden, deadline: Deadline,
                    digests: Mapping[ImageKey, Resolution] | None = None) -> tuple[FileResult, Verification]:
        def skip(reason: str) -> tuple[FileResult, Verification]:
            return result, Verification(result.path, plan.context, plan.target, Verdict.SKIPPED, reason=reason)

        if deadline.remaining() <= 0:
            return skip(f"the verify deadline ({deadline.setting}) was reached before it")
        root = root.resolve()
        try:
            check_confined(root, result.path, plan.context)
            ignore = own_dockerignore(root, result.path)
        except OutOfRepository as error:
            return skip(str(error))
        context = (root / plan.context).resolve()
        if not context.is_relative_to(root):
            return skip(f"its build context {plan.context} is outside the repository")
        if not context.is_dir():
            return skip(f"its build context {plan.context} is not a folder here")
        deadline = deadline.sooner(Deadline.after(self.settings.file_seconds, "file-deadline", self.clock))
        context_ignore = posixpath.normpath(posixpath.join(plan.context, ".dockerignore"))
        builds = _FileBuilds(self.engine, self.settings, root / result.path, context, plan.target, deadline, ignore,
                             context_ignore, lambda text: admitted(fetching_nothing(text, result.path), result.path,
                                                     self.settings.frontends, digests),
                             start_spec(self.settings, plan))
        try:
            return self._verify(result, plan, builds, reharden)
        except BuildRefused as error:  # nothing was built: the edits are kept, unproven
            return result, Verification(result.path, plan.context, plan.target, Verdict.NOT_VERIFIED,
                                        reason=str(error), builds=builds.count)
        except (EngineUnavailable, OSError) as error:  # the engine went away mid-run: edits kept, unproven
            return result, Verification(result.path, plan.context, plan.target, Verdict.NOT_VERIFIED,
                                        reason=f"the engine failed while verifying ({error})", builds=builds.count)
        finally:
            self.engine.remove(builds.images)

    def _verify(self, result: FileResult, plan: BuildPlan, builds: _FileBuilds,
                reharden: Reharden) -> tuple[FileResult, Verification]:
        def verification(verdict: Verdict, **fields) -> Verification:
            return Verification(result.path, plan.context, plan.target, verdict, builds=builds.count, **fields)

        self.log(f"verify: building {result.path} as it is")
        try:
            before = builds.build(result.original, start=False)
        except OutOfTime as error:
            return result, verification(Verdict.NOT_VERIFIED, reason=f"{error} before the original was built")
        if not before.built:
            return result, verification(Verdict.NOT_VERIFIED, before=before,
                                        reason=f"could not build the original here ({before.failure()})")
        self.log(f"verify: building {result.path} hardened")
        original = replace(result.hardened, text=result.original, applied=(), created=())
        try:
            after = builds.build(result.hardened.text, start=False, created=result.hardened.created)
            before, after = builds.started(before, after)
        except OutOfTime as error:
            every = _codes(result.hardened)
            return self._dropped(result, builds, verification, before, None, "",
                                 _Blame(every, every, str(error), original, before))
        why = broken(after, before)
        blame = _Blame((), (), "", result.hardened, after)
        if why is not None:
            self.log(f"verify: {result.path}: {why}; finding the edits to blame")
            blame = self._blame(result, before, builds, reharden)
        blame = self._proven(result, before, builds, reharden, blame)
        if not blame.dropped:
            result = replace(result, hardened=self._told(result.path, result.hardened, before, after, builds))
            return result, verification(Verdict.VERIFIED, before=builds.with_inventory(before),
                                        after=builds.with_inventory(after))
        return self._dropped(result, builds, verification, before, after if why is not None else None, why or "",
                             blame)

    def _proven(self, result: FileResult, before: Build, builds: _FileBuilds, reharden: Reharden,
                blame: _Blame) -> _Blame:
        """The blame with the proven fixes whose proof fails on the built images dropped too,
        each with its reason. Dropping one rebuilds the file without it, and the proofs are
        asked again of that build, until every proven fix left holds."""
        unproven: dict[str, str] = {}
        while True:
            proven = _held_to_proof(blame.hardened, self.proofs)
            failing = {}
            if proven:
                evidence = ProofEvidence(result.path, builds.with_inventory(before),
                                         builds.with_inventory(blame.build), self.vulnerabilities)
                failing = {code: why for code in proven if (why := self.proofs[code](evidence)) is not None}
            if not failing:
                return replace(blame, unproven=tuple(unproven.items()))
            unproven.update(failing)
            self.log(f"verify: {result.path}: not proven: {'; '.join(f'{c}: {w}' for c, w in failing.items())}")
            dropped = frozenset(blame.dropped) | unproven.keys()
            hardened = reharden(dropped)
            try:
                build = before if _as_original(hardened, result) else \
                    builds.build(hardened.text, created=hardened.created)
            except OutOfTime as error:
                every = _codes(result.hardened)
                return _Blame(every, tuple(sorted(set(every) - dropped)), str(error),
                              replace(result.hardened, text=result.original, applied=(), created=()), before,
                              tuple(unproven.items()))
            if broken(build, before) is not None:  # without the unproven edits the rest fails: none is kept
                every = _codes(result.hardened)
                return _Blame(every, (), "", replace(result.hardened, text=result.original, applied=(), created=()), before,
                              tuple(unproven.items()))
            blame = _Blame(tuple(sorted(dropped)), blame.late, blame.late_because, hardened, build)

    def _told(self, path: str, hardened: Hardened, before: Build, after: Build, builds: _FileBuilds) -> Hardened:
        """The hardening with each kept proven fix's first finding saying what the built images
        showed (its proof held on these same builds): the line is about the image, said once."""
        shown = [code for code in _codes(hardened) if code in self.showings and code in self.proofs]
        if not shown:
            return hardened
        evidence = ProofEvidence(path, builds.with_inventory(before), builds.with_inventory(after), self.vulnerabilities)
        lines = {code: self.showings[code](evidence) for code in shown}
        first = {code: next(f for f in hardened.applied if f.rule == code) for code in shown}
        return replace(hardened, applied=tuple(replace(f, message=f"{f.message}; {lines[f.rule]}")
                                               if first.get(f.rule) is f else f for f in hardened.applied))

    def _dropped(self, result: FileResult, builds: _FileBuilds, verification: Callable[..., Verification],
                 before: Build, failed: Build | None, why: str, blame: _Blame) -> tuple[FileResult, Verification]:
        """The result without the blamed edits, each told in the file's findings, and its verification."""
        unproven = dict(blame.unproven)

        def note(rule: str) -> str:
            if rule in blame.late:
                return f"not changed: not proven in time ({blame.late_because}); the edit was dropped"
            if rule in unproven:
                return f"not changed: not proven ({unproven[rule]}); the edit was dropped"
            if why:
                return f"not changed: with this edit {why}; the edit was dropped"
            return "not changed: the file did not build without the unproven edits; the edit was dropped"

        notes = tuple(dict.fromkeys(Finding(f.rule, f.path, f.line, note(f.rule))
                                    for f in result.hardened.applied if f.rule in blame.dropped))
        kept = self._told(result.path, blame.hardened, before, blame.build, builds)
        hardened = replace(kept, after=kept.after + notes, before=result.hardened.before, role=result.hardened.role)
        late = f"{', '.join(blame.late)} not proven in time: {blame.late_because}" if blame.late else ""
        return (replace(result, hardened=hardened),
                verification(Verdict.EDITS_DROPPED, before=builds.with_inventory(before),
                             after=builds.with_inventory(blame.build), failed=failed, dropped=blame.dropped,
                             reason=late, unproven=blame.unproven))

    def _blame(self, result: FileResult, before: Build, builds: _FileBuilds, reharden: Reharden) -> _Blame:
        first_edit: dict[str, int] = {}
        for found in result.hardened.applied:
            start = min((edit.span.start for edit in found.edits), default=0)  # an added file: the whole build
            first_edit[found.rule] = min(first_edit.get(found.rule, start), start)
        codes = sorted(first_edit, key=lambda code: -first_edit[code])
        every = _codes(result.hardened)
        original = replace(result.hardened, text=result.original, applied=(), created=())

        def attempt(drop: frozenset[str]) -> tuple[Hardened, Build, bool]:
            hardened = reharden(drop)
            if _as_original(hardened, result):
                return hardened, before, True
            self.log(f"verify: {result.path}: rebuilding without {', '.join(sorted(drop))}")
            build = builds.build(hardened.text, created=hardened.created)
            return hardened, build, broken(build, before) is None

        try:
            for code in codes:
                hardened, build, fine = attempt(frozenset({code}))
                if fine:
                    return _Blame((code,), (), "", hardened, build)
            drop = codes[:1]  # alone, it was just tried: add the next ones until the build passes
            for code in codes[1:]:
                drop.append(code)
                hardened, build, fine = attempt(frozenset(drop))
                if fine:
                    break
            else:  # without every rule that applied, only the original is left, and it builds
                return _Blame(every, (), "", original, before)
        except OutOfTime as error:  # no build without some of the edits has passed: none is proven
            return _Blame(every, every, str(error), original, before)
        needed, doubtful = drop[-1:], drop[:-1]  # the last one added was needed; put back each other
        while doubtful:
            code = doubtful.pop(0)
            try:
                candidate, candidate_build, fine = attempt(frozenset(needed + doubtful))
            except OutOfTime as error:
                late = (code, *doubtful)
                return _Blame(tuple(sorted(needed + list(late))), tuple(sorted(late)), str(error), hardened, build)
            if fine:
                hardened, build = candidate, candidate_build
            else:
                needed.append(code)
        return _Blame(tuple(sorted(needed)), (), "", hardened, build)


@record
class _Blame:
    """What the search for the edits to blame found."""
    dropped: tuple[str, ...]  # rule codes whose edits are dropped
    late: tuple[str, ...]  # … of which only because the deadline came before they were cleared
    late_because: str  # which deadline, when some are late
    hardened: Hardened  # the hardening without the dropped rules
    build: Build  # its build
    unproven: tuple[tuple[str, str], ...] = ()  # (rule code, why its proof failed), of the dropped


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (a cancelled CI job, `kill`) raises KeyboardInterrupt, as Ctrl-C does, so that the
    containers a run started are removed before it ends; Python's default would end it at once.
    Only the main thread may set a handler: elsewhere the process's own handling stands."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _as_original(hardened: Hardened, result: FileResult) -> bool:
    """Whether the hardening leaves the file as it was and adds none: the original's build is its build."""
    return hardened.text == result.original and not hardened.created


def _codes(hardened: Hardened) -> tuple[str, ...]:
    """The rules whose edits the hardening applied."""
    return tuple(sorted({f.rule for f in hardened.applied}))


def _held_to_proof(hardened: Hardened, proofs: Mapping[str, Proof]) -> tuple[str, ...]:
    """The rules with a proof whose edits the hardening applied, but for edits the
    configuration spells out: a person chose those, and they are kept as plain fixes."""
    return tuple(sorted({f.rule for f in hardened.applied if f.rule in proofs and not f.configured}))
